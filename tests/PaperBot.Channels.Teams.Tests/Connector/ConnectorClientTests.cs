using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Channels.Teams.Connector;
using PaperBot.Channels.Teams.Protocol;
using PaperBot.Channels.Teams.Tests.Support;
using PaperBot.Testing.Loopback;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace PaperBot.Channels.Teams.Tests.Connector;

public sealed class ConnectorClientTests
{
    private static readonly OutgoingActivity Reply = new() { Type = "message", Text = "hello" };

    /// <summary>A connector that answers each attempt with the next status (200 once they run out).</summary>
    private static Task<FakeBotConnector> ConnectorAsync(params (int Status, string? RetryAfter)[] attempts) =>
        FakeBotConnector.StartAsync("reply-", request => request.Index >= attempts.Length
            ? null
            : attempts[request.Index].RetryAfter is { } after
                ? ScriptedResponse.Empty(attempts[request.Index].Status).WithHeader("Retry-After", after)
                : ScriptedResponse.Empty(attempts[request.Index].Status));

    private static async Task<(string? Id, Exception? Error)> ReplyAsync(Uri connector, ServiceProvider services)
    {
        var client = services.GetRequiredService<ConnectorClient>();
        try
        {
            return (await client.ReplyAsync(connector, "19:c@thread.skype;messageid=17", "act/1", Reply, TestContext.Current.CancellationToken), null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }

    [Fact]
    public async Task ReplyAsync_Success_PostsToEscapedReplyPathAndReturnsId()
    {
        await using var connector = await ConnectorAsync();
        await using var services = TeamsServices.Build();

        var (id, error) = await ReplyAsync(connector.BaseUrl, services);

        Assert.Null(error);
        Assert.Equal("reply-0", id);
        var request = Assert.Single(connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations/19%3Ac%40thread.skype%3Bmessageid%3D17/activities/act%2F1", request.Path);
        Assert.Null(request.Authorization);
        Assert.Contains("\"text\":\"hello\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyAsync_429WithRetryAfter_WaitsThenSucceeds()
    {
        await using var connector = await ConnectorAsync((429, "1"));
        await using var services = TeamsServices.Build();

        var (id, error) = await ReplyAsync(connector.BaseUrl, services);

        Assert.Null(error);
        Assert.Equal("reply-1", id);
        var requests = connector.Requests;
        Assert.Equal(2, requests.Count);
        // The base delay is 50 ms in tests, so a gap near a second can only come from Retry-After.
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {requests[1].At - requests[0].At}");
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task ReplyAsync_TransientStatus_IsRetried(int status)
    {
        await using var connector = await ConnectorAsync((status, null), (status, null));
        await using var services = TeamsServices.Build();

        var (id, error) = await ReplyAsync(connector.BaseUrl, services);

        Assert.Null(error);
        Assert.Equal("reply-2", id);
        Assert.Equal(3, connector.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task ReplyAsync_NonTransientStatus_IsNotRetried(int status)
    {
        await using var connector = await ConnectorAsync((status, null));
        await using var services = TeamsServices.Build();

        var (_, error) = await ReplyAsync(connector.BaseUrl, services);

        var refused = Assert.IsType<ConnectorException>(error);
        Assert.Equal(status, (int)refused.Status);
        Assert.Single(connector.Requests);
    }

    [Fact]
    public async Task ReplyAsync_PersistentThrottling_GivesUpAfterMaxRetries()
    {
        await using var connector = await ConnectorAsync(Enumerable.Repeat((503, (string?)null), 10).ToArray());
        await using var services = TeamsServices.Build(settings: new Dictionary<string, string?> { ["Teams:ReplyMaxRetries"] = "2" });

        var (_, error) = await ReplyAsync(connector.BaseUrl, services);

        Assert.IsType<ConnectorException>(error);
        Assert.Equal(3, connector.Requests.Count);
    }

    [Fact]
    public async Task ReplyAsync_ConnectorHangs_TimesOutWithoutCrashing()
    {
        var release = new TaskCompletionSource();
        await using var connector = await LoopbackServer.StartAsync(async (_, context) => await release.Task.WaitAsync(context.RequestAborted));
        await using var services = TeamsServices.Build(settings: new Dictionary<string, string?> { ["Teams:ReplyAttemptTimeout"] = "00:00:00.500" });

        var clock = Stopwatch.StartNew();
        var (_, error) = await ReplyAsync(connector.BaseUrl, services);
        release.SetResult();

        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Single(connector.Requests);
    }

    [Fact]
    public async Task ReplyAsync_WithAppId_SendsBearerToken()
    {
        await using var connector = await ConnectorAsync();
        await using var provider = TeamsServices.Build();
        var client = new ConnectorClient(provider.GetRequiredService<IHttpClientFactory>(), new FixedToken("token-123"));

        await client.SendAsync(connector.BaseUrl, "a:1", Reply, TestContext.Current.CancellationToken);

        Assert.Equal("Bearer token-123", Assert.Single(connector.Requests).Authorization);
    }

    private sealed class FixedToken(string token) : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(token);
    }
}
