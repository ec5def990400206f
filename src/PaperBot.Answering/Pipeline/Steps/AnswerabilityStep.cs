using PaperBot.Answering.Composition;
using PaperBot.Answering.Decision;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>
/// The answerability decision (<see cref="Answerability"/>) over the gathered evidence, and the decline it leads
/// to: the reason, the evidence, and a text that names what the readings do not cover (or, for a false premise,
/// what they do say instead, cited).
/// </summary>
public sealed partial class AnswerabilityStep(AnsweringOptions options, Replies replies) : IAnswerStep
{
    public string Name => "answerability";

    /// <summary>
    /// The decision's thresholds. A question about a named part of a reading is answered from that part: its words
    /// are accounted for by the scope, so the sentences need account only for what the question asks within it.
    /// </summary>
    public static AnswerabilityThresholds ThresholdsFor(AnsweringOptions options, bool scoped) => scoped
        ? new(options.ScopedMinCoverage, 1, options.OffTopicPresence, options.RelevanceFloor, options.PremiseCoverage)
        : new(options.MinCoverage, options.MaxUnsupportedShare, options.OffTopicPresence, options.RelevanceFloor, options.PremiseCoverage, options.PremiseMaxUnsupportedShare, options.FactRunShare);

    /// <summary>The question's words a follow-up took from the thread's last subject, or null for a question on its own.</summary>
    public static IReadOnlySet<QuestionTerm>? Carried(QuestionContext context)
    {
        if (context.FollowUp is null || context.Previous?.Subject is not { Length: > 0 } subject || context.Analysis is not { } analysis)
        {
            return null;
        }

        var words = QuestionAnalyzer.Tokenize(subject).Select(t => t.Lower).ToHashSet(StringComparer.Ordinal);
        var carried = analysis.Terms.Where(t => words.Contains(t.Word)).ToHashSet<QuestionTerm>(ReferenceEqualityComparer.Instance);
        return carried.Count == 0 ? null : carried;
    }

    public ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken)
    {
        var analysis = context.Analysis ?? throw new InvalidOperationException("The evidence step runs before the answerability decision.");
        var verdict = Answerability.Decide(analysis, context.Selection, context.Presence, ThresholdsFor(options, context.Scope is not null), Carried(context));
        if (verdict.Answerable && Roles.Find(analysis, context.Selection, context.Readings) is { } swapped)
        {
            // Every word is there, but the sentence gives the name's part to another: "visit Lisbon" where it says "visit Portland".
            verdict = new Verdict(DeclineReasons.FalsePremise,
                [.. verdict.Evidence, new Evidence("role", 0, 1, $"the sentence has “{swapped.Said}” where the question has “{swapped.Name.Surface}” beside “{swapped.Word.Surface}”")],
                [swapped.Name], swapped.Sentence);
        }
        else if (verdict.Answerable && Roles.FindOffice(analysis, context.Selection) is { } office)
        {
            // "President Ada Lind" where the sentences call her Prime Minister.
            verdict = new Verdict(DeclineReasons.FalsePremise,
                [.. verdict.Evidence, new Evidence("role", 0, 1, $"the sentence has “{office.Said} {office.Word.Surface}” where the question has “{office.Name.Surface} {office.Word.Surface}”")],
                [office.Name], office.Sentence);
        }
        else if (verdict.Answerable && Roles.FindQualifier(analysis, context.Selection, context.Readings) is { } qualified)
        {
            // "the Lisbon-Porto Regatta" where the sentences speak only of "the Faro-Porto Regatta".
            verdict = new Verdict(DeclineReasons.FalsePremise,
                [.. verdict.Evidence, new Evidence("role", 0, 1, $"the sentence has “{qualified.Said}” before “{qualified.Word.Surface}”, without “{qualified.Name.Surface}”")],
                [qualified.Name], qualified.Sentence);
        }

        else if (verdict.Answerable && Roles.FindOfficeOwner(analysis, context.Selection, context.Readings, Carried(context)) is { } owner)
        {
            // "the Prime Minister of Corvia" where the sentence names Lisbon's Prime Minister.
            verdict = new Verdict(DeclineReasons.FalsePremise,
                [.. verdict.Evidence, new Evidence("role", 0, 1, $"the sentence has “{owner.Said}” {owner.Word.Surface}, not the {owner.Word.Surface} of “{owner.Name.Surface}”")],
                [owner.Name], owner.Sentence);
        }
        else if (verdict.Answerable && Roles.FindNamedOther(analysis, context.Selection, context.Readings, options.PremiseCoverage) is { } other)
        {
            // "the Harbour and Canal Company" where the sentence that says the rest says it of "the Marsh Company".
            verdict = new Verdict(DeclineReasons.FalsePremise,
                [.. verdict.Evidence, new Evidence("role", 0, 1, $"the sentence says it of “{other.Said} {other.Word.Surface}”, not “{other.Name.Surface} {other.Word.Surface}”")],
                [other.Name], other.Sentence);
        }

        else if (verdict.Answerable && Direction.Find(analysis, context.Selection, context.Readings) is { } turned)
        {
            // "Why did Corvia lend Lisbon the ships?" where the sentence says Lisbon lent them to Corvia.
            verdict = new Verdict(DeclineReasons.FalsePremise,
                [.. verdict.Evidence, new Evidence("direction", 0, 1, $"the sentence has “{turned.Recipient}” {turned.Verb} to “{turned.Giver}”, not the other way round")],
                [], turned.Sentence); // both names are the readings': what they do not support is the direction
        }

        if (verdict.Answerable && context.FollowUp is null && EventOrder.Find(analysis, context.Candidates, options.PremiseCoverage) is { } order)
        {
            // "A before B" where the readings date A after B (or both to the one year, when the question counts years between).
            verdict = new Verdict(DeclineReasons.FalsePremise,
                [.. verdict.Evidence, new Evidence("event_order", 0, 1, $"the readings date “{order.First}” to {order.FirstYear} and “{order.Second}” to {order.SecondYear}")],
                [], order.FirstSentence) { AlsoContradicting = order.SecondSentence };
        }

        if (verdict.Reason is DeclineReasons.UnsupportedTerms or DeclineReasons.AbsentSubject or DeclineReasons.NotStated && context.FollowUp is null
            && EventOrder.AskedOrder(analysis, context.Candidates, options.PremiseCoverage) is { } dated)
        {
            // "Did A happen before B?" where no one sentence says so, but the readings date both: the two dates answer it.
            var joint = SentenceSelector.Joint(analysis.Terms, dated);
            context.Selection = new Selection(dated, joint, SentenceSelector.Coverage(joint));
            verdict = new Verdict(null, [.. verdict.Evidence, new Evidence("order_asked", 1, Detail: "asks which of two events came first; the readings date both")], []);
        }

        if (verdict.Reason == DeclineReasons.OffTopic && !analysis.IsTask && verdict.Missing.Count > 0 && AboutTheReading().IsMatch(context.Question))
        {
            // "What is the paper's hypothesis?": a question about the reading itself is on its subject; the reading
            // just does not say it.
            verdict = verdict with { Reason = DeclineReasons.AbsentSubject };
        }

        context.Verdict = verdict;
        if (verdict.Answerable)
        {
            return ValueTask.FromResult<Answer?>(null);
        }

        var words = Quote(Phrases(context.Subject ?? context.Question, verdict.Missing).Take(3).ToList());
        var readings = context.Readings;
        Answer answer = verdict.Reason switch
        {
            DeclineReasons.OffTopic => replies.Decline(context.Asked, AnswerStatus.OutOfScope, verdict.Reason, options.OutOfScopeText, readings, verdict.Evidence),
            DeclineReasons.AbsentSubject => replies.Decline(context.Asked, AnswerStatus.NotInPaper, verdict.Reason, options.NotInPaperText.Replace("{subject}", words, StringComparison.Ordinal), readings, verdict.Evidence),
            DeclineReasons.UnsupportedTerms => replies.Decline(context.Asked, AnswerStatus.NotInPaper, verdict.Reason, options.UnsupportedTermsText.Replace("{terms}", words, StringComparison.Ordinal), readings, verdict.Evidence),
            DeclineReasons.FalsePremise when verdict.Contradicting is { } said => FalsePremise(context, verdict, said.Sentence, words),
            DeclineReasons.NotStated => replies.Decline(context.Asked, AnswerStatus.NotInPaper, verdict.Reason, options.FactNotGivenText.Replace("{kind}", Answerability.KindOfFact(QuestionAnalyzer.ExplicitFact(analysis.Question)?.Type ?? analysis.AnswerType), StringComparison.Ordinal), readings, verdict.Evidence),
            _ => replies.Decline(context.Asked, AnswerStatus.NotInPaper, verdict.Reason!, options.NotFoundText, readings, verdict.Evidence),
        };
        return ValueTask.FromResult<Answer?>(answer);
    }

    /// <summary>A question that names the reading it asks about: "the paper's hypothesis", "does this study …".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b((the|this|that) (paper|article|study|reading|text|essay|report|author)|(paper|article|study|author|reading)'s)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AboutTheReading();

    private Answer FalsePremise(QuestionContext context, Verdict verdict, Knowledge.Documents.LocatedSentence said, string words)
    {
        var shown = verdict.AlsoContradicting is { } also && also.Sentence != said
            ? new[] { said, also.Sentence }.OrderBy(s => context.Knowledge.IndexOf(s)).ToList()
            : [said];
        var (text, citations) = AnswerComposer.Compose(shown, context.Readings, attribute: false);
        var lead = replies.Fill(options.FalsePremiseText.Replace("{terms}", words, StringComparison.Ordinal), context.Readings);
        return replies.Decline(context.Asked, AnswerStatus.NotInPaper, DeclineReasons.FalsePremise, string.Empty, null, verdict.Evidence) with
        {
            Text = $"{lead}\n{text}",
            Citations = citations,
            Suggestions = replies.Suggestions(context.Readings),
        };
    }

    /// <summary>
    /// The missing words as the question writes them, words next to each other kept together, and a missing name
    /// with the rest of its name ("Imran Khan", though the readings know another Khan).
    /// </summary>
    private static IEnumerable<string> Phrases(string question, IReadOnlyList<QuestionTerm> missing)
    {
        var surfaces = missing.Select(t => t.Surface).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = missing.Where(t => t.Kind == TermKind.Name).Select(t => t.Surface).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var tokens = QuestionAnalyzer.Tokenize(question);
        bool Capitalised(int i) => i >= 0 && i < tokens.Count && char.IsUpper(tokens[i].Value[0]) && !tokens[i].StartsSentence;
        bool InName(int i)
        {
            for (var j = i; Capitalised(j); j--)
            {
                if (names.Contains(tokens[j].Value))
                {
                    return true;
                }
            }

            for (var j = i; Capitalised(j); j++)
            {
                if (names.Contains(tokens[j].Value))
                {
                    return true;
                }
            }

            return false;
        }

        var phrase = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (surfaces.Contains(token.Value) || InName(i))
            {
                phrase.Add(token.Value);
                continue;
            }

            if (phrase.Count > 0 && seen.Add(string.Join(' ', phrase)))
            {
                yield return string.Join(' ', phrase);
            }

            phrase.Clear();
        }

        if (phrase.Count > 0 && seen.Add(string.Join(' ', phrase)))
        {
            yield return string.Join(' ', phrase);
        }
    }

    private static string Quote(IReadOnlyList<string> words) => words.Count switch
    {
        0 => "that",
        1 => $"“{words[0]}”",
        _ => string.Join(", ", words.Take(words.Count - 1).Select(w => $"“{w}”")) + $" or “{words[^1]}”",
    };
}
