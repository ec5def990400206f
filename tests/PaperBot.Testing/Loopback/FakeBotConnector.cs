namespace PaperBot.Testing.Loopback;

/// <summary>
/// The Bot Connector a Teams bot replies through, on loopback: <c>POST {serviceUrl}v3/conversations/{id}/activities</c>
/// (and <c>…/activities/{replyToId}</c>) answered 200 with a <c>ResourceResponse</c>, <c>{"id":"…"}</c>, the id being
/// the prefix and the request's index. A script can answer some requests differently (a refusal, throttling).
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FakeBotConnector(LoopbackServer server) => _server = server;

    /// <summary>The service URL activities name (<c>http://127.0.0.1:PORT/</c>).</summary>
    public Uri BaseUrl => _server.BaseUrl;

    /// <summary>Every activity sent so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <param name="idPrefix">What the ids handed back start with; the request's index (from 0) follows.</param>
    /// <param name="script">Answers a request instead of the connector when it returns a response; null lets the connector answer.</param>
    public static async Task<FakeBotConnector> StartAsync(string idPrefix = "bot-activity-", Func<RecordedRequest, ScriptedResponse?>? script = null) =>
        new(await LoopbackServer.StartAsync(request => script?.Invoke(request) ?? ResourceResponse(idPrefix + request.Index)));

    /// <summary>The Bot Connector's answer to an activity it accepted.</summary>
    public static ScriptedResponse ResourceResponse(string id) => ScriptedResponse.Json($$"""{"id":"{{id}}"}""");

    /// <summary>The next activity no earlier call has taken, in arrival order; fails after the bound.</summary>
    public Task<RecordedRequest> NextRequestAsync(TimeSpan? timeout = null) => _server.NextRequestAsync(timeout);

    /// <summary>The first activity, already sent or still to come, that matches; fails after the bound.</summary>
    public Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null) => _server.WaitForAsync(match, timeout);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
