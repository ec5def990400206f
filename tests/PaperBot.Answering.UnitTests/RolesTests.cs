using PaperBot.Answering.Decision;
using PaperBot.Answering.Readings;
using PaperBot.Testing;

namespace PaperBot.Answering.UnitTests;

/// <summary>Who did what to whom: a name the sentence gives another name's part in what happened.</summary>
public sealed class RolesTests
{
    private const string Reading = """
        # 1. Ties

        Portland's Mayor Ada Wren signed the river accord with Lisbon in 1990. Corvia was sanctioned by the Northern League in 1991. The fair in Lisbon was hosted by the Portland council in 1992. In 1993 Minister Rui Sol chose to visit Lisbon instead of Portland. Portland hosted the regatta in 1994, and Lisbon sent a crew.
        """;

    /// <summary>The mismatch the check finds in the reading's one sentence with <paramref name="marker"/>, every question word supported there.</summary>
    private static async Task<RoleMismatch?> FindAsync(string question, string marker)
    {
        var knowledge = await InMemoryReadings.BuildAsync(new StandInEmbedder(TestReadings.Synonyms), ("ties.md", Reading, null));
        var readings = new ReadingIndex(knowledge);
        var analysis = QuestionAnalyzer.Analyze(question, readings);
        var index = knowledge.AllSentences().ToList().FindIndex(s => s.Text.Contains(marker, StringComparison.Ordinal));
        var support = analysis.Terms.Select(t => new TermSupport(t, 1, SupportKind.Exact, t.Term)).ToList();
        var sentence = new SentenceEvidence(index, knowledge.AllSentences()[index], 0.8, 0, support, 1, false, 1.8);
        var selection = new Selection([sentence], support, 1);
        return Roles.Find(analysis, selection, readings);
    }

    [Theory]
    [InlineData("Why did Lisbon host the regatta in 1994?", "regatta", "Portland")] // another subject
    [InlineData("Why did Rui Sol visit Portland in 1993?", "chose to visit", "Lisbon")] // another place after the verb
    [InlineData("For what reason did Lisbon host the regatta in 1994?", "regatta", "Portland")] // "for what reason" takes it for granted as "why" does
    public async Task Find_AnotherNameInThePlace_IsAMismatch(string question, string marker, string said)
    {
        var mismatch = await FindAsync(question, marker);

        Assert.NotNull(mismatch);
        Assert.Equal(said, mismatch.Said);
    }

    [Theory]
    [InlineData("Why did Portland host the regatta in 1994?", "regatta")] // the same subject
    [InlineData("Why did Portland sign the river accord in 1990?", "river accord")] // a city acting through its mayor ("Portland's Mayor Ada Wren")
    [InlineData("Why did Mayor Ada Wren sign the river accord?", "river accord")] // an office before the name
    [InlineData("Why did the Northern League sanction Corvia?", "sanctioned")] // passive: the name before "was sanctioned" is what it was done to
    [InlineData("Why did the Portland council host the fair in Lisbon?", "fair in Lisbon")] // "by the Portland council"
    [InlineData("Did Lisbon host the regatta in 1994?", "regatta")] // a yes/no question asks; it takes nothing for granted
    public async Task Find_TheSameNameInThePlace_OrNoWayToTell_IsNoMismatch(string question, string marker) =>
        Assert.Null(await FindAsync(question, marker));

    private const string Water = """
        # 1. Water

        The Harbour Company and the Marsh Company laid pipes in the same streets. In 1852 the Marsh Company moved its intake upstream to Ditton. Houses supplied by the Harbour Company suffered fewer deaths after the move.
        """;

    /// <summary>What <see cref="Roles.FindNamedOther"/> finds when the sentences with the markers are chosen, each supporting every question word.</summary>
    private static async Task<RoleMismatch?> FindNamedOtherAsync(string question, params string[] markers)
    {
        var knowledge = await InMemoryReadings.BuildAsync(new StandInEmbedder(TestReadings.Synonyms), ("water.md", Water, null));
        var readings = new ReadingIndex(knowledge);
        var analysis = QuestionAnalyzer.Analyze(question, readings);
        var support = analysis.Terms.Select(t => new TermSupport(t, 1, SupportKind.Exact, t.Term)).ToList();
        var sentences = markers.Select(m => knowledge.AllSentences().ToList().FindIndex(s => s.Text.Contains(m, StringComparison.Ordinal)))
            .Select(i => new SentenceEvidence(i, knowledge.AllSentences()[i], 0.8, 0, support, 1, false, 1.8)).ToList();
        return Roles.FindNamedOther(analysis, new Selection(sentences, support, 1), readings, 0.7);
    }

    [Fact]
    public async Task FindNamedOther_TheSentenceSaysItOfAnotherOfTheSameKind_IsAMismatch_ItsOwnOrAnAgreeingSentenceIsNot()
    {
        var other = await FindNamedOtherAsync("Why did the Harbour Company move its intake upstream to Ditton?", "moved its intake");

        Assert.NotNull(other);
        Assert.Equal("Marsh", other.Said);
        Assert.Equal("Harbour", other.Name.Surface);
        Assert.Equal("Company", other.Word.Surface);
        Assert.Null(await FindNamedOtherAsync("Why did the Marsh Company move its intake upstream to Ditton?", "moved its intake"));
        Assert.Null(await FindNamedOtherAsync("Why did the Harbour Company move its intake upstream to Ditton?", "moved its intake", "Houses supplied"));
    }

    [Theory]
    [InlineData("Who is the Mayor of Lisbon?", "Portland")]
    [InlineData("Which Lisbon Mayor signed the river accord?", "Portland")]
    [InlineData("Who is the Mayor of Portland?", null)]
    [InlineData("Who is the Mayor?", null)] // whose office the question does not say
    public async Task FindOfficeOwner_AnOfficeOfAnotherPlace_IsAMismatch(string question, string? said)
    {
        var knowledge = await InMemoryReadings.BuildAsync(new StandInEmbedder(TestReadings.Synonyms), ("ties.md", Reading, null));
        var readings = new ReadingIndex(knowledge);
        var analysis = QuestionAnalyzer.Analyze(question, readings);
        var index = knowledge.AllSentences().ToList().FindIndex(s => s.Text.Contains("Mayor Ada Wren", StringComparison.Ordinal));
        var support = analysis.Terms.Select(t => new TermSupport(t, 1, SupportKind.Exact, t.Term)).ToList();
        var selection = new Selection([new SentenceEvidence(index, knowledge.AllSentences()[index], 0.8, 0, support, 1, false, 1.8)], support, 1);

        var mismatch = Roles.FindOfficeOwner(analysis, selection, readings);

        Assert.Equal(said, mismatch?.Said);
        Assert.Null(Roles.FindOfficeOwner(analysis, selection, readings, analysis.Terms.ToHashSet())); // carried from the last question: not this one's claim
    }
}
