using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PaperBot.Testing.Loopback;

/// <summary>How a <see cref="LoopbackServer"/> listens.</summary>
public sealed record LoopbackOptions
{
    /// <summary>The port on 127.0.0.1; 0 (the default) lets the OS pick a free one.</summary>
    public int Port { get; init; }

    /// <summary>Cleartext HTTP/2 only (prior knowledge), as gRPC clients speak it; HTTP/1.1 otherwise.</summary>
    public bool Http2Only { get; init; }

    /// <summary>How long a wait for a request lasts when the caller gives no bound.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1, on a free port unless told otherwise, that records every request
/// (<see cref="RecordedRequest"/>: method, target, headers, body) before a responder answers it. Tests wait for
/// requests through <see cref="NextRequestAsync"/> and <see cref="WaitForAsync"/>, which are woken by each arrival
/// and bounded in time, never by sleeping. Disposing stops the server and wakes any responder that is holding a
/// request open through <see cref="Stopping"/>.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<Waiter> _waiters = [];
    private readonly Channel<RecordedRequest> _untaken = Channel.CreateUnbounded<RecordedRequest>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeSpan _defaultTimeout;
    private WebApplication? _app;
    private int _disposed;

    private LoopbackServer(TimeSpan defaultTimeout) => _defaultTimeout = defaultTimeout;

    /// <summary>Where the server listens, ending in <c>/</c> (<c>http://127.0.0.1:PORT/</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public int Port => BaseUrl.Port;

    /// <summary>Signalled when the server is being disposed: a responder that holds a request open ends on it.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a server that answers each request with what <paramref name="respond"/> returns for it.</summary>
    public static Task<LoopbackServer> StartAsync(Func<RecordedRequest, ScriptedResponse> respond, LoopbackOptions? options = null) =>
        StartAsync((request, context) => respond(request).WriteAsync(context.Response, context.RequestAborted), options);

    /// <summary>
    /// Starts a server whose <paramref name="handle"/> answers each request through its <see cref="HttpContext"/>
    /// (the body is already read and recorded; WebSocket requests can be accepted).
    /// </summary>
    public static async Task<LoopbackServer> StartAsync(Func<RecordedRequest, HttpContext, Task> handle, LoopbackOptions? options = null)
    {
        options ??= new LoopbackOptions();
        var builder = WebApplication.CreateSlimBuilder();
        // An explicit endpoint, so a "Urls" setting in an appsettings.json beside the tests cannot move it.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(
            IPAddress.Loopback, options.Port, listen => listen.Protocols = options.Http2Only ? HttpProtocols.Http2 : HttpProtocols.Http1));
        builder.Logging.ClearProviders();
        var server = new LoopbackServer(options.DefaultTimeout);
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(async context => await handle(await server.RecordAsync(context), context));
        await app.StartAsync();
        server._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The next request no earlier call has taken, in arrival order; fails after the bound.</summary>
    public async Task<RecordedRequest> NextRequestAsync(TimeSpan? timeout = null)
    {
        var bound = timeout ?? _defaultTimeout;
        using var cts = new CancellationTokenSource(bound);
        try
        {
            return await _untaken.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"No further request within {bound}. {Received()}");
        }
    }

    /// <summary>The first request, already received or still to come, that matches; fails after the bound.</summary>
    public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        var bound = timeout ?? _defaultTimeout;
        using var cts = new CancellationTokenSource(bound);
        try
        {
            return await WaitCoreAsync(match, cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"No matching request within {bound}. {Received()}");
        }
    }

    /// <summary>
    /// Waits until <paramref name="found"/>, asked again after each arrival, makes something of the requests so far;
    /// fails after the bound. For conditions over several requests (e.g. exports that add up).
    /// </summary>
    public async Task<T> WaitUntilAsync<T>(Func<IReadOnlyList<RecordedRequest>, T?> found, TimeSpan? timeout = null)
        where T : class
    {
        var bound = timeout ?? _defaultTimeout;
        using var cts = new CancellationTokenSource(bound);
        try
        {
            while (true)
            {
                var seen = Requests;
                if (found(seen) is { } result)
                {
                    return result;
                }

                // Woken by the first request after those just looked at.
                await WaitCoreAsync(r => r.Index >= seen.Count, cts.Token);
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"Not received within {bound}. {Received()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_app is not null)
        {
            using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            {
                await _app.StopAsync(stop.Token);
            }

            await _app.DisposeAsync();
        }

        _untaken.Writer.TryComplete();
        List<Waiter> pending;
        lock (_lock)
        {
            pending = [.. _waiters];
            _waiters.Clear();
        }

        // Waits still open end as cancelled: the server stopped before a matching request came.
        pending.ForEach(w => w.Signal.TrySetCanceled());
    }

    private async Task<RecordedRequest> WaitCoreAsync(Func<RecordedRequest, bool> match, CancellationToken cancellationToken)
    {
        // Registered together with the snapshot, so a request is either in the snapshot or signals the waiter; the
        // test's predicate runs outside the lock.
        var waiter = new Waiter(match);
        List<RecordedRequest> seen;
        lock (_lock)
        {
            seen = [.. _requests];
            _waiters.Add(waiter);
        }

        try
        {
            return seen.FirstOrDefault(match) ?? await waiter.Signal.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (_lock)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        // A WebSocket (upgrade) request has no body to read: reading would wait for the upgraded stream.
        var content = context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true
            ? []
            : await ReadBodyAsync(context.Request, context.RequestAborted);
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : context.Request.Path.Value + context.Request.QueryString.Value;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        List<Waiter> waiting;
        RecordedRequest recorded;
        lock (_lock)
        {
            recorded = new RecordedRequest(_requests.Count, context.Request.Method, target, headers, content, DateTimeOffset.UtcNow);
            _requests.Add(recorded);
            waiting = [.. _waiters];
        }

        _untaken.Writer.TryWrite(recorded);
        foreach (var waiter in waiting)
        {
            try
            {
                if (waiter.Match(recorded))
                {
                    waiter.Signal.TrySetResult(recorded);
                }
            }
            catch (Exception error)
            {
                // A predicate that cannot judge this request fails its own wait, not the request.
                waiter.Signal.TrySetException(error);
            }
        }

        return recorded;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        return body.ToArray();
    }

    private string Received()
    {
        var seen = Requests;
        return seen.Count == 0 ? "Nothing was received." : "Received: " + string.Join("; ", seen);
    }

    private sealed class Waiter(Func<RecordedRequest, bool> match)
    {
        public Func<RecordedRequest, bool> Match { get; } = match;

        public TaskCompletionSource<RecordedRequest> Signal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
