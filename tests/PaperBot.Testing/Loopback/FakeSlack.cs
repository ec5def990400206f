using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Testing.Loopback;

/// <summary>One call the Slack fake received: which API method (or response URL), the bearer header, the JSON body.</summary>
public sealed record SlackCall(string Target, string? Authorization, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// Slack on loopback (a <see cref="LoopbackServer"/>): the Web API at <c>/api/{method}</c> speaking Slack's JSON,
/// response URLs at <c>/response/{id}</c>, and a Socket Mode WebSocket at <c>/socket</c>. Records every call and
/// lets a test wait for one without sleeping.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    public const string BotUserId = "UPAPERBOT";
    public const string BotId = "BPAPERBOT";

    private const string ApiPrefix = "/api/";
    private const string ResponsePrefix = "/response/";
    private const string SocketPath = "/socket";

    private LoopbackServer _server = null!;

    private FakeSlack()
    {
    }

    public Uri BaseUrl => _server.BaseUrl;

    public string ApiBaseUrl => new Uri(BaseUrl, "api/").ToString();

    /// <summary>Replaces the default reply for a method: (method, how many times it has been called including this one).</summary>
    public Func<string, int, ScriptedResponse?>? Override { get; set; }

    /// <summary>What the server side of a Socket Mode connection does: (socket, connection number from 1, aborted).</summary>
    public Func<WebSocket, int, CancellationToken, Task>? SocketSession { get; set; }

    public Uri ResponseUrl(string id) => new(BaseUrl, $"response/{id}");

    /// <summary>What <c>Slack:ResponseUrlBase</c> is set to, so the response URLs above are allowed.</summary>
    public string ResponseUrlBase => new Uri(BaseUrl, "response/").ToString();

    public static async Task<FakeSlack> StartAsync()
    {
        var fake = new FakeSlack();
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    /// <summary>The calls so far to one target: an API method (<c>chat.postMessage</c>), <c>response/{id}</c> or <c>socket</c>.</summary>
    public IReadOnlyList<SlackCall> Calls(string target) => Project(_server.Requests).Where(c => c.Target == target).ToList();

    /// <summary>The first call (already made or still to come) that matches; fails after the timeout.</summary>
    public async Task<SlackCall> WaitForAsync(string target, Func<SlackCall, bool>? match = null, TimeSpan? timeout = null)
    {
        bool Matches(RecordedRequest request) =>
            Call(request, _server.Requests) is { } call && call.Target == target && (match is null || match(call));
        var request = await _server.WaitForAsync(Matches, timeout);
        return Call(request, _server.Requests)!;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(RecordedRequest request, HttpContext context)
    {
        var all = _server.Requests;
        if (request.Path == SocketPath)
        {
            await HandleSocketAsync(request, context, all);
            return;
        }

        if (request.Method != HttpMethods.Post)
        {
            await ScriptedResponse.Empty(StatusCodes.Status405MethodNotAllowed).WriteAsync(context.Response, context.RequestAborted);
            return;
        }

        var response = request.Path.StartsWith(ApiPrefix, StringComparison.Ordinal)
            ? ApiReply(request.Path[ApiPrefix.Length..], request, all)
            : request.Path.StartsWith(ResponsePrefix, StringComparison.Ordinal)
                ? ScriptedResponse.Text("ok")
                : ScriptedResponse.Empty(StatusCodes.Status404NotFound);
        await response.WriteAsync(context.Response, context.RequestAborted);
    }

    private ScriptedResponse ApiReply(string method, RecordedRequest request, IReadOnlyList<RecordedRequest> all)
    {
        var count = all.Count(r => r.Index <= request.Index && r.Method == HttpMethods.Post && r.Path == request.Path);
        if (Override?.Invoke(method, count) is { } custom)
        {
            return custom;
        }

        return method switch
        {
            "auth.test" => ScriptedResponse.Json(new { ok = true, user_id = BotUserId, bot_id = BotId, team_id = "T1" }),
            "chat.postMessage" => ScriptedResponse.Json(new { ok = true, channel = request.Json.GetProperty("channel").GetString(), ts = $"1700000000.{count:D6}" }),
            "chat.postEphemeral" => ScriptedResponse.Json(new { ok = true, message_ts = "1700000000.000001" }),
            "apps.connections.open" => ScriptedResponse.Json(new { ok = true, url = $"ws://{BaseUrl.Authority}{SocketPath}" }),
            _ => ScriptedResponse.Json(new { ok = false, error = "unknown_method" }),
        };
    }

    private async Task HandleSocketAsync(RecordedRequest request, HttpContext context, IReadOnlyList<RecordedRequest> all)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        if (SocketSession is { } session)
        {
            await session(socket, SocketNumber(request, all), context.RequestAborted);
        }
    }

    private static int SocketNumber(RecordedRequest request, IReadOnlyList<RecordedRequest> all) =>
        all.Count(r => r.Index <= request.Index && r.Path == SocketPath && IsWebSocket(r));

    private static bool IsWebSocket(RecordedRequest request) =>
        string.Equals(request.Header("Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<SlackCall> Project(IReadOnlyList<RecordedRequest> all) =>
        all.Select(r => Call(r, all)).OfType<SlackCall>();

    /// <summary>What a request is to Slack: a Web API call, a response URL post, a Socket Mode connection, or nothing.</summary>
    private static SlackCall? Call(RecordedRequest request, IReadOnlyList<RecordedRequest> all)
    {
        if (request.Path == SocketPath)
        {
            return IsWebSocket(request) ? new SlackCall("socket", null, $"{{\"connection\":{SocketNumber(request, all)}}}") : null;
        }

        if (request.Method != HttpMethods.Post)
        {
            return null;
        }

        if (request.Path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            return new SlackCall(request.Path[ApiPrefix.Length..], request.Authorization, request.Body);
        }

        return request.Path.StartsWith(ResponsePrefix, StringComparison.Ordinal)
            ? new SlackCall(request.Path[1..], request.Authorization, request.Body)
            : null;
    }
}
