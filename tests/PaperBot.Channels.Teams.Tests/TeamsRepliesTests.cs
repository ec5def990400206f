using System.Text.Json;
using PaperBot.Answering;
using PaperBot.Channels.Teams.Protocol;
using PaperBot.Channels.Teams.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.Channels.Teams.Tests;

public sealed class TeamsRepliesTests
{
    private static readonly Activity Incoming = new()
    {
        Type = "message",
        Id = "act-1",
        From = new ChannelAccount("29:user", "User"),
        Recipient = new ChannelAccount("28:bot", "PaperBot"),
        Conversation = new ConversationAccount("19:chat@thread.v2") { ConversationType = "groupChat" },
    };

    private static JsonElement Json(OutgoingActivity activity) => JsonSerializer.SerializeToElement(activity, ProtocolJson.Options);

    [Fact]
    public void ForAnswer_Answered_HasOneAiMessageEntityCitingOnlyMarkersInText()
    {
        var json = Json(Assert.Single(TeamsReplies.ForAnswer(Incoming, CannedAnswers.Cited("q"))));

        Assert.Equal("message", json.GetProperty("type").GetString());
        Assert.Equal("act-1", json.GetProperty("replyToId").GetString());
        Assert.Equal("28:bot", json.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("29:user", json.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("19:chat@thread.v2", json.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Contains("[1]", json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(json.GetProperty("channelData").GetProperty("feedbackLoopEnabled").GetBoolean());
        Assert.False(json.GetProperty("channelData").TryGetProperty("feedbackLoop", out _));

        var entity = Assert.Single(json.GetProperty("entities").EnumerateArray());
        Assert.Equal("https://schema.org/Message", entity.GetProperty("type").GetString());
        Assert.Equal("Message", entity.GetProperty("@type").GetString());
        Assert.Equal("https://schema.org", entity.GetProperty("@context").GetString());
        Assert.Equal(["AIGeneratedContent"], entity.GetProperty("additionalType").EnumerateArray().Select(e => e.GetString()));
        var citation = Assert.Single(entity.GetProperty("citation").EnumerateArray());
        Assert.Equal("Claim", citation.GetProperty("@type").GetString());
        Assert.Equal(1, citation.GetProperty("position").GetInt32());
        var appearance = citation.GetProperty("appearance");
        Assert.Equal("DigitalDocument", appearance.GetProperty("@type").GetString());
        Assert.Equal("§3.II North-South Gas Pipeline (NSGP) Project", appearance.GetProperty("name").GetString());
        Assert.StartsWith("The North-South Gas Pipeline, agreed in 2015", appearance.GetProperty("abstract").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ForAnswer_LongQuoteAndTitle_ClippedAtWordBoundaryWithEllipsis()
    {
        var longTitle = string.Join(' ', Enumerable.Repeat("Cooperation", 12));
        var answer = CannedAnswers.Cited("q") with
        {
            Citations = [new Citation(1, "paper", "5", longTitle, CannedAnswers.PipelineQuote + " " + CannedAnswers.PipelineQuote)],
        };

        var appearance = Assert.Single(TeamsReplies.ForAnswer(Incoming, answer)).Entities!.OfType<AiMessageEntity>().Single().Citation.Single().Appearance;

        Assert.True(appearance.Name.Length <= TeamsReplies.MaxCitationName);
        Assert.True(appearance.Abstract.Length <= TeamsReplies.MaxCitationAbstract);
        Assert.EndsWith("…", appearance.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("…", appearance.Name, StringComparison.Ordinal);
        var words = (CannedAnswers.PipelineQuote + " " + CannedAnswers.PipelineQuote).Split(' ');
        var kept = appearance.Abstract.TrimEnd('…').Split(' ');
        Assert.Equal(words.Take(kept.Length - 1), kept.Take(kept.Length - 1));
        Assert.StartsWith(kept[^1], words[kept.Length - 1], StringComparison.Ordinal);
        Assert.Equal(words[kept.Length - 1].TrimEnd(',', '.'), kept[^1]);
    }

    [Fact]
    public void ForAnswer_ShortQuote_KeptVerbatim()
    {
        var answer = CannedAnswers.Cited("q") with { Citations = [new Citation(1, "paper", "1", "Introduction", "Pakistan approached U.S for aid.")] };

        var appearance = Assert.Single(TeamsReplies.ForAnswer(Incoming, answer)).Entities!.OfType<AiMessageEntity>().Single().Citation.Single().Appearance;

        Assert.Equal("Pakistan approached U.S for aid.", appearance.Abstract);
    }

    [Fact]
    public void ForAnswer_Declined_PlainTextWithSuggestionsNoEntitiesAndFeedbackOffered()
    {
        var reply = Assert.Single(TeamsReplies.ForAnswer(Incoming, CannedAnswers.Declined("what is the weather")));

        Assert.Null(reply.Entities);
        Assert.True(reply.ChannelData?.FeedbackLoopEnabled, "a decline may be wrong: the student can say so");
        Assert.StartsWith("That question is not about the paper.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("- What is the NSGP?", reply.Text, StringComparison.Ordinal);
        Assert.Contains("- Who financed the pipeline?", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ForAnswer_DeclinedWithTheSentenceThatSaysTheOpposite_TheSentenceIsCitedAndFeedbackOffered()
    {
        var declined = CannedAnswers.Cited("Why did the pipeline fail?") with
        {
            Status = AnswerStatus.NotInPaper,
            Reason = "false_premise",
            Text = "The paper says the opposite:\nThe pipeline was agreed in 2015. [1]",
        };

        var reply = Assert.Single(TeamsReplies.ForAnswer(Incoming, declined));

        var claim = Assert.Single(reply.Entities!.OfType<AiMessageEntity>().Single().Citation);
        Assert.Equal(1, claim.Position);
        Assert.Contains("[1]", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.ChannelData?.FeedbackLoopEnabled);
    }

    [Fact]
    public void ForAnswer_Help_PlainText()
    {
        var help = new Answer { Question = "help", Status = AnswerStatus.Answered, Kind = AnswerKinds.Help, Text = "Ask me about the paper.", Suggestions = ["What is NSGP?"] };

        var reply = Assert.Single(TeamsReplies.ForAnswer(Incoming, help));

        Assert.Null(reply.Entities);
        Assert.Null(reply.ChannelData);
        Assert.Equal("Ask me about the paper.\n\nYou could ask:\n- What is NSGP?", reply.Text);
    }

    [Fact]
    public void Welcome_ThreeQuestions_ListsThem()
    {
        var reply = TeamsReplies.Welcome(Incoming, ["a?", "b?", "c?", "d?"]);

        Assert.Contains("PaperBot", reply.Text, StringComparison.Ordinal);
        Assert.Equal(3, reply.Text!.Split('\n').Count(line => line.StartsWith("- ", StringComparison.Ordinal)));
        Assert.DoesNotContain("d?", reply.Text, StringComparison.Ordinal);
    }
}
