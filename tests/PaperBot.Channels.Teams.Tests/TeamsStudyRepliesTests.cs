using System.Text.Json;
using PaperBot.Answering;
using PaperBot.Channels.Teams.Protocol;

namespace PaperBot.Channels.Teams.Tests;

/// <summary>How study replies look in Teams: timelines keep their citation pills, a quiz is a card that hides its answer.</summary>
public sealed class TeamsStudyRepliesTests
{
    private static readonly Activity Incoming = new()
    {
        Type = "message",
        Id = "act-2",
        From = new ChannelAccount("29:user", "User"),
        Recipient = new ChannelAccount("28:bot", "PaperBot"),
        Conversation = new ConversationAccount("19:chat@thread.v2"),
    };

    private static readonly Citation Pipeline = new(1, "russia-pakistan-paper", "3.II", "North-South Gas Pipeline (NSGP) Project",
        "Ultimately, both Russia and Pakistan had signed an energy deal agreement on 16th October 2015, worth U.S $ 1.7 billion.", 1);

    private static JsonElement Json(OutgoingActivity activity) => JsonSerializer.SerializeToElement(activity, ProtocolJson.Options);

    [Fact]
    public void ForAnswer_Timeline_CitesItsMarkersWithoutFeedbackButtons()
    {
        var answer = new Answer
        {
            Question = "timeline",
            Status = AnswerStatus.Answered,
            Kind = AnswerKinds.Timeline,
            Text = $"The dated events the paper reports (1), in order:\n16th October 2015: {Pipeline.Quote} [1]",
            Citations = [Pipeline],
        };

        var json = Json(TeamsReplies.ForAnswer(Incoming, answer));

        var citation = Assert.Single(Assert.Single(json.GetProperty("entities").EnumerateArray()).GetProperty("citation").EnumerateArray());
        Assert.Equal(1, citation.GetProperty("position").GetInt32());
        Assert.StartsWith("§3.II", citation.GetProperty("appearance").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.False(json.TryGetProperty("channelData", out _));
    }

    [Fact]
    public void ForAnswer_Quiz_IsAnAdaptiveCardWhoseAnswerIsOnlyInTheShowCard()
    {
        var card = new QuizCard("abc123", "When? Fill in the date (§3.II …):\n“… on _____, worth …”", "16th October 2015", Pipeline);
        var answer = new Answer { Question = "quiz", Status = AnswerStatus.Answered, Kind = AnswerKinds.Quiz, Text = card.Prompt, Quiz = card };

        var json = Json(TeamsReplies.ForAnswer(Incoming, answer));

        Assert.DoesNotContain("16th October 2015", json.GetProperty("text").GetString(), StringComparison.Ordinal);
        var attachment = Assert.Single(json.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var content = attachment.GetProperty("content");
        Assert.DoesNotContain("16th October 2015", content.GetProperty("body").GetRawText(), StringComparison.Ordinal);
        var action = Assert.Single(content.GetProperty("actions").EnumerateArray());
        Assert.Equal("Action.ShowCard", action.GetProperty("type").GetString());
        Assert.Equal("Show answer", action.GetProperty("title").GetString());
        var revealed = string.Join("\n", action.GetProperty("card").GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()));
        Assert.Contains("16th October 2015", revealed, StringComparison.Ordinal);
        Assert.Contains("§3.II", revealed, StringComparison.Ordinal);
    }
}
