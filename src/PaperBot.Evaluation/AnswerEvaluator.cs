using PaperBot.Answering;
using PaperBot.Answering.Guardrails;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Evaluation;

/// <summary>One gold question's outcome.</summary>
public sealed record AnswerOutcome(GoldItem Item, Answer Answer, bool FactsFound, bool CitationHit, bool Declined, bool CorrectDecline, IReadOnlyList<string> NonVerbatimQuotes, IReadOnlyList<string> UncitedSentences);

/// <summary>The answer measures the product is held to.</summary>
public sealed record AnswerScores(
    int Answerable,
    int ToDecline,
    double FactAccuracy,
    double CitationHit,
    double DeclineAccuracy,
    double FalseDeclineRate,
    double MedianWords,
    double VerbatimQuoteRate,
    int Quotes,
    IReadOnlyList<AnswerOutcome> Outcomes);

/// <summary>
/// Runs every gold question through the answer service and measures: fact accuracy (all gold facts in the answer),
/// citation hit (a cited section is a gold section), decline accuracy (a question to decline gets an expected
/// decline status), false-decline rate (an answerable question declined), median answer length in words, and the
/// share of quotes that are verbatim sentences of the cleaned paper. Also checks every answered sentence carries a
/// citation marker.
/// </summary>
public static class AnswerEvaluator
{
    public static async Task<AnswerScores> EvaluateAsync(
        IAnswerService answers,
        KnowledgeBase knowledge,
        IReadOnlyList<GoldItem> gold,
        CancellationToken cancellationToken = default)
    {
        var paperText = PaperVocabulary.Normalise(string.Join("\n", knowledge.AllSentences().Select(s => s.Text)));
        var outcomes = new List<AnswerOutcome>();
        // Follow-ups are measured by FollowUpEvaluator, in their conversations.
        foreach (var item in gold.Where(g => g.IsAnswerable || g.IsDecline))
        {
            var answer = await answers.AskAsync(new AskRequest(item.Question), cancellationToken).ConfigureAwait(false);
            var text = PaperVocabulary.Normalise(answer.Text);
            var facts = item.Facts.All(f => text.Contains(PaperVocabulary.Normalise(f), StringComparison.Ordinal));
            var citationHit = answer.Citations.Any(c => item.Sections.Contains(c.SectionId, StringComparer.OrdinalIgnoreCase));
            var declined = answer.Status != AnswerStatus.Answered;
            var correctDecline = declined && item.Expect.Any(e => string.Equals(e, AnswerJson.StatusName(answer.Status), StringComparison.Ordinal));
            var nonVerbatim = answer.Citations
                .Where(c => !knowledge.AllSentences().Any(s => s.Text == c.Quote) && !paperText.Contains(PaperVocabulary.Normalise(c.Quote), StringComparison.Ordinal))
                .Select(c => c.Quote)
                .ToList();
            var uncited = answer.Status == AnswerStatus.Answered ? CitationMarkers.UncitedSentences(answer.Text) : [];
            outcomes.Add(new AnswerOutcome(item, answer, facts, citationHit, declined, correctDecline, nonVerbatim, uncited));
        }

        var answerable = outcomes.Where(o => o.Item.IsAnswerable).ToList();
        var toDecline = outcomes.Where(o => !o.Item.IsAnswerable).ToList();
        var answeredWords = answerable.Where(o => !o.Declined).Select(o => (double)WordCount(o.Answer.Text)).Order().ToList();
        var quotes = outcomes.SelectMany(o => o.Answer.Citations).Count();
        var badQuotes = outcomes.Sum(o => o.NonVerbatimQuotes.Count);
        return new AnswerScores(
            answerable.Count,
            toDecline.Count,
            Share(answerable, o => o.FactsFound && !o.Declined),
            Share(answerable, o => o.CitationHit && !o.Declined),
            Share(toDecline, o => o.CorrectDecline),
            Share(answerable, o => o.Declined),
            answeredWords.Count == 0 ? 0 : answeredWords[answeredWords.Count / 2],
            quotes == 0 ? 1 : (double)(quotes - badQuotes) / quotes,
            quotes,
            outcomes);
    }

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => !w.StartsWith('['));

    private static double Share(List<AnswerOutcome> outcomes, Func<AnswerOutcome, bool> predicate) =>
        outcomes.Count == 0 ? 0 : (double)outcomes.Count(predicate) / outcomes.Count;
}
