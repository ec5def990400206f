using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PaperBot.Answering;
using PaperBot.Channels.Slack.Processing;
using PaperBot.Testing;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Slack.Tests.Infrastructure;

/// <summary>
/// The Slack channel alone in a real Kestrel host on loopback (production environment, so no developer error pages),
/// with a stub answer service, logs captured and its counters observable.
/// </summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    public const string SigningSecret = "test-signing-secret-0123456789";
    public const string BotToken = "test-bot-token-not-real";
    public const string AppToken = "xapp-test-app-token-secret";

    private readonly WebApplication _app;

    private SlackTestHost(WebApplication app, StubAnswerService answers, HttpClient client)
    {
        _app = app;
        Answers = answers;
        Client = client;
        Messages = new MetricCollector<long>(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), SlackMetrics.MeterName, SlackMetrics.MessagesCounter);
        Feedback = new MetricCollector<long>(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), SlackMetrics.MeterName, SlackMetrics.FeedbackCounter);
    }

    public StubAnswerService Answers { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public FakeLogCollector Logs => _app.Services.GetRequiredService<FakeLogCollector>();

    /// <summary>Every "message handled" measurement: outcome answered, ignored, duplicate, failed, busy.</summary>
    public MetricCollector<long> Messages { get; }

    public MetricCollector<long> Feedback { get; }

    public static async Task<SlackTestHost> StartAsync(FakeSlack? slack, Dictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        // An explicit endpoint, so a "Urls" setting in an appsettings.json beside the tests cannot move it.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Configuration.Sources.Clear();
        var config = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = slack?.ApiBaseUrl ?? "http://127.0.0.1:9/api/",
            ["Slack:ResponseUrlBase"] = slack?.ResponseUrlBase ?? "http://127.0.0.1:9/",
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFakeLogging();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        var answers = new StubAnswerService();
        builder.Services.AddSingleton<IAnswerService>(answers);
        builder.Services.AddSlackChannel();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSlackEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SlackTestHost(app, answers, new HttpClient { BaseAddress = new Uri(address) });
    }

    public long Now => Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds();

    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string mediaType, Action<HttpRequestMessage>? adjust = null)
    {
        var request = SlackSigner.Request(path, body, mediaType, SigningSecret, Now);
        adjust?.Invoke(request);
        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PostEventAsync(object envelope, Action<HttpRequestMessage>? adjust = null) =>
        PostSignedAsync("/slack/events", JsonSerializer.Serialize(envelope), "application/json", adjust);

    /// <summary>Waits for the bot to know who it is, so "own message" checks are deterministic.</summary>
    public Task IdentityKnownAsync() =>
        Services.GetRequiredService<PaperBot.Channels.Slack.WebApi.SlackBotIdentity>().Settled.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Messages.Dispose();
        Feedback.Dispose();
        Client.Dispose();
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(stopping.Token);
        }

        await _app.DisposeAsync();
    }
}
