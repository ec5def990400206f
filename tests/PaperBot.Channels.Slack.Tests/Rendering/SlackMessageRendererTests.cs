using System.Text.Json.Nodes;
using PaperBot.Answering;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Testing;

namespace PaperBot.Channels.Slack.Tests.Rendering;

public sealed class SlackMessageRendererTests
{
    private static string TextOf(JsonObject block) => block["type"]!.GetValue<string>() switch
    {
        "section" => block["text"]!["text"]!.GetValue<string>(),
        "context" => block["elements"]![0]!["text"]!.GetValue<string>(),
        _ => "",
    };

    [Fact]
    public void Render_Answer_EscapesMrkdwnAndCitesEachPassage()
    {
        var message = SlackMessageRenderer.Render(CannedAnswers.Answered("q"));

        Assert.Equal("The NSGP was planned to carry gas from Karachi to Lahore [1]. Costs &amp; delays &lt;grew&gt; [2].", TextOf(message.Blocks[0]));
        Assert.Equal("*[1]* §3.II North-South Gas Pipeline (NSGP) Project: \"The North-South Gas Pipeline will carry 1.2 bcfd of gas.\"", TextOf(message.Blocks[1]));
        Assert.Equal("*[2]* §3.III Financing: \"Financing was delayed by sanctions &amp; disputes.\"", TextOf(message.Blocks[2]));
        Assert.Equal(message.Blocks[0]["text"]!["text"]!.GetValue<string>(), message.Text);
    }

    [Fact]
    public void Render_Answer_FeedbackButtonsCarryAnswerId()
    {
        var answer = CannedAnswers.Answered("q") with { Id = "abc123" };

        var actions = SlackMessageRenderer.Render(answer).Blocks[^1];

        Assert.Equal("actions", actions["type"]!.GetValue<string>());
        var buttons = actions["elements"]!.AsArray();
        Assert.Equal([SlackMessageRenderer.LikeActionId, SlackMessageRenderer.DislikeActionId], buttons.Select(b => b!["action_id"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal("abc123", b!["value"]!.GetValue<string>()));
    }

    [Fact]
    public void Render_Declined_SaysWhyAndSuggestsQuestions()
    {
        var message = SlackMessageRenderer.Render(CannedAnswers.Declined("what is the weather?"));

        Assert.Equal("That question is not about the paper.", TextOf(message.Blocks[0]));
        Assert.Equal("*Try asking:*", TextOf(message.Blocks[1]));
        Assert.Equal(["What is the NSGP?", "Who financed the pipeline?"], message.Blocks[2]["elements"]!.AsArray().Select(e => (string?)e!["value"]));
    }

    [Fact]
    public void Render_Help_HasNoFeedbackButtons()
    {
        var message = SlackMessageRenderer.Render(CannedAnswers.Help("help"));

        Assert.DoesNotContain(message.Blocks, b => (string?)b["block_id"] == SlackMessageRenderer.FeedbackBlockId);
    }

    [Fact]
    public void Render_AskedBy_ShowsWhoAskedWhat()
    {
        var message = SlackMessageRenderer.Render(CannedAnswers.Answered("q"), ("UALICE", "Is <b> & c?"));

        Assert.Equal("<@UALICE> asked: _Is &lt;b&gt; &amp; c?_", TextOf(message.Blocks[0]));
    }

    [Fact]
    public void Render_HugeAnswerAndManyCitations_StaysWithinSlackLimits()
    {
        var sentence = "Gas & oil <pipelines> cross borders; tariffs apply [1]. ";
        var answer = CannedAnswers.Answered("q") with
        {
            Text = string.Concat(Enumerable.Repeat(sentence, 3000)),
            Citations = Enumerable.Range(1, 120).Select(i => new Citation(i, "paper", $"{i}", new string('T', 400), new string('q', 5000) + " & more")).ToList(),
            Suggestions = Enumerable.Range(1, 40).Select(i => $"Question {i}?").ToList(),
        };

        var message = SlackMessageRenderer.Render(answer, ("UALICE", new string('x', 5000)));

        Assert.True(message.Blocks.Count <= 50, $"{message.Blocks.Count} blocks");
        Assert.All(message.Blocks, b => Assert.True(TextOf(b).Length <= 3000, $"{TextOf(b).Length} chars"));
        Assert.True(message.Text.Length <= 3000);
        Assert.Equal("actions", message.Blocks[^1]["type"]!.GetValue<string>());
        Assert.Contains(message.Blocks, b => TextOf(b).Contains("more passages", StringComparison.Ordinal));
        Assert.Equal(SlackMessageRenderer.MaxSuggestions, message.Blocks.Single(b => (string?)b["block_id"] == SlackMessageRenderer.SuggestionsBlockId)["elements"]!.AsArray().Count);
        Assert.All(message.Blocks.Select(TextOf), t => Assert.DoesNotMatch("&(?!amp;|lt;|gt;)", t));
    }

    [Fact]
    public void Render_LongQuote_ClippedWithEllipsis()
    {
        var answer = CannedAnswers.Answered("q") with { Citations = [new Citation(1, "p", "1", "Intro", string.Join(' ', Enumerable.Repeat("word", 200)))] };

        var context = TextOf(SlackMessageRenderer.Render(answer).Blocks[1]);

        Assert.EndsWith("…\"", context, StringComparison.Ordinal);
        Assert.True(context.Length < 450);
    }
}
