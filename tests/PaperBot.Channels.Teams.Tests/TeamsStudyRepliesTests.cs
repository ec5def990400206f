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

        var json = Json(Assert.Single(TeamsReplies.ForAnswer(Incoming, answer)));

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

        var json = Json(Assert.Single(TeamsReplies.ForAnswer(Incoming, answer)));

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

    [Fact]
    public void ForAnswer_Quiz_PromptShownOnceInTheCardWithTheAiLabel()
    {
        var card = new QuizCard("abc123", "Which date completes this sentence (§3.II …)?\n“… on _____, worth …”", "16th October 2015", Pipeline);
        var answer = new Answer { Question = "quiz", Status = AnswerStatus.Answered, Kind = AnswerKinds.Quiz, Text = card.Prompt, Quiz = card };

        var json = Json(Assert.Single(TeamsReplies.ForAnswer(Incoming, answer)));

        Assert.False(json.TryGetProperty("text", out _), "the prompt is in the card; text beside it would show it twice");
        var body = json.GetProperty("attachments")[0].GetProperty("content").GetProperty("body").GetRawText();
        Assert.Contains("_____", body, StringComparison.Ordinal);
        var entity = Assert.Single(json.GetProperty("entities").EnumerateArray());
        Assert.Equal(["AIGeneratedContent"], entity.GetProperty("additionalType").EnumerateArray().Select(e => e.GetString()));
    }

    private static Answer StudyList(string kind, int entries, int entryLength = 120)
    {
        var citations = new List<Citation>();
        var lines = new List<string> { $"The dated events the paper reports ({entries}), in order:" };
        for (var i = 1; i <= entries; i++)
        {
            var sentence = $"Event number {i} happened." + new string('x', Math.Max(0, entryLength - 30));
            citations.Add(new Citation(i, "russia-pakistan-paper", "3.II", "North-South Gas Pipeline (NSGP) Project", sentence, 1));
            lines.Add($"{2000 + i}: {sentence} [{i}]");
        }

        return new Answer { Question = kind, Status = AnswerStatus.Answered, Kind = kind, Text = string.Join("\n", lines), Citations = citations };
    }

    public static TheoryData<string, int, int> LongLists => new()
    {
        { AnswerKinds.Timeline, 20, 120 },
        { AnswerKinds.Glossary, 19, 60 },
        { AnswerKinds.Summary, 25, 120 },
        { AnswerKinds.Timeline, 30, 1500 },
    };

    [Theory]
    [MemberData(nameof(LongLists))]
    public void ForAnswer_LongStudyList_SplitWithinTeamsLimitsEveryEntryDeliveredOnce(string kind, int entries, int entryLength)
    {
        var answer = StudyList(kind, entries, entryLength);

        var messages = TeamsReplies.ForAnswer(Incoming, answer);

        Assert.True(messages.Count >= 2);
        var delivered = new List<string>();
        foreach (var message in messages)
        {
            var json = Json(message);
            Assert.True(json.GetRawText().Length < 80 * 1024);
            var text = json.GetProperty("text").GetString()!;
            Assert.True(text.Length <= TeamsReplies.MaxTextLength, $"{text.Length} characters");
            var citations = Assert.Single(json.GetProperty("entities").EnumerateArray()).GetProperty("citation").EnumerateArray().ToList();
            Assert.InRange(citations.Count, 1, TeamsReplies.MaxCitationsPerMessage);
            // Each message's pills are numbered from [1], every one of them used in its text and every marker cited.
            Assert.Equal(Enumerable.Range(1, citations.Count), citations.Select(c => c.GetProperty("position").GetInt32()));
            var markers = System.Text.RegularExpressions.Regex.Matches(text, @"\[(\d+)\]").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            Assert.Equal(Enumerable.Range(1, citations.Count).ToHashSet(), markers);
            // A Markdown list: a blank line after the lead, then one entry a line.
            var parts = text.Split("\n\n");
            Assert.Equal(2, parts.Length);
            Assert.All(parts[1].Split('\n'), line => Assert.StartsWith("- ", line, StringComparison.Ordinal));
            delivered.AddRange(parts[1].Split('\n'));
        }

        Assert.Equal(entries, delivered.Count);
        Assert.StartsWith("The dated events the paper reports", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains($"(1/{messages.Count})", messages[0].Text, StringComparison.Ordinal);
        Assert.StartsWith($"Continued: ({messages.Count}/{messages.Count})", messages[^1].Text, StringComparison.Ordinal);
        Assert.All(delivered.Select((entry, index) => (entry, index)), e => Assert.StartsWith($"- {2001 + e.index}: Event number {e.index + 1} happened.", e.entry, StringComparison.Ordinal));
    }

    [Fact]
    public void ForAnswer_ShortStudyList_OneMessageOneEntryALine()
    {
        var messages = TeamsReplies.ForAnswer(Incoming, StudyList(AnswerKinds.Glossary, 3));

        var text = Assert.Single(messages).Text!;
        Assert.Equal(3, text.Split('\n').Count(line => line.StartsWith("- 200", StringComparison.Ordinal)));
        Assert.Contains(":\n\n- 2001: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(1/", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ForAnswer_Define_QuoteInAParagraphOfItsOwn()
    {
        var answer = new Answer
        {
            Question = "define NSGP",
            Status = AnswerStatus.Answered,
            Kind = AnswerKinds.Define,
            Text = $"NSGP stands for North-South Gas Pipeline, in the paper’s words:\n{Pipeline.Quote} [1]",
            Citations = [Pipeline],
        };

        var text = Assert.Single(TeamsReplies.ForAnswer(Incoming, answer)).Text!;

        Assert.Equal($"NSGP stands for North-South Gas Pipeline, in the paper’s words:\n\n{Pipeline.Quote} [1]", text);
    }

    [Fact]
    public void ForAnswer_Sections_NestedMarkdownList()
    {
        var answer = new Answer { Question = "sections", Status = AnswerStatus.Answered, Kind = AnswerKinds.Sections, Text = "§1 Introduction\n§3 Reasons\n  §3.I CPEC\n  §3.II NSGP" };

        var text = Assert.Single(TeamsReplies.ForAnswer(Incoming, answer)).Text;

        Assert.Equal("- §1 Introduction\n- §3 Reasons\n  - §3.I CPEC\n  - §3.II NSGP", text);
    }
}
