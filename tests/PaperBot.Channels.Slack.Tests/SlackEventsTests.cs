using System.Net;
using System.Text.Json;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Slack.Tests;

/// <summary>The Events API over real HTTP: a Kestrel host on loopback, replies recorded by a loopback Web API fake.</summary>
public sealed class SlackEventsTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = await SlackTestHost.StartAsync(_slack);
        await _host.IdentityKnownAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task PostEvent_UrlVerification_EchoesChallenge()
    {
        using var response = await _host.PostEventAsync(new { type = "url_verification", token = "t", challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task PostEvent_ChannelMention_RepliesOnceInThreadWithMentionStripped()
    {
        using var response = await _host.PostEventAsync(EventEnvelope("Ev001", $"<@{FakeSlack.BotUserId}> What is the NSGP &amp; who pays?"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var reply = await _slack.WaitForAsync("chat.postMessage");

        var json = reply.Json;
        Assert.Equal($"Bearer {SlackTestHost.BotToken}", reply.Authorization);
        Assert.Equal("C123", json.GetProperty("channel").GetString());
        Assert.Equal("1700000100.000200", json.GetProperty("thread_ts").GetString());
        var blocks = json.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("section", blocks[0].GetProperty("type").GetString());
        Assert.Contains("Costs &amp; delays &lt;grew&gt; [2]", blocks[0].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, blocks.Count(b => b.GetProperty("type").GetString() == "context"));
        Assert.Equal("actions", blocks[^1].GetProperty("type").GetString());
        var asked = Assert.Single(_host.Answers.Asked);
        Assert.Equal("What is the NSGP & who pays?", asked.Question);
        Assert.Equal("C123:1700000100.000200", asked.ConversationId);
        Assert.Single(_slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task PostEvent_ReplyInExistingThread_UsesThreadTs()
    {
        await _host.PostEventAsync(EventEnvelope("Ev002", $"<@{FakeSlack.BotUserId}> and the cost?", threadTs: "1699999999.000100"));

        var reply = await _slack.WaitForAsync("chat.postMessage");

        Assert.Equal("1699999999.000100", reply.Json.GetProperty("thread_ts").GetString());
        Assert.Equal("C123:1699999999.000100", Assert.Single(_host.Answers.Asked).ConversationId);
    }

    [Fact]
    public async Task PostEvent_DirectMessage_IsAnswered()
    {
        await _host.PostEventAsync(EventEnvelope("Ev003", "What is the NSGP?", type: "message", channelType: "im", channel: "D42"));

        var reply = await _slack.WaitForAsync("chat.postMessage");

        Assert.Equal("D42", reply.Json.GetProperty("channel").GetString());
        Assert.Equal("What is the NSGP?", Assert.Single(_host.Answers.Asked).Question);
    }

    [Fact]
    public async Task PostEvent_SameEventIdRetried_RepliesOnce()
    {
        var envelope = EventEnvelope("Ev004", $"<@{FakeSlack.BotUserId}> What is the NSGP?");
        await _host.PostEventAsync(envelope);
        await _slack.WaitForAsync("chat.postMessage");

        using var retry = await _host.PostEventAsync(envelope, r =>
        {
            r.Headers.Add("X-Slack-Retry-Num", "1");
            r.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        });
        await _host.Messages.WaitForMeasurementsAsync(2, Patience);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Contains(_host.Messages.GetMeasurementSnapshot(), m => (string?)m.Tags["outcome"] == "duplicate");
        Assert.Single(_slack.Calls("chat.postMessage"));
        Assert.Single(_host.Answers.Asked);
    }

    [Theory]
    [InlineData("own user", FakeSlack.BotUserId, null, null)]
    [InlineData("own bot", FakeSlack.BotUserId, FakeSlack.BotId, null)]
    [InlineData("other bot", "UOTHERBOT", "BOTHER", "bot_message")]
    [InlineData("other bot without subtype", "UOTHERBOT", "BOTHER", null)]
    public async Task PostEvent_BotMessage_IsIgnored(string who, string user, string? botId, string? subtype)
    {
        using var response = await _host.PostEventAsync(
            EventEnvelope($"Ev-{who}", "What is the NSGP?", type: "message", channelType: "im", user: user, botId: botId, subtype: subtype));
        await _host.Messages.WaitForMeasurementsAsync(1, Patience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored", (string?)_host.Messages.LastMeasurement!.Tags["outcome"]);
        Assert.Empty(_slack.Calls("chat.postMessage"));
        Assert.Empty(_host.Answers.Asked);
    }

    [Fact]
    public async Task PostEvent_Mention_AcknowledgedBeforeAnswerCompletes()
    {
        _host.Answers.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using var response = await _host.PostEventAsync(EventEnvelope("Ev005", $"<@{FakeSlack.BotUserId}> What is the NSGP?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_slack.Calls("chat.postMessage"));
        _host.Answers.Gate.SetResult();
        await _slack.WaitForAsync("chat.postMessage");
    }

    [Fact]
    public async Task Logs_AfterAnswering_NeverContainSecrets()
    {
        await _host.PostEventAsync(EventEnvelope("Ev006", $"<@{FakeSlack.BotUserId}> What is the NSGP?"));
        await _slack.WaitForAsync("chat.postMessage");

        var logs = _host.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, r => r.Message.Contains(SlackTestHost.BotToken, StringComparison.Ordinal)
            || r.Message.Contains(SlackTestHost.SigningSecret, StringComparison.Ordinal));
    }
}
