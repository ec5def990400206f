using System.Net;
using System.Text;
using PaperBot.Hostile.Tests.Support;
using PaperBot.Testing.Loopback;

namespace PaperBot.Hostile.Tests;

/// <summary>Anonymous Teams mode refuses anything relayed by a proxy; Slack replays are handled once; votes count once.</summary>
public sealed class TrustBoundaryTests(HostileHost host)
{
    private string Message(string id, string text, string user = "29:trust") =>
        $$"""{"type":"message","id":"{{id}}","channelId":"msteams","serviceUrl":"{{host.Receiver.ConnectorUrl}}","from":{"id":"{{user}}"},"recipient":{"id":"28:bot"},"conversation":{"id":"trust-{{id}}"},"text":"{{text}}"}""";

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    [InlineData("X-Real-IP", "203.0.113.9")]
    [InlineData("X-Original-For", "203.0.113.9")]
    [InlineData("X-Forwarded-Host", "bot.example.com")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("Via", "1.1 proxy")]
    [InlineData("True-Client-IP", "203.0.113.9")]
    public async Task PostActivity_AnonymousModeWithAProxyHeader_401AndNoReply(string header, string value)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(Message(id, "What is CPEC?"), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 3002 && r.Message.Contains(header, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task PostActivity_AnonymousWithAnotherLoopbackServiceUrl_NoReplyGoesThere()
    {
        await using var other = await ReplyReceiver.StartAsync();
        var id = Guid.NewGuid().ToString("N");
        var activity = Message(id, "What is CPEC?").Replace(host.Receiver.ConnectorUrl, other.ConnectorUrl, StringComparison.Ordinal);

        using var response = await host.Http.PostAsync("/api/messages", new StringContent(activity, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.LogAsync(r => r.Id.Id == 3102 && r.Message.Contains(other.ConnectorUrl, StringComparison.Ordinal));
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task PostActivity_NullEntity_AnsweredAtThePlayground()
    {
        var id = Guid.NewGuid().ToString("N");
        var activity = $$"""{"type":"message","id":"{{id}}","channelId":"msteams","serviceUrl":"{{host.Receiver.ConnectorUrl}}","from":{"id":"29:trust"},"recipient":{"id":"28:bot"},"conversation":{"id":"trust-{{id}}"},"text":"<at>PaperBot</at> When did Russia and Pakistan sign the gas pipeline deal?","entities":[null,{"type":"mention","mentioned":{"id":"28:bot"},"text":"<at>PaperBot</at>"}]}""";

        using var response = await host.Http.PostAsync("/api/messages", new StringContent(activity, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await host.Receiver.WaitForAsync(r => r.Path.Contains($"trust-{id}", StringComparison.Ordinal) && r.Body.Contains("\"message\"", StringComparison.Ordinal));
        Assert.Contains("16th October 2015", reply.Body, StringComparison.Ordinal);
        host.AssertNoFaultLogged();
    }

    [Fact]
    public async Task PostCommand_SameSignedRequestTwice_AnsweredOnce()
    {
        var first = host.Receiver.ResponseUrl("replay-" + Guid.NewGuid().ToString("N"));
        var later = host.Receiver.ResponseUrl("later-" + Guid.NewGuid().ToString("N"));
        var body = Encoding.UTF8.GetBytes(Slack.Command("sections", first, "trigger-" + Guid.NewGuid().ToString("N")));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using (var original = await host.Http.SendAsync(Slack.Signed("/slack/commands", body, "application/x-www-form-urlencoded", timestamp), TestContext.Current.CancellationToken))
        using (var replay = await host.Http.SendAsync(Slack.Signed("/slack/commands", body, "application/x-www-form-urlencoded", timestamp), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, original.StatusCode);
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        }

        // One answer at a time (Slack:MaxConcurrentAnswers = 1): when a later command is answered, a replay would have been too.
        var laterBody = Encoding.UTF8.GetBytes(Slack.Command("sections", later, "trigger-" + Guid.NewGuid().ToString("N")));
        using (var next = await host.Http.SendAsync(Slack.Signed("/slack/commands", laterBody, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }

        await host.Receiver.WaitForAsync(r => r.Path == later.AbsolutePath);
        Assert.Single(host.Receiver.Requests, r => r.Path == first.AbsolutePath);
    }

    [Fact]
    public async Task PostInteraction_FeedbackReplayedAndClickedAgain_CountedOnce()
    {
        var answer = "answer-" + Guid.NewGuid().ToString("N");
        string Click(string trigger) => Slack.Click($$"""{"type":"block_actions","trigger_id":"{{trigger}}","user":{"id":"UVOTER"},"response_url":"{{host.Receiver.ResponseUrl("vote")}}","actions":[{"action_id":"paperbot_feedback_like","value":"{{answer}}","action_ts":"1700000000.1"}]}""");
        var body = Encoding.UTF8.GetBytes(Click("t-" + Guid.NewGuid().ToString("N")));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        for (var i = 0; i < 2; i++)
        {
            using var replayed = await host.Http.SendAsync(Slack.Signed("/slack/interactions", body, "application/x-www-form-urlencoded", timestamp), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        }

        using (var again = await host.Http.SendAsync(Slack.Signed("/slack/interactions", Encoding.UTF8.GetBytes(Click("t-" + Guid.NewGuid().ToString("N"))), "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        // The vote is stored, counted and thanked for in the work queue: the thanks says it is done.
        await host.Receiver.WaitForAsync(r => r.Path.EndsWith("/response/vote", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 2030 && r.Message.Contains(answer, StringComparison.Ordinal));
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 2031 && r.Message.Contains(answer, StringComparison.Ordinal));
        Assert.Single(host.Receiver.Requests, r => r.Path.EndsWith("/response/vote", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostActivity_FeedbackInvokeReplayed_CountedOnce()
    {
        var reply = "reply-" + Guid.NewGuid().ToString("N");
        var invoke = """{"type":"invoke","name":"message/submitAction","id":"inv-1","replyToId":"REPLY","channelId":"msteams","serviceUrl":"CONNECTOR","from":{"id":"29:voter"},"conversation":{"id":"c"},"value":{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"{\"feedbackText\":\"good\"}"}}}"""
            .Replace("REPLY", reply, StringComparison.Ordinal).Replace("CONNECTOR", host.Receiver.ConnectorUrl, StringComparison.Ordinal);

        for (var i = 0; i < 2; i++)
        {
            using var response = await host.Http.PostAsync("/api/messages", new StringContent(invoke, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 3200 && r.Message.Contains(reply, StringComparison.Ordinal));
    }
}
