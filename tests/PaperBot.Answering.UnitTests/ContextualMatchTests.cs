using PaperBot.Answering.Decision;
using PaperBot.Knowledge.Embeddings;

namespace PaperBot.Answering.UnitTests;

/// <summary>Matching a question's words to a sentence's words by their vectors in context.</summary>
public sealed class ContextualMatchTests
{
    // Vectors in a 3-dimensional space: what points the same way means the same in its text.
    private static readonly float[] Worry = Unit(1, 0.1f, 0);
    private static readonly float[] Money = Unit(0, 1, 0.1f);
    private static readonly float[] Place = Unit(0.1f, 0, 1);

    [Fact]
    public void Best_AParaphraseInTheSentence_MatchesTheWordMadeOfItsPieces()
    {
        var question = States(("why", Place), ("fear", Worry), ("costs", Money));
        var sentence = States(("the", Worry), ("apprehension", Worry), ("##s", Worry), ("about", Money), ("prices", Money));
        var match = new ContextualMatch(question, _ => sentence, 0.6, 0.9, new HashSet<string>());

        var best = match.Best("fear", 0);

        Assert.NotNull(best);
        Assert.Equal("apprehensions", best.Value.By);
        Assert.Equal(1, match.Support(best.Value.Cosine), 3);
    }

    [Fact]
    public void Best_OnlyFunctionWordsOrWordsTheQuestionAlreadySays_NoMatch()
    {
        var question = States(("fear", Worry), ("aid", Money));
        var sentence = States(("of", Worry), ("the", Worry), ("aid", Worry));
        var match = new ContextualMatch(question, _ => sentence, 0.6, 0.9, new HashSet<string> { "aid" });

        Assert.Null(match.Best("fear", 0));
    }

    [Fact]
    public void Best_SentenceWordCloserToAnotherQuestionWord_IsNotTaken()
    {
        // "transit" is nearer to "route" than to "railway": it is route's match, not railway's.
        var question = States(("railway", Unit(1, 0.6f, 0)), ("route", Unit(1, 0.1f, 0)));
        var sentence = States(("transit", Unit(1, 0, 0)));
        var match = new ContextualMatch(question, _ => sentence, 0.5, 0.9, new HashSet<string>());

        Assert.Null(match.Best("railway", 0));
        Assert.Equal("transit", match.Best("route", 0)?.By);
    }

    [Fact]
    public void Best_WordNotInTheQuestionOrNoStates_NoMatch()
    {
        var question = States(("fear", Worry));
        var match = new ContextualMatch(question, _ => null, 0.6, 0.9, new HashSet<string>());

        Assert.Null(match.Best("fear", 0));
        Assert.Null(new ContextualMatch(question, _ => States(("worry", Worry)), 0.6, 0.9, new HashSet<string>()).Best("hope", 0));
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(0.6, 0)]
    [InlineData(0.75, 0.5)]
    [InlineData(0.95, 1)]
    public void Support_RisesFromTheFloorToTheFull(double cosine, double expected)
    {
        var match = new ContextualMatch(States(("fear", Worry)), _ => null, 0.6, 0.9, new HashSet<string>());

        Assert.Equal(expected, match.Support(cosine), 3);
    }

    [Fact]
    public void Support_AWordTheReadingsNeverUse_MustBeMatchedMoreClosely()
    {
        var match = new ContextualMatch(States(("fear", Worry)), _ => null, 0.6, 0.9, new HashSet<string>()) { UnknownMargin = 0.1 };

        Assert.Equal(0.5, match.Support(0.75, inReadings: true), 3);
        Assert.Equal(0.25, match.Support(0.75, inReadings: false), 3);
        Assert.Equal(0, match.Support(0.7, inReadings: false), 3);
        Assert.Equal(1, match.Support(0.9, inReadings: false), 3);
    }

    private static TokenStates States(params (string Piece, float[] Vector)[] pieces) =>
        new([.. pieces.Select(p => p.Piece)], [.. pieces.SelectMany(p => p.Vector)], 3);

    private static float[] Unit(float x, float y, float z)
    {
        var norm = MathF.Sqrt((x * x) + (y * y) + (z * z));
        return [x / norm, y / norm, z / norm];
    }
}
