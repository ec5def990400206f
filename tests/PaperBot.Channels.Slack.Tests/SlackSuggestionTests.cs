using System.Net;
using System.Text.Json;
using PaperBot.Answering;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Slack.Tests;

/// <summary>Suggested questions as Block Kit buttons, and a click on one asked as the user who clicked, in the message's thread.</summary>
public sealed class SlackSuggestionTests
{
    private static readonly Answer Answered = new()
    {
        Question = "When was the deal signed?",
        Status = AnswerStatus.Answered,
        Text = "It was signed in 2015. [1]",
        Citations = [new Citation(1, "doc", "2", "Section", "It was signed in 2015.", 1)],
        Suggestions = ["What does the abbreviation ABC stand for?", new string('x', 90) + "?"],
    };

    private static string ClickForm(string question, object? message, object? container, Uri responseUrl, string trigger)
    {
        var payload = JsonSerializer.Serialize(new
        {
            type = "block_actions",
            user = new { id = "UBOB", username = "bob" },
            channel = new { id = "C123" },
            message,
            container,
            response_url = responseUrl.ToString(),
            trigger_id = trigger,
            actions = new[] { new { action_id = SlackMessageRenderer.SuggestionActionId(0), block_id = SlackMessageRenderer.SuggestionsBlockId, value = question, type = "button" } },
        });
        return "payload=" + Uri.EscapeDataString(payload);
    }

    [Fact]
    public void Render_AnswerWithSuggestions_OneButtonEachWithTheQuestionAsValue()
    {
        var message = SlackMessageRenderer.Render(Answered);

        var actions = message.Blocks.Single(b => (string?)b["block_id"] == SlackMessageRenderer.SuggestionsBlockId);
        var buttons = actions["elements"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(Answered.Suggestions, buttons.Select(b => (string?)b["value"]));
        Assert.All(buttons, b => Assert.True(((string)b["text"]!["text"]!).Length <= SlackMessageRenderer.MaxButtonTextChars));
        Assert.Equal(buttons.Count, buttons.Select(b => (string?)b["action_id"]).Distinct().Count());
        Assert.Equal(SlackMessageRenderer.FeedbackBlockId, (string?)message.Blocks[^1]["block_id"]);
    }

    [Theory]
    [InlineData(null, "1700000100.000300")]
    [InlineData("1700000000.000100", "1700000000.000100")]
    public async Task PostInteraction_SuggestionClick_AskedAsTheUserAndAnsweredInTheThread(string? threadTs, string expectedThread)
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);
        host.Answers.Next = request => Answered with { Question = request.Question, Suggestions = [] };
        const string question = "What does the abbreviation ABC stand for?";

        using var response = await host.PostSignedAsync(
            "/slack/interactions",
            ClickForm(question, new { ts = "1700000100.000300", thread_ts = threadTs }, new { type = "message", message_ts = "1700000100.000300", channel_id = "C123" }, slack.ResponseUrl("click"), "9.9.1"),
            "application/x-www-form-urlencoded");
        var posted = await slack.WaitForAsync("chat.postMessage");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var asked = Assert.Single(host.Answers.Asked);
        Assert.Equal(question, asked.Question);
        Assert.Equal($"C123:{expectedThread}", asked.ConversationId);
        Assert.Equal("C123", posted.Json.GetProperty("channel").GetString());
        Assert.Equal(expectedThread, posted.Json.GetProperty("thread_ts").GetString());
        var lead = posted.Json.GetProperty("blocks")[0].GetProperty("elements")[0].GetProperty("text").GetString();
        Assert.StartsWith("<@UBOB> asked:", lead, StringComparison.Ordinal);
        Assert.Contains(question, lead, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostInteraction_SuggestionOnEphemeralReply_AnsweredPrivatelyNamingTheUser()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);
        const string question = "What does the abbreviation ABC stand for?";

        using var response = await host.PostSignedAsync(
            "/slack/interactions",
            ClickForm(question, null, new { type = "message", message_ts = "1700000100.000300", channel_id = "C123", is_ephemeral = true }, slack.ResponseUrl("private"), "9.9.2"),
            "application/x-www-form-urlencoded");
        var reply = await slack.WaitForAsync("response/private");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(question, Assert.Single(host.Answers.Asked).Question);
        Assert.Equal("ephemeral", reply.Json.GetProperty("response_type").GetString());
        Assert.StartsWith("<@UBOB> asked:", reply.Json.GetProperty("blocks")[0].GetProperty("elements")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task PostInteraction_SuggestionClickOverTheUserLimit_NotAsked()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new() { ["Slack:QuestionsPerMinute"] = "1" });
        var message = new { ts = "1700000100.000300" };
        var container = new { type = "message", message_ts = "1700000100.000300", channel_id = "C123" };

        using var first = await host.PostSignedAsync("/slack/interactions", ClickForm("What is A?", message, container, slack.ResponseUrl("one"), "9.9.3"), "application/x-www-form-urlencoded");
        await slack.WaitForAsync("chat.postMessage");
        using var second = await host.PostSignedAsync("/slack/interactions", ClickForm("What is B?", message, container, slack.ResponseUrl("two"), "9.9.4"), "application/x-www-form-urlencoded");
        var note = await slack.WaitForAsync("response/two");

        Assert.Equal(["What is A?"], host.Answers.Asked.Select(a => a.Question));
        Assert.Equal("ephemeral", note.Json.GetProperty("response_type").GetString());
    }
}
