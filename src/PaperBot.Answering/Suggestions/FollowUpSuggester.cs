using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PaperBot.Knowledge.Lexical;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Answering.Suggestions;

/// <summary>A follow-up question the answer pipeline answered with a citation, and the quotes that answer cited.</summary>
public sealed record VerifiedSuggestion(string Question, SuggestionSource Source, int Paragraph, IReadOnlySet<string> Quotes);

/// <summary>Where an answer cites: a section of a reading and the paragraphs cited in it, in the order first cited.</summary>
public sealed record SuggestionSection(string DocumentId, string SectionId, IReadOnlyList<int> Paragraphs);

/// <summary>
/// Offers up to three follow-up questions with an answer, each one the readings answer with a citation. The
/// candidates of a section (<see cref="SuggestionCandidates"/>) are asked of the real answer pipeline once, the first
/// time an answer cites that section, with no conversation and no asker (so nothing is logged or remembered); the
/// questions it answered with a citation are kept for that knowledge base and section, and every later answer from
/// the section chooses among them at no cost. Questions students asked in a conversation and got answered on their
/// own (not as a follow-up, as typed) join the section's pool as they come. An answer never offers the question just
/// asked, a near-duplicate of it, or a question whose answer cites nothing the answer has not already quoted.
/// </summary>
public sealed class FollowUpSuggester
{
    /// <summary>The most questions kept a section from what students asked; the oldest goes first.</summary>
    public const int MaxAskedPerSection = 20;

    /// <summary>Verifying a section's candidates stops once this many are answered: enough to choose three from, at the least cost.</summary>
    public const int VerifiedPerSection = 5;

    /// <summary>How long verifying one section's candidates may take before the section is offered nothing.</summary>
    private static readonly TimeSpan VerificationTimeout = TimeSpan.FromSeconds(60);

    private readonly Func<string, KnowledgeBase, CancellationToken, Task<Answer>> _ask;
    private readonly ConditionalWeakTable<KnowledgeBase, Book> _books = [];

    /// <param name="ask">Answers a question the way the answer service does, with no conversation, no asker and no suggestions.</param>
    public FollowUpSuggester(Func<string, KnowledgeBase, CancellationToken, Task<Answer>> ask) => _ask = ask;

    /// <summary>Whether an answer counts as answered for a suggestion: answered, with at least one citation.</summary>
    public static bool IsAnsweredWithCitation(Answer answer) =>
        answer.Status == AnswerStatus.Answered && answer.Citations.Count > 0 && answer.Quiz is null;

    /// <summary>The sections an answer cites, in the order first cited, each with its cited paragraphs.</summary>
    public static IReadOnlyList<SuggestionSection> SectionsOf(Answer answer) =>
        answer.Citations
            .GroupBy(c => (c.DocumentId, c.SectionId))
            .Select(g => new SuggestionSection(g.Key.DocumentId, g.Key.SectionId, g.Select(c => c.Paragraph).Distinct().ToList()))
            .ToList();

    /// <summary>Up to <paramref name="count"/> follow-ups for an answer to <paramref name="asked"/> (the question as typed and as understood).</summary>
    public async Task<IReadOnlyList<string>> SuggestAsync(KnowledgeBase knowledge, Readings.ReadingIndex readings, Answer answer, IReadOnlyList<string> asked, int count, CancellationToken cancellationToken)
    {
        if (count <= 0 || !IsAnsweredWithCitation(answer))
        {
            return [];
        }

        var book = _books.GetValue(knowledge, _ => new Book());
        var sections = SectionsOf(answer).Take(2).ToList();
        var pools = new List<IReadOnlyList<VerifiedSuggestion>>();
        foreach (var section in sections)
        {
            // The first section cited is verified now if it never was; another only adds what it already has.
            var verified = pools.Count == 0
                ? await book.VerifiedAsync(section, () => VerifyAsync(knowledge, readings, section)).WaitAsync(cancellationToken).ConfigureAwait(false)
                : book.VerifiedSoFar(section);
            pools.Add([.. verified, .. book.AskedIn(section)]);
        }

        var quotes = answer.Citations.Select(c => c.Quote).ToHashSet(StringComparer.Ordinal);
        return Choose(pools, sections, quotes, asked, count);
    }

    /// <summary>Keeps a question a student asked in a conversation and got answered on its own, for the section its answer cites first.</summary>
    public void RememberAsked(KnowledgeBase knowledge, Readings.ReadingIndex readings, string question, Answer answer)
    {
        // Asked first in its thread, "When was it signed?" was no follow-up; offered in another thread it would be.
        if (!IsAnsweredWithCitation(answer) || answer.Kind != AnswerKinds.Answer || question.Length > SuggestionCandidates.MaxQuestionLength
            || !SuggestionCandidates.StandsAlone(question, readings))
        {
            return;
        }

        var section = SectionsOf(answer)[0];
        var quotes = answer.Citations.Select(c => c.Quote).ToHashSet(StringComparer.Ordinal);
        _books.GetValue(knowledge, _ => new Book()).Remember(section, new VerifiedSuggestion(question, SuggestionSource.Asked, section.Paragraphs[0], quotes));
    }

    /// <summary>
    /// The follow-ups to offer from each cited section's pool (the first section's first): one drawn from near the
    /// cited sentences, one from the next part of the reading, one another student asked, then the rest by nearness;
    /// never a near-duplicate of a question asked or already chosen, nor one whose answer only repeats quotes given.
    /// </summary>
    public static IReadOnlyList<string> Choose(IReadOnlyList<IReadOnlyList<VerifiedSuggestion>> pools, IReadOnlyList<SuggestionSection> sections, IReadOnlySet<string> quotes, IReadOnlyList<string> asked, int count)
    {
        var ranked = pools
            .SelectMany((pool, rank) => pool.Select(s => (Suggestion: s, Rank: rank, Distance: Distance(s, sections[rank]))))
            .Where(s => !s.Suggestion.Quotes.IsSubsetOf(quotes))
            .OrderBy(s => s.Rank)
            .ThenBy(s => s.Distance)
            .Select(s => s.Suggestion)
            .ToList();

        var chosen = new List<string>();
        var seen = asked.ToList();
        bool TryTake(VerifiedSuggestion candidate)
        {
            if (chosen.Count >= count || seen.Any(q => NearDuplicate(q, candidate.Question)))
            {
                return false;
            }

            chosen.Add(candidate.Question);
            seen.Add(candidate.Question);
            return true;
        }

        // One of each source first, so the offer mixes the nearby, the next part and what others asked.
        foreach (var source in Enum.GetValues<SuggestionSource>())
        {
            ranked.Where(s => s.Source == source).Any(TryTake);
        }

        foreach (var candidate in ranked)
        {
            TryTake(candidate);
        }

        return chosen;
    }

    /// <summary>
    /// Two questions are near-duplicates when their content terms (analysed as the index analyses them) mostly agree:
    /// the same terms, one's terms (two or more) all in the other, or three in four shared.
    /// </summary>
    public static bool NearDuplicate(string first, string second)
    {
        var a = Bm25Encoder.Analyze(first).ToHashSet(StringComparer.Ordinal);
        var b = Bm25Encoder.Analyze(second).ToHashSet(StringComparer.Ordinal);
        if (a.Count == 0 || b.Count == 0)
        {
            return string.Equals(first.Trim(), second.Trim(), StringComparison.OrdinalIgnoreCase);
        }

        var shared = a.Count(b.Contains);
        var smaller = Math.Min(a.Count, b.Count);
        return a.SetEquals(b) || (smaller >= 2 && shared == smaller) || shared >= 0.75 * (a.Count + b.Count - shared);
    }

    private static int Distance(VerifiedSuggestion suggestion, SuggestionSection section) =>
        suggestion.Source == SuggestionSource.NextPart || section.Paragraphs.Count == 0
            ? 0
            : section.Paragraphs.Min(p => Math.Abs(p - suggestion.Paragraph));

    private async Task<IReadOnlyList<VerifiedSuggestion>> VerifyAsync(KnowledgeBase knowledge, Readings.ReadingIndex readings, SuggestionSection cited)
    {
        var document = knowledge.FindDocument(cited.DocumentId);
        var section = document?.FindSection(cited.SectionId);
        if (document is null || section is null)
        {
            return [];
        }

        // Shared by every answer that waits for it, so no one answer's cancellation may stop it.
        using var timeout = new CancellationTokenSource(VerificationTimeout);
        var verified = new List<VerifiedSuggestion>();
        foreach (var candidate in SuggestionCandidates.ForSection(readings, document, section))
        {
            var answer = await _ask(candidate.Question, knowledge, timeout.Token).ConfigureAwait(false);
            if (IsAnsweredWithCitation(answer))
            {
                verified.Add(new VerifiedSuggestion(candidate.Question, candidate.Source, candidate.Paragraph, answer.Citations.Select(c => c.Quote).ToHashSet(StringComparer.Ordinal)));
                if (verified.Count >= VerifiedPerSection)
                {
                    break;
                }
            }
        }

        return verified;
    }

    /// <summary>One knowledge base's verified questions and asked questions, by section.</summary>
    private sealed class Book
    {
        private readonly ConcurrentDictionary<(string, string), Lazy<Task<IReadOnlyList<VerifiedSuggestion>>>> _verified = new();
        private readonly ConcurrentDictionary<(string, string), List<VerifiedSuggestion>> _asked = new();

        public async Task<IReadOnlyList<VerifiedSuggestion>> VerifiedAsync(SuggestionSection section, Func<Task<IReadOnlyList<VerifiedSuggestion>>> verify)
        {
            var key = (section.DocumentId, section.SectionId);
            var entry = _verified.GetOrAdd(key, _ => new Lazy<Task<IReadOnlyList<VerifiedSuggestion>>>(verify));
            try
            {
                return await entry.Value.ConfigureAwait(false);
            }
            catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
            {
                // A failed verification (the store unreachable, too slow) is tried again by the next answer from the section.
                _verified.TryRemove(new KeyValuePair<(string, string), Lazy<Task<IReadOnlyList<VerifiedSuggestion>>>>(key, entry));
                return [];
            }
        }

        /// <summary>A section's verified questions when its verification has finished, else none (nothing waits for it).</summary>
        public IReadOnlyList<VerifiedSuggestion> VerifiedSoFar(SuggestionSection section) =>
            _verified.TryGetValue((section.DocumentId, section.SectionId), out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully
                ? entry.Value.Result
                : [];

        public IReadOnlyList<VerifiedSuggestion> AskedIn(SuggestionSection section)
        {
            if (!_asked.TryGetValue((section.DocumentId, section.SectionId), out var asked))
            {
                return [];
            }

            lock (asked)
            {
                return [.. asked];
            }
        }

        public void Remember(SuggestionSection section, VerifiedSuggestion suggestion)
        {
            var asked = _asked.GetOrAdd((section.DocumentId, section.SectionId), _ => []);
            lock (asked)
            {
                asked.RemoveAll(s => NearDuplicate(s.Question, suggestion.Question));
                asked.Add(suggestion);
                if (asked.Count > MaxAskedPerSection)
                {
                    asked.RemoveAt(0);
                }
            }
        }
    }
}
