using System.Net;
using System.Text;
using PaperBot.Channels.Slack.Tests.Infrastructure;

namespace PaperBot.Channels.Slack.Tests;

/// <summary>Garbage in: a problem document with 400 or 413, never a crash, never a stack trace, nothing processed.</summary>
public sealed class SlackBadInputTests : IAsyncLifetime
{
    private SlackTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SlackTestHost.StartAsync(null);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/slack/commands", "%%%not-a-form", "application/x-www-form-urlencoded")]
    [InlineData("/slack/commands", "command=%2Fpaper&text=%ZZ&user_id=U1&channel_id=C1&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fr", "application/x-www-form-urlencoded")]
    [InlineData("/slack/commands", "{\"command\":\"/paper\"}", "application/json")]
    [InlineData("/slack/commands", "command=%2Fpaper&text=hi&user_id=U1&channel_id=C1", "application/x-www-form-urlencoded")]
    [InlineData("/slack/commands", "command=%2Fpaper&text=hi&user_id=U1&channel_id=C1&response_url=not-a-url", "application/x-www-form-urlencoded")]
    [InlineData("/slack/interactions", "payload=%7Bnot-json", "application/x-www-form-urlencoded")]
    [InlineData("/slack/interactions", "payload=%5B1%2C2%5D", "application/x-www-form-urlencoded")]
    [InlineData("/slack/interactions", "nopayload=1", "application/x-www-form-urlencoded")]
    [InlineData("/slack/events", "{\"type\":\"event_callback\",", "application/json")]
    [InlineData("/slack/events", "[1,2,3]", "application/json")]
    [InlineData("/slack/events", "{\"type\":\"event_callback\",\"event\":\"nope\"}", "application/json")]
    [InlineData("/slack/events", "{\"type\":\"url_verification\"}", "application/json")]
    public async Task Post_MalformedSignedBody_Is400ProblemWithoutStackTrace(string path, string body, string mediaType)
    {
        using var response = await _host.PostSignedAsync(path, body, mediaType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.Empty(_host.Answers.Asked);
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactions")]
    public async Task Post_OversizedBody_Is413(string path)
    {
        var body = "text=" + new string('a', 600 * 1024);

        using var response = await _host.PostSignedAsync(path, body, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_OversizedChunkedBodyWithoutLength_Is413()
    {
        var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(new string('a', 600 * 1024))));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
