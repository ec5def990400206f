using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PaperBot.Testing.Loopback;

[assembly: AssemblyFixture(typeof(PaperBot.Hostile.Tests.Support.HostileHost))]

namespace PaperBot.Hostile.Tests.Support;

/// <summary>
/// The host exactly as it runs (real answer service, real index, production environment) on loopback Kestrel, with
/// Slack and anonymous Teams switched on, every log line captured, and a short body grace period. It starts over an
/// embedding cache damaged the way the audit damaged it, so every test also shows that a damaged cache costs nothing.
/// </summary>
public sealed class HostileHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningSecret = "hostile-suite-signing-secret";

    /// <summary>The audit's bad length prefix: <c>printf 'CEBP\x01\x00\x00\x00\xff\xff\xff\xff\xff\xff'</c>.</summary>
    public static readonly byte[] BadLengthPrefix = [.. "CEBP"u8, 0x01, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

    public string CacheFolder { get; } = Path.Combine(Path.GetTempPath(), "paperbot-hostile-tests-" + Guid.NewGuid().ToString("N"));

    public ReplyReceiver Receiver { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();

    public HttpClient Http { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Receiver = await ReplyReceiver.StartAsync();
        Directory.CreateDirectory(CacheFolder);
        await File.WriteAllBytesAsync(Path.Combine(CacheFolder, "embeddings-snowflake-arctic-embed-xs.bin"), BadLengthPrefix);
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Knowledge:CachePath", CacheFolder);
        builder.UseSetting("Slack:SigningSecret", SigningSecret);
        builder.UseSetting("Slack:ResponseUrlBase", Receiver.ResponseUrlBase);
        builder.UseSetting("Slack:MaxConcurrentAnswers", "1");
        builder.UseSetting("Teams:MicrosoftAppId", "");
        builder.UseSetting("Teams:PlaygroundServiceUrl", Receiver.ConnectorUrl);
        builder.UseSetting("Http:BodyGracePeriod", "00:00:01.500");
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFakeLogging();
        });
    }

    /// <summary>The first log record (already written or still to come) that matches; fails after the bound.</summary>
    public async Task<FakeLogRecord> LogAsync(Func<FakeLogRecord, bool> match)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var record in Logs.GetLogsAsync(bound.Token))
        {
            if (match(record))
            {
                return record;
            }
        }

        throw new TimeoutException("no such log record");
    }

    /// <summary>Bad input is never a fault: nothing at Error or above, and no exception attached to any warning.</summary>
    public void AssertNoFaultLogged()
    {
        var faults = Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error || (r.Level >= LogLevel.Warning && r.Exception is not null)).ToList();
        Assert.True(faults.Count == 0, "faults logged: " + string.Join(" | ", faults.Select(f => $"{f.Level} {f.Category}: {f.Message} {f.Exception?.GetType().Name}")));
    }

    public override async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
        try
        {
            Directory.Delete(CacheFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
