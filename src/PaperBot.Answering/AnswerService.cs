using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Answering.Composition;
using PaperBot.Answering.Conversations;
using PaperBot.Answering.Guardrails;
using PaperBot.Answering.Study;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Lexical;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Answering;

/// <summary>
/// Where an answer is decided. Every front end calls <see cref="AskAsync"/>. The order never changes: input
/// checks, commands (help, sections), instructions smuggled into the question, off-topic questions, subjects the
/// paper never mentions, the relevance floor; only then sentences of the paper are chosen (or a language model
/// writes and the grounding check filters, when one is configured).
/// </summary>
public sealed partial class AnswerService(
    KnowledgeBaseProvider knowledgeProvider,
    IOptions<AnsweringOptions> options,
    ILogger<AnswerService> logger,
    IAnswerGenerator? generator = null,
    IConversationMemory? conversations = null,
    QuizBook? quizzes = null) : IAnswerService
{
    private readonly AnsweringOptions _options = options.Value;
    private readonly QuizBook _quizzes = quizzes ?? new QuizBook();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeBase, PaperVocabulary> _vocabularies = [];

    public async Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        using var activity = PaperBotTelemetry.StartAnswer();
        var watch = Stopwatch.StartNew();
        var answer = await DecideAsync(request, cancellationToken).ConfigureAwait(false);
        answer = answer with { ElapsedMs = Math.Round(watch.Elapsed.TotalMilliseconds, 1) };
        PaperBotTelemetry.Record(activity, answer);
        LogAnswer(logger, answer.Id, answer.Status, answer.Kind, answer.Citations.Count, answer.ElapsedMs);
        return answer;
    }

    private async Task<Answer> DecideAsync(AskRequest request, CancellationToken cancellationToken)
    {
        var question = request.Question ?? string.Empty;
        var problem = QuestionInput.Validate(question);
        if (problem is not null)
        {
            return Decline(Shorten(question), AnswerStatus.Rejected, problem);
        }

        question = TextCleaner.CollapseWhitespace(question);
        var knowledge = await knowledgeProvider.GetAsync(cancellationToken).ConfigureAwait(false);
        var command = question.Trim().TrimEnd('?', '.', '!').Trim().ToLowerInvariant();
        if (command is "help" or "/help" or "?" or "hi" or "hello")
        {
            return Help(question);
        }

        if (command is "sections" or "outline" or "contents")
        {
            return Sections(question, knowledge);
        }

        if (StudyCommand(question, knowledge) is { } study)
        {
            return study;
        }

        if (InjectionDetector.LooksLikeInjection(question))
        {
            return Decline(question, AnswerStatus.Rejected, _options.InjectionText);
        }

        // A follow-up ("When was it signed?") is searched and checked as the question it stands for.
        var previous = request.ConversationId is { Length: > 0 } conversationId ? conversations?.LastTurn(conversationId) : null;
        var reading = previous is null ? null : FollowUps.Read(question, previous, Vocabulary(knowledge));
        var answer = await AnswerFromPaperAsync(reading?.ResolvedQuestion ?? question, knowledge, cancellationToken).ConfigureAwait(false);
        return Remember(request, question, reading, previous, answer, knowledge);
    }

    /// <summary>The guardrails, retrieval and composition for one question of the paper.</summary>
    private async Task<Answer> AnswerFromPaperAsync(string question, KnowledgeBase knowledge, CancellationToken cancellationToken)
    {
        var vocabulary = Vocabulary(knowledge);
        var analysis = QuestionAnalyzer.Analyze(question, vocabulary, _options.Aliases);
        var queryVector = await knowledge.EmbedQueryAsync(question, cancellationToken).ConfigureAwait(false);
        var closest = knowledge.ClosestSentence(queryVector);

        if (closest.Similarity < _options.OffTopicSimilarity && analysis.Coverage < _options.OffTopicCoverage)
        {
            return Decline(question, AnswerStatus.OutOfScope, _options.OutOfScopeText);
        }

        var hits = await knowledge.SearchAsync(question, queryVector, _options.Passages, cancellationToken: cancellationToken).ConfigureAwait(false);
        var candidates = hits
            .SelectMany((hit, rank) => hit.Chunk.Sentences.Select(s => (Sentence: s, ChunkRank: rank)))
            .GroupBy(c => c.Sentence)
            .Select(g => (g.Key, g.Min(c => c.ChunkRank)))
            .ToList();
        var scored = SentenceScorer.Score(knowledge, vocabulary, analysis, queryVector, candidates);

        if (analysis.AbsentSubjects.Count > 0)
        {
            var subject = string.Join(" or ", analysis.AbsentSubjects.Select(s => $"“{s}”"));
            return NotInPaper(question, _options.NotInPaperText.Replace("{subject}", subject, StringComparison.Ordinal), scored, knowledge);
        }

        if (analysis.Presupposes && analysis.UnknownTerms.Count > 0 && analysis.UnknownShare >= _options.FalsePremiseUnknownShare)
        {
            // "Why did the SCO expel Pakistan?": the paper never speaks of the event the question takes for granted.
            var words = string.Join(", ", analysis.UnknownTerms.Select(t => UnknownSurfaceWord(question, t)));
            return NotInPaper(question, _options.FalsePremiseText.Replace("{terms}", words, StringComparison.Ordinal), scored, knowledge);
        }

        if (UnsupportedPremise(question, vocabulary, knowledge, knowledge.AllSentences()) is { } premise)
        {
            // "Why did Russia cancel the pipeline?": the paper uses the word, but never about what the question names.
            return NotInPaper(question, _options.UnsupportedPremiseText.Replace("{verb}", premise, StringComparison.Ordinal), scored, knowledge);
        }

        if (scored.Count == 0 || closest.Similarity < _options.RelevanceFloor)
        {
            return NotInPaper(question, _options.NotFoundText, [], knowledge);
        }

        var structural = StructuralAnswer(question, analysis, knowledge, vocabulary, queryVector);
        if (structural is not null)
        {
            return structural;
        }

        if (generator is not null)
        {
            var generated = await generator.GenerateAsync(new GenerationRequest(question, hits, queryVector, knowledge), cancellationToken).ConfigureAwait(false);
            if (generated is not null)
            {
                return generated with { Question = question };
            }
        }

        var chosen = Choose(scored, analysis, knowledge);
        var (text, citations) = AnswerComposer.Compose(chosen.Select(c => c.Sentence).ToList(), DocumentNames(knowledge));
        return new Answer { Question = question, Status = AnswerStatus.Answered, Text = text, Citations = citations };
    }

    /// <summary>
    /// The smallest set of sentences that answers: the best one, then at most two more that score nearly as well
    /// and either continue it (the next sentence of its paragraph) or bring question words it lacks.
    /// </summary>
    private List<ScoredSentence> Choose(IReadOnlyList<ScoredSentence> scored, QuestionAnalysis analysis, KnowledgeBase knowledge)
    {
        var best = scored[0];
        var chosen = new List<ScoredSentence> { best };
        var covered = knowledge.SentenceTerms(best.Sentence).ToHashSet(StringComparer.Ordinal);
        foreach (var candidate in scored.Skip(1))
        {
            if (chosen.Count >= _options.MaxSentences || candidate.Score < best.Score * _options.ContinuationRatio)
            {
                break;
            }

            var terms = knowledge.SentenceTerms(candidate.Sentence);
            var closeEnough = candidate.Score >= best.Score * _options.SecondSentenceRatio;
            var bringsNew = closeEnough && analysis.ContentTerms.Any(t => terms.Contains(t) && !covered.Contains(t));
            var continues = chosen.Any(c => Adjacent(c.Sentence, candidate.Sentence));
            var missingType = analysis.AnswerType != AnswerType.Other && !chosen.Any(c => c.HasAnswerType) && candidate.HasAnswerType;
            if (bringsNew || continues || missingType)
            {
                chosen.Add(candidate);
                covered.UnionWith(terms);
            }
        }

        return chosen
            .OrderBy(c => c.Sentence.DocumentId, StringComparer.Ordinal)
            .ThenBy(c => knowledge.FindDocument(c.Sentence.DocumentId)?.Sections.ToList().IndexOf(c.Sentence.Section) ?? 0)
            .ThenBy(c => c.Sentence.Paragraph)
            .ThenBy(c => c.Sentence.Sentence.Index)
            .ToList();
    }

    /// <summary>
    /// A question about a whole section with subsections ("What are the main reasons for Russia's interest in
    /// Pakistan?") is answered from the paper's structure: each subsection's title with its key sentence, cited.
    /// </summary>
    private Answer? StructuralAnswer(string question, QuestionAnalysis analysis, KnowledgeBase knowledge, PaperVocabulary vocabulary, float[] queryVector)
    {
        if (analysis.AnswerType != AnswerType.Reason || !OverviewWords().IsMatch(question))
        {
            return null;
        }

        var questionTerms = analysis.ContentTerms.ToHashSet(StringComparer.Ordinal);
        var parent = knowledge.Documents
            .SelectMany(d => d.Sections.Where(s => d.ChildrenOf(s.Id).Any()).Select(s => (Document: d, Section: s)))
            .Select(x => (x.Document, x.Section, Overlap: Bm25Encoder.Analyze(x.Section.Title).Count(questionTerms.Contains)))
            .Where(x => x.Overlap >= 2)
            .OrderByDescending(x => x.Overlap)
            .FirstOrDefault();
        if (parent.Section is null)
        {
            return null;
        }

        var children = parent.Document.ChildrenOf(parent.Section.Id).ToList();
        var lines = new List<string> { $"The paper gives {children.Count} reasons, one in each part of {parent.Section.Label}:" };
        var citations = new List<Citation>();
        var names = DocumentNames(knowledge);
        foreach (var child in children)
        {
            var sentences = child.Paragraphs.SelectMany(p => p.Sentences.Select(s => (new LocatedSentence(parent.Document.Id, child, p.Number, s), 0)));
            var childAnalysis = analysis with { ContentTerms = analysis.ContentTerms.Concat(Bm25Encoder.Analyze(child.Title)).Distinct().ToList() };
            var key = SentenceScorer.Score(knowledge, vocabulary, childAnalysis, queryVector, sentences).FirstOrDefault();
            if (key is null)
            {
                continue;
            }

            var marker = citations.Count + 1;
            citations.Add(AnswerComposer.ToCitation(key.Sentence, marker, names));
            lines.Add($"{marker}. {child.Title}: {key.Sentence.Text} [{marker}]");
        }

        return citations.Count == 0 ? null : new Answer { Question = question, Status = AnswerStatus.Answered, Text = string.Join("\n", lines), Citations = citations };
    }

    /// <summary>
    /// Shows how a follow-up was read (a lead-in line that ends with a colon, so it is no uncited claim) and keeps
    /// the turn's subject for the next follow-up of the same conversation.
    /// </summary>
    private Answer Remember(AskRequest request, string asked, FollowUpReading? reading, ConversationTurn? previous, Answer answer, KnowledgeBase knowledge)
    {
        if (reading is not null)
        {
            answer = answer with
            {
                Question = asked,
                Interpretation = reading.Interpretation,
                Text = answer.Status == AnswerStatus.Answered ? $"{reading.Interpretation}:\n{answer.Text}" : answer.Text,
            };
        }

        if (conversations is not null && request.ConversationId is { Length: > 0 } conversationId
            && answer.Status == AnswerStatus.Answered && answer.Kind == AnswerKinds.Answer)
        {
            var understood = reading?.ResolvedQuestion ?? asked;
            var subject = FollowUps.SubjectOf(reading is null ? asked : understood, Vocabulary(knowledge))
                ?? previous?.Subject
                ?? answer.Citations.FirstOrDefault()?.SectionTitle
                ?? string.Empty;
            conversations.Remember(conversationId, new ConversationTurn(understood, subject, answer.Citations.Select(c => c.SectionId).Distinct().ToList()));
        }

        return answer;
    }

    private Answer NotInPaper(string question, string reason, IReadOnlyList<ScoredSentence> scored, KnowledgeBase knowledge)
    {
        // The closest passage is offered only when it is genuinely related, and it never turns the decline into an answer.
        var related = scored.FirstOrDefault(s => s.Similarity >= _options.OffTopicSimilarity && s.Lexical > 0);
        if (related is null)
        {
            return Decline(question, AnswerStatus.NotInPaper, reason);
        }

        var (text, citations) = AnswerComposer.Compose([related.Sentence], DocumentNames(knowledge), attributeToPaper: false);
        return new Answer
        {
            Question = question,
            Status = AnswerStatus.NotInPaper,
            Text = $"{reason} {_options.ClosestPassageLead} {text}",
            Citations = citations,
            Suggestions = _options.ExampleQuestions,
        };
    }

    private Answer Decline(string question, AnswerStatus status, string reason) => new()
    {
        Question = question,
        Status = status,
        Text = reason,
        Suggestions = _options.ExampleQuestions,
    };

    private Answer Help(string question) => new()
    {
        Question = question,
        Status = AnswerStatus.Answered,
        Kind = AnswerKinds.Help,
        Text = _options.HelpText,
        Suggestions = _options.ExampleQuestions,
    };

    private static Answer Sections(string question, KnowledgeBase knowledge)
    {
        var lines = new List<string>();
        foreach (var document in knowledge.Documents)
        {
            if (knowledge.Documents.Count > 1)
            {
                lines.Add(document.DisplayName);
            }

            lines.AddRange(document.Sections.Select(s => $"{new string(' ', (s.Level - 1) * 2)}{s.Label}"));
        }

        return new Answer { Question = question, Status = AnswerStatus.Answered, Kind = AnswerKinds.Sections, Text = string.Join("\n", lines) };
    }

    /// <summary>The vocabulary of a knowledge base, built once per knowledge base (safe from many threads).</summary>
    private PaperVocabulary Vocabulary(KnowledgeBase knowledge) => _vocabularies.GetValue(knowledge, k => new PaperVocabulary(k));

    /// <summary>
    /// The event a "Why did X do Y?" question takes for granted must be in the paper: its verb (an ordinary content
    /// verb, not "need", "have" or "see") has to stand in one sentence with what the question says it was done to.
    /// Returns the verb as the question writes it when no sentence does.
    /// </summary>
    private static string? UnsupportedPremise(string question, PaperVocabulary vocabulary, KnowledgeBase knowledge, IEnumerable<LocatedSentence> evidence)
    {
        var match = PremiseVerb().Match(question.Trim());
        if (!match.Success)
        {
            return null;
        }

        var verb = match.Groups["verb"].Value;
        if (LightVerbs.Contains(verb.ToLowerInvariant()))
        {
            return null;
        }

        var term = Bm25Encoder.Analyze(verb).FirstOrDefault();
        if (term is null || !vocabulary.ContainsTerm(term))
        {
            return null; // a word the paper never uses is the false-premise rule's business
        }

        // The verb must stand in one sentence with what the question says it was done to ("cancel" with "pipeline"),
        // not merely somewhere in the passages ("the summit was cancelled").
        var subject = Bm25Encoder.Analyze(match.Groups["subject"].Value).ToHashSet(StringComparer.Ordinal);
        var objects = Bm25Encoder.Analyze(question[(match.Index + match.Length)..])
            .Where(t => !subject.Contains(t) && t != term && vocabulary.ContainsTerm(t))
            .ToHashSet(StringComparer.Ordinal);
        return evidence.Any(s => knowledge.SentenceTerms(s) is var terms && terms.Contains(term) && (objects.Count == 0 || terms.Overlaps(objects)))
            ? null
            : verb;
    }

    private static readonly HashSet<string> LightVerbs = new(StringComparer.Ordinal)
    {
        "be", "is", "are", "was", "were", "been", "have", "has", "had", "do", "does", "did", "get", "got", "make", "made",
        "take", "took", "need", "needs", "want", "wants", "see", "sees", "seem", "seems", "become", "became", "go", "went",
        "come", "came", "give", "gave", "keep", "kept", "look", "looks", "consider", "matter", "care", "like", "view",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^[Ww]hy (?:did|does|do|has|have|had) (?<subject>(?:[Tt]he |[Aa] |[Aa]n )?(?:\p{Lu}[\w\-’'.]*\s+)+)(?<verb>[a-z]+)\b")]
    private static partial System.Text.RegularExpressions.Regex PremiseVerb();

    /// <summary>The question's own word for an analysed term ("expel" for "expel", "submarines" for "submarin").</summary>
    private static string UnknownSurfaceWord(string question, string term) =>
        question.Split([' ', ',', '?', '.', '!', ';', ':'], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(w => Bm25Encoder.Analyze(w).Contains(term)) ?? term;

    private static Dictionary<string, string> DocumentNames(KnowledgeBase knowledge) =>
        knowledge.Documents.ToDictionary(d => d.Id, d => d.DisplayName, StringComparer.Ordinal);

    private static bool Adjacent(LocatedSentence a, LocatedSentence b) =>
        a.DocumentId == b.DocumentId && a.Section.Id == b.Section.Id && a.Paragraph == b.Paragraph && Math.Abs(a.Sentence.Index - b.Sentence.Index) == 1;

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(main|key|prime|principal|five|four|major|chief)\b.*\breasons?\b|\breasons?\b.*\b(interest|ties|relations)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex OverviewWords();

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Answer {AnswerId}: {Status} ({Kind}), {Citations} citation(s), {ElapsedMs} ms")]
    private static partial void LogAnswer(ILogger logger, string answerId, AnswerStatus status, string kind, int citations, double elapsedMs);
}
