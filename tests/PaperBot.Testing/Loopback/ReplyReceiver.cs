namespace PaperBot.Testing.Loopback;

/// <summary>
/// Everything the host talks back to, on one loopback server: the Agents Playground's Bot Connector
/// (<c>/_connector/v3/conversations/…</c>, answered with a <c>ResourceResponse</c> <c>{"id":"reply-N"}</c>) and Slack
/// response URLs (<c>/response/{id}</c>, answered <c>ok</c>). Every request is recorded and can be awaited.
/// </summary>
public sealed class ReplyReceiver : IAsyncDisposable
{
    private const string ConnectorPrefix = "/_connector/";

    private readonly LoopbackServer _server;

    private ReplyReceiver(LoopbackServer server) => _server = server;

    public Uri BaseUrl => _server.BaseUrl;

    /// <summary>What <c>Teams:PlaygroundServiceUrl</c> is set to.</summary>
    public string ConnectorUrl => new Uri(BaseUrl, "_connector").ToString();

    /// <summary>What <c>Slack:ResponseUrlBase</c> is set to.</summary>
    public string ResponseUrlBase => new Uri(BaseUrl, "response/").ToString();

    public Uri ResponseUrl(string id) => new(BaseUrl, $"response/{id}");

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public static async Task<ReplyReceiver> StartAsync()
    {
        var replies = 0;
        var server = await LoopbackServer.StartAsync(
            request => request.Path.StartsWith(ConnectorPrefix, StringComparison.Ordinal)
                ? FakeBotConnector.ResourceResponse($"reply-{Interlocked.Increment(ref replies)}")
                : ScriptedResponse.Text("ok"),
            new LoopbackOptions { DefaultTimeout = TimeSpan.FromSeconds(30) });
        return new ReplyReceiver(server);
    }

    /// <summary>The first request (already received or still to come) that matches; fails after the bound.</summary>
    public Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null) => _server.WaitForAsync(match, timeout);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
