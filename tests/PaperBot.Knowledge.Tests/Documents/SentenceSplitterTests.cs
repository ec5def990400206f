using PaperBot.Knowledge.Documents;

namespace PaperBot.Knowledge.Tests.Documents;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Following which during the 1970s Gen. Zia agreed to become a conduit. He also provided support.", 2)]
    [InlineData("They adopted the historic St. Petersburg Declaration. Along with it came ties.", 2)]
    [InlineData("Ambassador Alexy Y. Dedov also stated that Russia is keen. The first exercise followed.", 2)]
    [InlineData("The deal was worth U.S $ 1.7 billion with a capacity of 1.2 bcfd. It was signed.", 2)]
    [InlineData("Pakistan approached U.S for aid. India reciprocated.", 2)]
    public void Split_PaperAbbreviations_KeepsSentencesWhole(string text, int expected)
    {
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(expected, sentences.Count);
        Assert.Equal(text, string.Join(" ", sentences));
    }

    [Fact]
    public void Split_ClosingQuoteAfterStop_EndsSentenceAfterQuote()
    {
        var sentences = SentenceSplitter.Split("To quote him, “Russia wants to see itself as a centre.” Historically, it was academic.");

        Assert.Equal(["To quote him, “Russia wants to see itself as a centre.”", "Historically, it was academic."], sentences);
    }
}
