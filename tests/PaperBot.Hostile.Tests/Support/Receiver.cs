using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PaperBot.Hostile.Tests.Support;

/// <summary>One request the receiver got.</summary>
public sealed record Received(string Path, string Body);

/// <summary>
/// What the bot talks back to, on loopback Kestrel, speaking the real wire formats: the Agents Playground's Bot
/// Connector (<c>/_connector/v3/conversations/…</c>, answers <c>{"id":…}</c>) and Slack response URLs
/// (<c>/response/{id}</c>). Every request is recorded and can be awaited.
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<Received> _all = [];
    private readonly List<(Func<Received, bool> Match, TaskCompletionSource<Received> Signal)> _waiters = [];
    private int _count;

    private Receiver(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public string ConnectorUrl => new Uri(BaseUrl, "_connector").ToString();

    public string ResponseUrlBase => new Uri(BaseUrl, "response/").ToString();

    public Uri ResponseUrl(string id) => new(BaseUrl, $"response/{id}");

    public IReadOnlyList<Received> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new Receiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>The first request (already received or still to come) that matches; fails after the bound.</summary>
    public Task<Received> WaitForAsync(Func<Received, bool> match)
    {
        var signal = new TaskCompletionSource<Received>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_all)
        {
            if (_all.FirstOrDefault(match) is { } existing)
            {
                return Task.FromResult(existing);
            }

            _waiters.Add((match, signal));
        }

        return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var received = new Received(context.Request.Path.Value ?? "", await reader.ReadToEndAsync(context.RequestAborted));
        List<TaskCompletionSource<Received>> ready;
        lock (_all)
        {
            _all.Add(received);
            ready = _waiters.Where(w => w.Match(received)).Select(w => w.Signal).ToList();
            _waiters.RemoveAll(w => ready.Contains(w.Signal));
        }

        ready.ForEach(s => s.TrySetResult(received));
        if (received.Path.StartsWith("/_connector/", StringComparison.Ordinal))
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"id":"reply-{{Interlocked.Increment(ref _count)}}"}""");
        }
        else
        {
            await context.Response.WriteAsync("ok");
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
