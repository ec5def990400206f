using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PaperBot.Host.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP receiver on loopback, as a collector would run it: <c>POST /v1/traces</c>, <c>/v1/metrics</c> and
/// <c>/v1/logs</c> with protobuf bodies, each answered 200 with an empty export response.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private readonly Channel<bool> _arrived = Channel.CreateUnbounded<bool>();

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver._received.Enqueue(($"/v1/{signal}", body.ToArray()));
            receiver._arrived.Writer.TryWrite(true);
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        receiver.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>Waits, woken by each export and bounded in time, until <paramref name="found"/> holds of what arrived.</summary>
    public async Task<T> WaitForAsync<T>(Func<IReadOnlyList<(string Path, byte[] Body)>, T?> found, TimeSpan timeout)
        where T : class
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            if (found([.. _received]) is { } result)
            {
                return result;
            }

            try
            {
                await _arrived.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Not received within {timeout}; exports: {string.Join(", ", _received.Select(r => $"{r.Path} ({r.Body.Length} bytes)"))}");
            }
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
