using PaperBot.Channels.Slack.Rendering;

namespace PaperBot.Channels.Slack.Tests.Rendering;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<@UBOT> What is NSGP?", "UBOT", "What is NSGP?")]
    [InlineData("<@UBOT|paperbot>   what  about <@UBOT> costs?", "UBOT", "what about costs?")]
    [InlineData("Ask <@UBOB> &amp; <@UBOT> about A &lt; B", "UBOT", "Ask <@UBOB> & about A < B")]
    [InlineData("<@UBOT> hello", null, "hello")]
    public void QuestionFrom_Mentions_StrippedAndUnescaped(string text, string? botUserId, string expected)
    {
        Assert.Equal(expected, SlackText.QuestionFrom(text, botUserId));
    }

    [Fact]
    public void Escape_SpecialCharacters_OnlyThreeEscaped()
    {
        Assert.Equal("a &amp; b &lt; c &gt; d *e* _f_", SlackText.Escape("a & b < c > d *e* _f_"));
    }

    [Fact]
    public void Clip_InsideEntity_DoesNotBreakIt()
    {
        var escaped = SlackText.Escape(new string('a', 97) + "&&&&&&&&");

        var clipped = SlackText.Clip(escaped, 100);

        Assert.True(clipped.Length <= 100);
        Assert.Matches("^a+(&amp;)*…$", clipped);
    }

    [Fact]
    public void Split_LongText_PiecesWithinLimitAtWordBreaks()
    {
        var text = string.Join(' ', Enumerable.Repeat("pipeline", 1000));

        var pieces = SlackText.Split(text, 3000, 8);

        Assert.All(pieces, p => Assert.True(p.Length <= 3000));
        Assert.All(pieces, p => Assert.Matches("^(pipeline ?)+$", p));
        Assert.Equal(text.Length - (pieces.Count - 1), pieces.Sum(p => p.Length));
    }
}
