using System.Net;
using System.Text.Json;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Slack.Tests;

public sealed class SlackInteractionsTests
{
    private static string ClickForm(string actionId, string answerId, Uri responseUrl)
    {
        var payload = JsonSerializer.Serialize(new
        {
            type = "block_actions",
            user = new { id = "UALICE", username = "alice" },
            channel = new { id = "C123" },
            message = new { ts = "1700000100.000300" },
            response_url = responseUrl.ToString(),
            trigger_id = "1.2.3",
            actions = new[] { new { action_id = actionId, block_id = SlackMessageRenderer.FeedbackBlockId, value = answerId, type = "button" } },
        });
        return "payload=" + Uri.EscapeDataString(payload);
    }

    [Theory]
    [InlineData(SlackMessageRenderer.LikeActionId, "like")]
    [InlineData(SlackMessageRenderer.DislikeActionId, "dislike")]
    public async Task PostInteraction_FeedbackClick_RecordedAndThanked(string actionId, string reaction)
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        using var response = await host.PostSignedAsync("/slack/interactions", ClickForm(actionId, "answer-42", slack.ResponseUrl("click")), "application/x-www-form-urlencoded");
        var thanks = await slack.WaitForAsync("response/click");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var click = Assert.Single(host.Feedback.GetMeasurementSnapshot());
        Assert.Equal(reaction, click.Tags["reaction"]);
        Assert.Equal(["reaction"], click.Tags.Keys);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 2030 && r.Message.Contains("answer-42", StringComparison.Ordinal)
            && r.Message.Contains(reaction, StringComparison.Ordinal) && r.Message.Contains("UALICE", StringComparison.Ordinal));
        Assert.Equal("ephemeral", thanks.Json.GetProperty("response_type").GetString());
        Assert.False(thanks.Json.GetProperty("replace_original").GetBoolean());
        Assert.Null(thanks.Authorization);
    }

    [Fact]
    public async Task PostInteraction_UnrelatedAction_AcknowledgedNotRecorded()
    {
        await using var host = await SlackTestHost.StartAsync(null);

        using var response = await host.PostSignedAsync("/slack/interactions", ClickForm("something_else", "x", new Uri("http://127.0.0.1:9/r")), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Feedback.GetMeasurementSnapshot());
    }
}
