using System.Text.RegularExpressions;
using PaperBot.Answering.Language;

namespace PaperBot.Answering.Decision;

/// <summary>
/// A question that puts two events in order ("X went abroad before Y made its offer", "A joined a few years before B
/// did") where the readings date them the other way round, or (when the question counts years between them) to the
/// same year: the question rests on a false premise. Each side of the order word is found in the sentence that says
/// most of it, and dated by the year that sentence gives nearest to the words it shares with that side.
/// </summary>
public static partial class EventOrder
{
    /// <summary>The two events as the question words them, the years the readings give them, and the sentences that say so.</summary>
    public sealed record Finding(string First, int FirstYear, string Second, int SecondYear, SentenceEvidence FirstSentence, SentenceEvidence SecondSentence);

    /// <summary>
    /// The order a question states, when the readings contradict it.
    /// </summary>
    /// <param name="minCoverage">How much of one side's words a sentence must account for to be taken as saying that event.</param>
    public static Finding? Find(QuestionAnalysis question, IReadOnlyList<SentenceEvidence> candidates, double minCoverage)
    {
        // "What did Parliament pass after …?" asks for the event that followed, and "Did A come before B?" asks for
        // the order (the sentences that date them answer it): only an order the question states ("Why did A happen
        // before B?", "A happened before B, so …") rests on a premise.
        if (Events(question, candidates, minCoverage) is not { } events || AsksForTheEvent().IsMatch(events.FirstText.TrimStart()))
        {
            return null;
        }

        var (a, b) = (events.First, events.Second);
        var sameSentence = a.Sentence.Index == b.Sentence.Index;
        var countsYears = YearsBetween().IsMatch(question.Question);
        var contradicted = events.EarlierFirst ? a.Year > b.Year : a.Year < b.Year;
        // "A before B" where one sentence gives both the one year and puts neither before the other: they happened
        // together ("… a few years before" the more so).
        var together = a.Year == b.Year && sameSentence
            && FactRecognisers.YearSpansAt(a.Sentence.Sentence.Text).Select(y => y.From).Distinct().Count() == 1
            && (countsYears || !Sequence().IsMatch(a.Sentence.Sentence.Text));
        return contradicted || together
            ? new Finding(Asking().Replace(events.FirstText.Trim(), string.Empty), a.Year, events.SecondText.Trim(), b.Year, a.Sentence, b.Sentence)
            : null;
    }

    /// <summary>
    /// "Did A happen before B?": the sentences that date the two events, which answer it either way, in reading
    /// order (one when one sentence dates both); null when the question does not ask an order or the readings do
    /// not date both.
    /// </summary>
    public static IReadOnlyList<SentenceEvidence>? AskedOrder(QuestionAnalysis question, IReadOnlyList<SentenceEvidence> candidates, double minCoverage)
    {
        if (Events(question, candidates, minCoverage) is not { } events || !AsksWhether().IsMatch(events.FirstText.TrimStart()))
        {
            return null;
        }

        return new[] { events.First.Sentence, events.Second.Sentence }.DistinctBy(s => s.Index).OrderBy(s => s.Index).ToList();
    }

    private sealed record DatedEvents(string FirstText, string SecondText, bool EarlierFirst, (SentenceEvidence Sentence, int Year) First, (SentenceEvidence Sentence, int Year) Second);

    /// <summary>The two events either side of the question's order word, each with the sentence that says it and its year; null when there are not two or either is undated.</summary>
    private static DatedEvents? Events(QuestionAnalysis question, IReadOnlyList<SentenceEvidence> candidates, double minCoverage)
    {
        var order = Order().Match(question.Question);
        if (!order.Success || order.Index == 0)
        {
            return null;
        }

        var earlierFirst = order.Groups["rel"].Value.ToLowerInvariant() is "before" or "prior to" or "ahead of" or "earlier than" or "sooner than";
        var firstText = Clause().Split(question.Question[..order.Index])[^1];
        var secondText = Clause().Split(question.Question[(order.Index + order.Length)..])[0];
        var first = Side(question, firstText);
        var second = Side(question, secondText);
        // The first side must word an event of its own: "What did Russia do after …?" asks what followed, it orders nothing.
        if (!first.Any(t => t.Kind == TermKind.Content) || second.Count == 0 || first.SetEquals(second))
        {
            return null;
        }

        // "… before Pakistan did": the other side does what the first did; only its names are its own.
        if (!second.Any(t => t.Kind == TermKind.Content))
        {
            second.UnionWith(first.Where(t => t.Kind == TermKind.Content));
        }

        var names = Answerability.NameGroups(question);
        return Dated(first, candidates, minCoverage, names) is { } a && Dated(second, candidates, minCoverage, names) is { } b
            ? new DatedEvents(firstText, secondText, earlierFirst, a, b)
            : null;
    }

    /// <summary>The question's names and content words that stand in one side's text.</summary>
    private static HashSet<QuestionTerm> Side(QuestionAnalysis question, string text)
    {
        var words = QuestionAnalyzer.Tokenize(text).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        return question.Terms
            .Where(t => t.Kind is TermKind.Content or TermKind.Name && t.Asks == AnswerType.Other && words.Contains(t.Surface))
            .ToHashSet<QuestionTerm>(ReferenceEqualityComparer.Instance);
    }

    /// <summary>The candidate that says most of one side (all its names), with the year it gives nearest to what it shares with the side.</summary>
    /// <param name="names">The question's names of several words: one given by a part of it ("Snow" for "John Snow") is given.</param>
    private static (SentenceEvidence Sentence, int Year)? Dated(HashSet<QuestionTerm> side, IReadOnlyList<SentenceEvidence> candidates, double minCoverage, List<HashSet<QuestionTerm>> names)
    {
        var total = side.Sum(t => t.Weight);
        if (total <= 0)
        {
            return null;
        }

        var best = candidates
            .Select(c => (Candidate: c, Support: WholeNames(c.Support, names).Where(s => side.Contains(s.Term)).ToList()))
            .Where(c => c.Support.Where(s => s.Term.Kind == TermKind.Name).All(s => s.Value >= 0.5))
            .Select(c => (c.Candidate, c.Support, Coverage: c.Support.Sum(s => s.Term.Weight * s.Value) / total))
            .Where(c => c.Coverage >= minCoverage && FactRecognisers.YearSpansAt(c.Candidate.Sentence.Text).Any())
            .OrderByDescending(c => c.Coverage)
            .ThenByDescending(c => c.Candidate.Score)
            .FirstOrDefault();
        if (best.Candidate is null)
        {
            return null;
        }

        var text = best.Candidate.Sentence.Text;
        var lower = text.ToLowerInvariant();
        var at = best.Support.Where(s => s.Value >= 0.5 && s.By is { Length: > 0 })
            .Select(s => lower.IndexOf(s.By!.ToLowerInvariant(), StringComparison.Ordinal))
            .Where(i => i >= 0)
            .ToList();
        var years = FactRecognisers.YearSpansAt(text).ToList();
        var year = at.Count == 0 ? years[0] : years.MinBy(y => at.Min(i => Math.Abs(i - y.At)));
        return (best.Candidate, year.From);
    }

    /// <summary>Each word of a name of several words supported where one of them is ("Snow" supports "John Snow").</summary>
    private static IEnumerable<TermSupport> WholeNames(IReadOnlyList<TermSupport> support, List<HashSet<QuestionTerm>> names) =>
        support.Select(s => s.Term.Kind == TermKind.Name && s.Value < 0.5
            && names.FirstOrDefault(g => g.Contains(s.Term)) is { } group && support.Any(o => group.Contains(o.Term) && o.Value >= 0.5 && !ReferenceEquals(o.Term, s.Term))
                ? s with { Value = 1, Kind = SupportKind.Exact, By = "the rest of the name" }
                : s);

    [GeneratedRegex(@"\b(?<rel>before|after|prior to|ahead of|earlier than|later than|sooner than)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Order();

    /// <summary>Where one clause of a question ends and the next begins.</summary>
    [GeneratedRegex(@"[?.!;,]|\s[-–—]\s|\b(so|but|and why|and how|then why|then how)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();

    [GeneratedRegex(@"^(what|which|who|whom|whose|where|when|how (many|much|long|soon|far|often)|did|does|do|was|were|is|are|has|have|had|could|can|would|will)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForTheEvent();

    /// <summary>A question that asks whether ("Did …", "Was …", "Had …").</summary>
    [GeneratedRegex(@"^(did|does|do|was|were|is|are|has|have|had)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksWhether();

    /// <summary>The asking a clause opens with ("Why did …"), not part of the event it words.</summary>
    [GeneratedRegex(@"^(why|how|when|what|did|does|do|was|were|is|are|has|have|had)\b( (did|does|do|was|were|is|are|has|have|had|come|made|make)\b)?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Asking();

    /// <summary>Words by which a sentence puts one thing after another.</summary>
    [GeneratedRegex(@"\b(before|after|afterwards|then|later|earlier|followed|following|subsequently|prior|until|since|first|previously|once)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Sequence();

    [GeneratedRegex(@"\b(\d+|a few|few|several|many|two|three|four|five|some) years? (before|after|earlier|later|ahead)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearsBetween();
}
