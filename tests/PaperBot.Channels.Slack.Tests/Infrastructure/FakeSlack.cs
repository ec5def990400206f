using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PaperBot.Channels.Slack.Tests.Infrastructure;

/// <summary>One request the fake received: which API method (or response URL), the bearer header, the JSON body.</summary>
internal sealed record RecordedCall(string Target, string? Authorization, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// Slack on loopback (real Kestrel on 127.0.0.1): the Web API at <c>/api/{method}</c> speaking Slack's JSON,
/// response URLs at <c>/response/{id}</c>, and a Socket Mode WebSocket at <c>/socket</c>. Records every call and
/// lets a test wait for one without sleeping.
/// </summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    public const string BotUserId = "UPAPERBOT";
    public const string BotId = "BPAPERBOT";

    private readonly Lock _lock = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly List<(Func<RecordedCall, bool> Match, TaskCompletionSource<RecordedCall> Signal)> _waiters = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private int _socketConnections;

    private FakeSlack(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public string ApiBaseUrl => new Uri(BaseUrl, "api/").ToString();

    /// <summary>Replaces the default reply for a method: (method, how many times it has been called including this one).</summary>
    public Func<string, int, IResult?>? Override { get; set; }

    /// <summary>What the server side of a Socket Mode connection does: (socket, connection number from 1, aborted).</summary>
    public Func<WebSocket, int, CancellationToken, Task>? SocketSession { get; set; }

    public int SocketConnections => Volatile.Read(ref _socketConnections);

    public Uri ResponseUrl(string id) => new(BaseUrl, $"response/{id}");

    /// <summary>What <c>Slack:ResponseUrlBase</c> is set to, so the response URLs above are allowed.</summary>
    public string ResponseUrlBase => new Uri(BaseUrl, "response/").ToString();

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // An explicit endpoint, so a "Urls" setting in an appsettings.json beside the tests cannot move it.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", fake.HandleApiAsync);
        app.MapPost("/response/{id}", fake.HandleResponseAsync);
        app.Map("/socket", fake.HandleSocketAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return fake;
    }

    public IReadOnlyList<RecordedCall> Calls(string target)
    {
        lock (_lock)
        {
            return _calls.Where(c => c.Target == target).ToList();
        }
    }

    /// <summary>The first call (already made or still to come) that matches; fails after the timeout.</summary>
    public Task<RecordedCall> WaitForAsync(string target, Func<RecordedCall, bool>? match = null, TimeSpan? timeout = null)
    {
        bool Matches(RecordedCall c) => c.Target == target && (match is null || match(c));
        var signal = new TaskCompletionSource<RecordedCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            var existing = _calls.FirstOrDefault(Matches);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            _waiters.Add((Matches, signal));
        }

        return signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(15));
    }

    private async Task<IResult> HandleApiAsync(string method, HttpRequest request)
    {
        var call = await RecordAsync(method, request);
        int count;
        lock (_lock)
        {
            count = _counts[method] = _counts.GetValueOrDefault(method) + 1;
        }

        Signal(call);
        var custom = Override?.Invoke(method, count);
        if (custom is not null)
        {
            return custom;
        }

        return method switch
        {
            "auth.test" => Results.Json(new { ok = true, user_id = BotUserId, bot_id = BotId, team_id = "T1" }),
            "chat.postMessage" => Results.Json(new { ok = true, channel = call.Json.GetProperty("channel").GetString(), ts = $"1700000000.{count:D6}" }),
            "chat.postEphemeral" => Results.Json(new { ok = true, message_ts = "1700000000.000001" }),
            "apps.connections.open" => Results.Json(new { ok = true, url = $"ws://{BaseUrl.Authority}/socket" }),
            _ => Results.Json(new { ok = false, error = "unknown_method" }),
        };
    }

    private async Task<IResult> HandleResponseAsync(string id, HttpRequest request)
    {
        Signal(await RecordAsync($"response/{id}", request));
        return Results.Text("ok");
    }

    private async Task HandleSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var number = Interlocked.Increment(ref _socketConnections);
        Signal(new RecordedCall("socket", null, $"{{\"connection\":{number}}}"));
        if (SocketSession is not null)
        {
            await SocketSession(socket, number, context.RequestAborted);
        }
    }

    private async Task<RecordedCall> RecordAsync(string target, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var call = new RecordedCall(target, request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, await reader.ReadToEndAsync());
        lock (_lock)
        {
            _calls.Add(call);
        }

        return call;
    }

    private void Signal(RecordedCall call)
    {
        List<TaskCompletionSource<RecordedCall>> ready;
        lock (_lock)
        {
            if (call.Target == "socket")
            {
                _calls.Add(call);
            }

            ready = _waiters.Where(w => w.Match(call)).Select(w => w.Signal).ToList();
            _waiters.RemoveAll(w => ready.Contains(w.Signal));
        }

        foreach (var signal in ready)
        {
            signal.TrySetResult(call);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(stopping.Token);
        }

        await _app.DisposeAsync();
    }
}

internal static class WebSocketJson
{
    public static Task SendJsonAsync(this WebSocket socket, object value, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(value), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>The next text frame as JSON, or null when the socket closed.</summary>
    public static async Task<JsonElement?> ReceiveJsonAsync(this WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            frame.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonDocument.Parse(frame.ToArray()).RootElement.Clone();
    }

    /// <summary>Reads until the client closes, then completes the close handshake.</summary>
    public static async Task DrainUntilClosedAsync(this WebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            while (await socket.ReceiveJsonAsync(cancellationToken) is not null)
            {
            }

            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
    }
}
