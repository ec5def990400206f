using PaperBot.Answering.Decision;
using PaperBot.Answering.Readings;
using PaperBot.Testing;

namespace PaperBot.Answering.UnitTests;

/// <summary>Two events a question puts in order, against the years the reading gives them.</summary>
public sealed class EventOrderTests
{
    private const string Reading = """
        # 1. Works

        The Marsh Company built its weir at Ditton in 1855. In 1860 the Harbour Company opened its reservoir at Kew. In 1864 the Harbour Company and the Marsh Company both laid new mains. The Harbour Company dredged the channel in 1866, before the Marsh Company raised its dam in 1866.

        Wren, who had founded the Harbour Company, died in 1850.
        """;

    /// <summary>The order the check finds with every sentence of the reading a candidate, each supporting the words it has.</summary>
    private static async Task<EventOrder.Finding?> FindAsync(string question)
    {
        var (analysis, candidates) = await AnalysedAsync(question);
        return EventOrder.Find(analysis, candidates, 0.7);
    }

    [Theory]
    [InlineData("Did the Harbour Company open its reservoir before the Marsh Company built its weir?", "reservoir", "weir")] // no, and the dates say so
    [InlineData("Had the Marsh Company built its weir before the Harbour Company opened its reservoir?", "reservoir", "weir")] // yes, likewise
    [InlineData("Did Ada Wren die before the Marsh Company built its weir?", "died in 1850", "weir")] // the name given in short ("Wren")
    public async Task AskedOrder_WhetherOneEventCameFirst_IsAnsweredByTheSentencesThatDateBoth(string question, string one, string other)
    {
        var (analysis, candidates) = await AnalysedAsync(question);

        var dated = EventOrder.AskedOrder(analysis, candidates, 0.7);

        Assert.NotNull(dated);
        Assert.Equal(2, dated.Count);
        Assert.Contains(dated, s => s.Sentence.Text.Contains(one, StringComparison.Ordinal));
        Assert.Contains(dated, s => s.Sentence.Text.Contains(other, StringComparison.Ordinal));
        Assert.True(dated[0].Index < dated[1].Index);
        Assert.Null(EventOrder.AskedOrder((await AnalysedAsync("Why did the Harbour Company open its reservoir after the Marsh Company built its weir?")).Analysis, candidates, 0.7)); // states the order, does not ask it
    }

    /// <summary>The question analysed over the reading, every sentence of it a candidate supporting the words it has.</summary>
    private static async Task<(QuestionAnalysis Analysis, List<SentenceEvidence> Candidates)> AnalysedAsync(string question)
    {
        var knowledge = await InMemoryReadings.BuildAsync(new StandInEmbedder(TestReadings.Synonyms), ("works.md", Reading, null));
        var readings = new ReadingIndex(knowledge);
        var analysis = QuestionAnalyzer.Analyze(question, readings);
        var thresholds = new MeaningThresholds(0.3, 0.6);
        var candidates = Enumerable.Range(0, knowledge.SentenceCount).Select(i =>
        {
            var support = analysis.Terms.Select(t => TermSupportScorer.Support(t, i, knowledge, readings, new Dictionary<string, WordNeighbours>(), thresholds)).ToList();
            return new SentenceEvidence(i, knowledge.AllSentences()[i], 0.8, 0, support, SentenceSelector.Coverage(support), false, 1);
        }).ToList();
        return (analysis, candidates);
    }

    [Fact]
    public async Task Find_AnOrderTheReadingDatesTheOtherWayRound_IsFound_WithBothYearsAndSentences()
    {
        var found = await FindAsync("Why did the Harbour Company open its reservoir before the Marsh Company built its weir?");

        Assert.NotNull(found);
        Assert.Equal(1860, found.FirstYear);
        Assert.Equal(1855, found.SecondYear);
        Assert.Contains("reservoir", found.FirstSentence.Sentence.Text, StringComparison.Ordinal);
        Assert.Contains("weir", found.SecondSentence.Sentence.Text, StringComparison.Ordinal);
        Assert.Equal("the Harbour Company open its reservoir", found.First);
    }

    [Theory]
    [InlineData("Why did the Harbour Company open its reservoir after the Marsh Company built its weir?")] // the order the reading gives
    [InlineData("Did the Harbour Company open its reservoir before the Marsh Company built its weir?")] // asks the order; the dated sentences answer it
    [InlineData("What did the Harbour Company open after the Marsh Company built its weir?")] // asks for the event that followed
    [InlineData("Why did the Harbour Company dredge the channel before the Marsh Company raised its dam?")] // one year, but the sentence orders them so
    [InlineData("Why did the Harbour Company open its reservoir before 1870?")] // a year is no event
    public async Task Find_AnOrderTheReadingDoesNotContradict_OrNoOrderStated_IsNothing(string question) =>
        Assert.Null(await FindAsync(question));

    [Fact]
    public async Task Find_YearsBetweenEventsOneSentenceGivesTheSameYear_IsFound()
    {
        var found = await FindAsync("the Harbour Company laid new mains a few years before the Marsh Company did, why?");

        Assert.NotNull(found);
        Assert.Equal(1864, found.FirstYear);
        Assert.Equal(1864, found.SecondYear);
    }
}
