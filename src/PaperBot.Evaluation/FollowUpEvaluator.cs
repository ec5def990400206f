using PaperBot.Answering;
using PaperBot.Answering.Guardrails;

namespace PaperBot.Evaluation;

/// <summary>One gold follow-up's outcome: the answer to the second turn.</summary>
public sealed record FollowUpOutcome(GoldItem Item, Answer Previous, Answer Answer, bool FactsFound, bool CitationHit, IReadOnlyList<string> UncitedSentences);

/// <summary>How well follow-ups are understood.</summary>
public sealed record FollowUpScores(int FollowUps, double Accuracy, double CitationHit, IReadOnlyList<FollowUpOutcome> Outcomes);

/// <summary>
/// Asks each gold follow-up's previous question and then the follow-up in one fresh conversation, and measures
/// follow-up accuracy (every gold fact in the follow-up's answer, not declined) and citation hit (a gold section cited).
/// </summary>
public static class FollowUpEvaluator
{
    public static async Task<FollowUpScores> EvaluateAsync(IAnswerService answers, IReadOnlyList<GoldItem> gold, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<FollowUpOutcome>();
        foreach (var item in gold.Where(g => g.IsFollowUp))
        {
            var conversation = $"eval-{item.Id}-{Guid.NewGuid():N}";
            var previous = await answers.AskAsync(new AskRequest(item.Previous!, conversation), cancellationToken).ConfigureAwait(false);
            var answer = await answers.AskAsync(new AskRequest(item.Question, conversation), cancellationToken).ConfigureAwait(false);
            var text = PaperVocabulary.Normalise(answer.Text);
            var answered = answer.Status == AnswerStatus.Answered;
            var facts = answered && item.Facts.All(f => text.Contains(PaperVocabulary.Normalise(f), StringComparison.Ordinal));
            var cited = answered && answer.Citations.Any(c => item.Sections.Contains(c.SectionId, StringComparer.OrdinalIgnoreCase));
            var uncited = answered ? CitationMarkers.UncitedSentences(answer.Text) : [];
            outcomes.Add(new FollowUpOutcome(item, previous, answer, facts, cited, uncited));
        }

        var n = Math.Max(1, outcomes.Count);
        return new FollowUpScores(outcomes.Count, (double)outcomes.Count(o => o.FactsFound) / n, (double)outcomes.Count(o => o.CitationHit) / n, outcomes);
    }
}
