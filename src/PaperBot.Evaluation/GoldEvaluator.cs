using PaperBot.Answering;
using PaperBot.Answering.Readings;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Evaluation;

/// <summary>One gold question's outcome.</summary>
public sealed record ItemOutcome(
    GoldItem Item,
    Answer Answer,
    Answer? Previous,
    bool Correct,
    bool FactsFound,
    bool CitationHit,
    bool Declined,
    IReadOnlyList<string> NonVerbatimQuotes,
    IReadOnlyList<string> UncitedSentences);

/// <summary>
/// Asks every gold question (a follow-up after its previous question, in one fresh conversation) and judges the
/// reply: an answerable question must be answered with every gold fact and a gold section of its reading cited; a
/// question to decline must get one of the expected statuses; small talk must get a small-talk reply without
/// citations. Every quote must be a verbatim sentence of the readings, and every sentence of an answer must carry
/// a citation.
/// </summary>
public static class GoldEvaluator
{
    public static async Task<IReadOnlyList<ItemOutcome>> EvaluateAsync(
        IAnswerService answers,
        KnowledgeBase knowledge,
        IEnumerable<GoldItem> gold,
        CancellationToken cancellationToken = default)
    {
        var sentences = knowledge.AllSentences().Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
        var outcomes = new List<ItemOutcome>();
        foreach (var item in gold)
        {
            Answer? previous = null;
            AskRequest request;
            if (item.AskedAfterPrevious)
            {
                var conversation = $"eval-{item.Id}-{Guid.NewGuid():N}";
                previous = await answers.AskAsync(new AskRequest(item.Previous!, conversation), cancellationToken).ConfigureAwait(false);
                request = new AskRequest(item.Question, conversation);
            }
            else
            {
                request = new AskRequest(item.Question);
            }

            var answer = await answers.AskAsync(request, cancellationToken).ConfigureAwait(false);
            outcomes.Add(Judge(item, answer, previous, sentences));
        }

        return outcomes;
    }

    public static ItemOutcome Judge(GoldItem item, Answer answer, Answer? previous, IReadOnlySet<string> sentences)
    {
        var text = ReadingIndex.Normalise(answer.Text);
        var declined = answer.Status != AnswerStatus.Answered;
        var facts = item.Facts.All(f => text.Contains(ReadingIndex.Normalise(f), StringComparison.Ordinal));
        var cited = item.Sections.Count == 0
            || answer.Citations.Any(c => item.Sections.Contains(c.SectionId, StringComparer.OrdinalIgnoreCase)
                && (item.Reading.Length == 0 || string.Equals(c.DocumentId, item.Reading, StringComparison.OrdinalIgnoreCase)));
        var nonVerbatim = answer.Citations.Where(c => !sentences.Contains(c.Quote)).Select(c => c.Quote).ToList();
        var uncited = answer.Status == AnswerStatus.Answered && answer.Kind == AnswerKinds.Answer ? CitationMarkers.UncitedSentences(answer.Text) : [];
        var correct = item.Kind switch
        {
            "answer" or "followup" => !declined && facts && cited,
            "decline" => declined && item.Expect.Contains(StatusName(answer.Status), StringComparer.Ordinal),
            "small_talk" => !declined && answer.Kind == AnswerKinds.SmallTalk && answer.Citations.Count == 0,
            _ => false,
        };
        return new ItemOutcome(item, answer, previous, correct, facts, cited, declined, nonVerbatim, uncited);
    }

    public static string StatusName(AnswerStatus status) => AnswerJson.StatusName(status);
}
