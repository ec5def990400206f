namespace PaperBot.Evaluation;

/// <summary>The measures of one split (or one category of it).</summary>
public sealed record SplitScores(
    string Split,
    int Items,
    int Answerable,
    int ToDecline,
    double Accuracy,
    double FactAccuracy,
    double CitationHit,
    double DeclineAccuracy,
    double FalseDeclineRate,
    double FollowUpAccuracy,
    double SmallTalkAccuracy,
    double MedianWords,
    double VerbatimQuoteRate,
    int UncitedSentences);

/// <summary>Bars on the test split's measures, and the largest dev–test gap allowed.</summary>
public sealed record EvaluationTargets(
    double FactAccuracy,
    double CitationHit,
    double DeclineAccuracy,
    double FalseDeclineRate,
    double Category,
    double Gap)
{
    /// <summary>Where the product is going: the quality it is built to reach on questions nobody tuned for.</summary>
    public static EvaluationTargets Goals { get; } = new(0.93, 0.95, 0.95, 0.03, 0.85, 0.05);

    /// <summary>
    /// What it must not fall below: the held-out measures it has reached, less a small margin. CI fails beneath them,
    /// so no change lands that makes the answers worse on questions nobody tuned for.
    /// </summary>
    public static EvaluationTargets Gate { get; } = new(0.80, 0.83, 0.80, 0.16, 0.50, 0.10);
}

/// <summary>
/// The evaluation as a table: each split's measures, the gap between dev and test on each, the accuracy of every
/// category in both splits, and the misses broken down by the reason the answer service gave.
/// </summary>
public sealed class EvaluationReport(IReadOnlyList<ItemOutcome> outcomes)
{
    public IReadOnlyList<ItemOutcome> Outcomes { get; } = outcomes;

    public SplitScores Scores(string split, string? category = null) =>
        Measure(split, Outcomes.Where(o => o.Item.Split == split && (category is null || o.Item.Category == category)).ToList());

    public IReadOnlyList<string> Categories =>
        Outcomes.Select(o => o.Item.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Misses by the reason given: declined answerable questions under their decline reason, wrongly answered ones under "answered".</summary>
    public IReadOnlyDictionary<string, int> MissesByReason(string split) =>
        Outcomes.Where(o => o.Item.Split == split && !o.Correct)
            .GroupBy(o => o.Answer.Reason ?? (o.Declined ? "declined" : "answered"))
            .OrderByDescending(g => g.Count())
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>What fails the targets on the test split: one line each, empty when every target is met.</summary>
    public IReadOnlyList<string> Failures(EvaluationTargets targets)
    {
        var failures = new List<string>();
        var test = Scores(GoldSet.Test);
        var dev = Scores(GoldSet.Dev);
        if (test.Items == 0)
        {
            return ["the test split has no questions"];
        }

        Check(test.FactAccuracy >= targets.FactAccuracy, $"fact accuracy {test.FactAccuracy:F3} < {targets.FactAccuracy:F2}");
        Check(test.CitationHit >= targets.CitationHit, $"citation hit {test.CitationHit:F3} < {targets.CitationHit:F2}");
        Check(test.DeclineAccuracy >= targets.DeclineAccuracy, $"decline accuracy {test.DeclineAccuracy:F3} < {targets.DeclineAccuracy:F2}");
        Check(test.FalseDeclineRate <= targets.FalseDeclineRate, $"false-decline rate {test.FalseDeclineRate:F3} > {targets.FalseDeclineRate:F2}");
        Check(test.VerbatimQuoteRate >= 1, $"verbatim quotes {test.VerbatimQuoteRate:F3} < 1");
        Check(test.UncitedSentences == 0, $"{test.UncitedSentences} answer sentence(s) without a citation");
        foreach (var category in Categories)
        {
            var scores = Scores(GoldSet.Test, category);
            Check(scores.Items == 0 || scores.Accuracy >= targets.Category, $"category {category} {scores.Accuracy:F3} < {targets.Category:F2}");
        }

        foreach (var (name, devValue, testValue) in Gaps(dev, test))
        {
            Check(Math.Abs(devValue - testValue) <= targets.Gap, $"dev–test gap on {name} {Math.Abs(devValue - testValue):F3} > {targets.Gap:F2}");
        }

        return failures;

        void Check(bool ok, string failure)
        {
            if (!ok)
            {
                failures.Add(failure);
            }
        }
    }

    public static IEnumerable<(string Name, double Dev, double Test)> Gaps(SplitScores dev, SplitScores test) =>
    [
        ("fact accuracy", dev.FactAccuracy, test.FactAccuracy),
        ("citation hit", dev.CitationHit, test.CitationHit),
        ("decline accuracy", dev.DeclineAccuracy, test.DeclineAccuracy),
        ("false-decline rate", dev.FalseDeclineRate, test.FalseDeclineRate),
    ];

    private static SplitScores Measure(string split, List<ItemOutcome> outcomes)
    {
        var answerable = outcomes.Where(o => o.Item.IsAnswerable).ToList();
        var declines = outcomes.Where(o => o.Item.IsDecline).ToList();
        var followUps = outcomes.Where(o => o.Item.Kind == "followup").ToList();
        var smallTalk = outcomes.Where(o => o.Item.IsSmallTalk).ToList();
        var words = answerable.Where(o => !o.Declined).Select(o => (double)WordCount(o.Answer.Text)).Order().ToList();
        var quotes = outcomes.Sum(o => o.Answer.Citations.Count);
        var bad = outcomes.Sum(o => o.NonVerbatimQuotes.Count);
        return new SplitScores(
            split,
            outcomes.Count,
            answerable.Count,
            declines.Count,
            Share(outcomes, o => o.Correct),
            Share(answerable, o => o.FactsFound && !o.Declined),
            Share(answerable, o => o.CitationHit && !o.Declined),
            Share(declines, o => o.Correct),
            Share(answerable, o => o.Declined),
            Share(followUps, o => o.Correct),
            Share(smallTalk, o => o.Correct),
            words.Count == 0 ? 0 : words[words.Count / 2],
            quotes == 0 ? 1 : (double)(quotes - bad) / quotes,
            outcomes.Sum(o => o.UncitedSentences.Count));
    }

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => !w.StartsWith('['));

    private static double Share(List<ItemOutcome> outcomes, Func<ItemOutcome, bool> predicate) =>
        outcomes.Count == 0 ? 0 : (double)outcomes.Count(predicate) / outcomes.Count;
}
