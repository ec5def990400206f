namespace PaperBot.Generation.Tests;

/// <summary>How a model reply is taken apart into sentences, markers and facts, without the model or the paper.</summary>
public sealed class GroundingCheckTests
{
    [Theory]
    [InlineData("Pakistan joined SEATO [1]. It also joined CENTO [2].", new[] { "Pakistan joined SEATO [1].", "It also joined CENTO [2]." })]
    [InlineData("Pakistan joined SEATO. [1] It also joined CENTO. [2]", new[] { "Pakistan joined SEATO [1].", "It also joined CENTO [2]." })]
    [InlineData("He said, “Russia wants to see itself as a centre.” [2]. Then it changed [1].", new[] { "He said, “Russia wants to see itself as a centre [2].”", "Then it changed [1]." })]
    [InlineData("- Pakistan joined SEATO [1].\n- **It** also joined CENTO [2].", new[] { "Pakistan joined SEATO [1].", "It also joined CENTO [2]." })]
    [InlineData("Pakistan joined the U.S backed SEATO (SEATO). [1][3] Next one [2].", new[] { "Pakistan joined the U.S backed SEATO (SEATO) [1][3].", "Next one [2]." })]
    public void SplitReply_MarkersAfterStopsListsAndQuotes_KeepsEachMarkerWithItsSentence(string reply, string[] expected)
    {
        Assert.Equal(expected, GroundingCheck.SplitReply(reply));
    }

    [Theory]
    [InlineData("It joined SEATO [1].", new[] { 1 })]
    [InlineData("It joined SEATO [1][3].", new[] { 1, 3 })]
    [InlineData("It joined SEATO [1, 3].", new[] { 1, 3 })]
    [InlineData("It joined SEATO.", new int[0])]
    public void Markers_CitationForms_ReturnsPassageNumbers(string sentence, int[] expected)
    {
        Assert.Equal(expected, GroundingCheck.Markers(sentence));
    }

    [Fact]
    public void StripMarkers_MarkerBeforeStop_LeavesCleanSentence()
    {
        Assert.Equal("Pakistan joined SEATO.", GroundingCheck.StripMarkers("Pakistan joined SEATO [1][2]."));
    }

    [Theory]
    [InlineData("Russia delivered S-400 systems to Pakistan in 2019.", "Russia and Pakistan signed a defence agreement in 2018.", "number '400'")]
    [InlineData("Henry Kissinger said Russia and Pakistan signed it.", "Russia and Pakistan signed a defence agreement.", "name 'Henry'")]
    [InlineData("He called it “a strategic merger”.", "Russia and Pakistan signed a defence agreement.", "quotation 'a strategic merger'")]
    [InlineData("However, Russia’s ties with Pakistan grew in 2018.", "Russia's ties with Pakistan grew in 2018.", null)]
    [InlineData("Both Russians and Pakistanis welcomed the “defence agreement”.", "The Russian and Pakistani leaders welcomed the defence agreement.", null)]
    [InlineData("The deal was worth $1.7 billion.", "The deal was worth U.S $ 1.7 billion with a capacity of 1.2 bcfd.", null)]
    public void FirstUnsupported_FactsAgainstSource_NamesTheMissingFact(string sentence, string source, string? expected)
    {
        Assert.Equal(expected, SupportFacts.FirstUnsupported(sentence, source));
    }

    [Theory]
    [InlineData("Pakistan joined SEATO.", new[] { 1 }, "Pakistan joined SEATO. [1]")]
    [InlineData("Pakistan joined SEATO (SEATO).", new[] { 1, 2 }, "Pakistan joined SEATO (SEATO). [1][2]")]
    [InlineData("He said, “Russia is a centre.”", new[] { 3 }, "He said, “Russia is a centre.” [3]")]
    [InlineData("Did it happen?", new[] { 1 }, "Did it happen? [1]")]
    [InlineData("No stop at all", new[] { 1 }, "No stop at all. [1]")]
    public void WithMarkers_Sentence_EndsWithMarkers(string claim, int[] markers, string expected)
    {
        Assert.Equal(expected, GroundedAnswerGenerator.WithMarkers(claim, markers));
    }
}
