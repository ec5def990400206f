using System.Net;
using System.Text.Json;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Slack.Tests;

/// <summary>Replays, repeated votes, foreign response URLs, per-user limits, and the response URL kept out of every log line.</summary>
public sealed class SlackHardeningTests
{
    private const string FormType = "application/x-www-form-urlencoded";

    private static string Command(string text, Uri responseUrl, string? triggerId = null, string user = "UALICE") =>
        $"command=%2Fpaper&text={Uri.EscapeDataString(text)}&user_id={user}&channel_id=C123&response_url={Uri.EscapeDataString(responseUrl.ToString())}"
        + (triggerId is null ? "" : $"&trigger_id={triggerId}");

    private static string Click(string actionId, string answerId, Uri responseUrl, string triggerId, string user = "UALICE") =>
        "payload=" + Uri.EscapeDataString(JsonSerializer.Serialize(new
        {
            type = "block_actions",
            user = new { id = user },
            channel = new { id = "C123" },
            response_url = responseUrl.ToString(),
            trigger_id = triggerId,
            actions = new[] { new { action_id = actionId, block_id = SlackMessageRenderer.FeedbackBlockId, value = answerId, type = "button", action_ts = "1700000200.000100" } },
        }));

    [Fact]
    public async Task Conversation_CommandAnswerAndFeedback_ResponseUrlInNoLogLine()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);
        var secret = "T1DC2JH3J-397700885554-" + Guid.NewGuid().ToString("N");
        var responseUrl = slack.ResponseUrl(secret);

        await host.PostSignedAsync("/slack/commands", Command("What is the NSGP?", responseUrl, "trig-1"), FormType);
        await slack.WaitForAsync("response/" + secret);
        await host.PostSignedAsync("/slack/interactions", Click(SlackMessageRenderer.LikeActionId, "answer-1", responseUrl, "trig-2"), FormType);
        await slack.WaitForAsync("response/" + secret, c => c.Body.Contains("Thanks", StringComparison.Ordinal));
        await host.PostSignedAsync("/slack/commands", Command("fail", responseUrl, "trig-3"), FormType);
        await slack.WaitForAsync("response/" + secret, c => c.Body.Contains("Sorry", StringComparison.Ordinal));

        var records = host.Logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var text = string.Join("\n", new[] { record.Message, record.Exception?.ToString() }
                .Concat(record.StructuredState?.Select(kv => kv.Value) ?? [])
                .Concat(record.Scopes.Select(s => s?.ToString())));
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("/response/", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PostCommand_SameTriggerTwice_AnsweredOnce()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new() { ["Slack:MaxConcurrentAnswers"] = "1" });
        var body = Command("What is the NSGP?", slack.ResponseUrl("replayed"), "trig-replayed");

        using (var first = await host.PostSignedAsync("/slack/commands", body, FormType))
        using (var replay = await host.PostSignedAsync("/slack/commands", body, FormType))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        }

        await host.PostSignedAsync("/slack/commands", Command("What is CPEC?", slack.ResponseUrl("after"), "trig-after"), FormType);
        await slack.WaitForAsync("response/after");

        Assert.Single(slack.Calls("response/replayed"));
        Assert.Contains(host.Messages.GetMeasurementSnapshot(), m => (string?)m.Tags["outcome"] == "duplicate");
    }

    [Fact]
    public async Task PostInteraction_SameUserVotesTwiceOnOneAnswer_CountedOnceOtherUserCounted()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        await host.PostSignedAsync("/slack/interactions", Click(SlackMessageRenderer.LikeActionId, "answer-7", slack.ResponseUrl("v"), "t1"), FormType);
        await host.PostSignedAsync("/slack/interactions", Click(SlackMessageRenderer.LikeActionId, "answer-7", slack.ResponseUrl("v"), "t1"), FormType); // replay
        await host.PostSignedAsync("/slack/interactions", Click(SlackMessageRenderer.DislikeActionId, "answer-7", slack.ResponseUrl("v"), "t2"), FormType); // clicked again
        await host.PostSignedAsync("/slack/interactions", Click(SlackMessageRenderer.LikeActionId, "answer-7", slack.ResponseUrl("v"), "t3", user: "UBOB"), FormType);

        // Votes are stored and counted in the work queue; the repeats were refused when they came in.
        await host.Feedback.WaitForMeasurementsAsync(2, TimeSpan.FromSeconds(30));
        Assert.Equal(2, host.Feedback.GetMeasurementSnapshot().Count);
    }

    [Theory]
    [InlineData("https://evil.example/hook")]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://127.0.0.1:9/elsewhere")]
    public async Task Post_ResponseUrlNotUnderTheBase_400AndNothingSent(string responseUrl)
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        using var command = await host.PostSignedAsync("/slack/commands", Command("What is the NSGP?", new Uri(responseUrl), "t-cmd"), FormType);
        using var click = await host.PostSignedAsync("/slack/interactions", Click(SlackMessageRenderer.LikeActionId, "a", new Uri(responseUrl), "t-click"), FormType);

        Assert.Equal(HttpStatusCode.BadRequest, command.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, click.StatusCode);
        Assert.Empty(host.Answers.Asked);
        Assert.Empty(host.Feedback.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task PostCommand_OverThePerUserLimit_ToldPrivatelyInTheAckOthersAnswered()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new() { ["Slack:QuestionsPerMinute"] = "2" });

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await host.PostSignedAsync("/slack/commands", Command("What is the NSGP?", slack.ResponseUrl($"ok{i}")), FormType);
            Assert.Empty(await allowed.Content.ReadAsByteArrayAsync(Ct));
        }

        using var refused = await host.PostSignedAsync("/slack/commands", Command("What is the NSGP?", slack.ResponseUrl("over")), FormType);
        using var other = await host.PostSignedAsync("/slack/commands", Command("What is the NSGP?", slack.ResponseUrl("bob"), user: "UBOB"), FormType);

        var ack = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("ephemeral", ack.GetProperty("response_type").GetString());
        Assert.Contains("try again in", ack.GetProperty("text").GetString(), StringComparison.Ordinal);
        await slack.WaitForAsync("response/bob");
        Assert.Contains(host.Messages.GetMeasurementSnapshot(), m => (string?)m.Tags["outcome"] == "throttled");
    }

    [Fact]
    public async Task PostEvent_MentionOverThePerUserLimit_ToldByEphemeralMessageInItsThread()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new() { ["Slack:QuestionsPerMinute"] = "1" });
        await host.IdentityKnownAsync();

        await host.PostEventAsync(Test.EventEnvelope("Ev-limit-1", $"<@{FakeSlack.BotUserId}> What is the NSGP?"));
        await host.PostEventAsync(Test.EventEnvelope("Ev-limit-2", $"<@{FakeSlack.BotUserId}> And CPEC?"));

        var note = await slack.WaitForAsync("chat.postEphemeral");
        Assert.Equal("UALICE", note.Json.GetProperty("user").GetString());
        Assert.Contains("try again in", note.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("1700000100.000200", note.Json.GetProperty("thread_ts").GetString());
        await slack.WaitForAsync("chat.postMessage");
        Assert.Single(host.Answers.Asked);
    }
}
