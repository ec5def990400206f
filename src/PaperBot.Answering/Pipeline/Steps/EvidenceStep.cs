using System.Numerics.Tensors;
using PaperBot.Answering.Decision;
using PaperBot.Answering.Language;
using PaperBot.Knowledge.Embeddings;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>
/// Gathers the evidence every later step decides on, once: the question's words and their weights, the query
/// vector, the passages, the vectors of the question's words that may be matched by meaning, each candidate
/// sentence's support for each word, the chosen sentences, and what the readings have of each word anywhere.
/// It never answers by itself.
/// </summary>
public sealed partial class EvidenceStep(AnsweringOptions options, IWordList language) : IAnswerStep
{
    public string Name => "evidence";

    public async ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken)
    {
        var knowledge = context.Knowledge;
        var readings = context.Readings;
        var started = context.Clock.Elapsed;
        var analysis = QuestionAnalyzer.Analyze(context.Subject ?? context.Question, readings);
        context.Analysis = analysis;
        context.Synonyms = options.Synonyms ? Synonyms.TryEnglish() : null; // a build without the table answers without synonyms
        Stage(context, "analysis", ref started);
        var vector = await context.QueryVectorAsync(cancellationToken).ConfigureAwait(false);
        Stage(context, "embedding", ref started);
        context.Hits = await knowledge.SearchAsync(context.Question, vector, options.Passages, cancellationToken: cancellationToken).ConfigureAwait(false);
        Stage(context, "search", ref started);

        // Words matched by meaning: the readings' own words have vectors already. Names, numbers and non-words are
        // matched only as written.
        var meaningful = analysis.Terms
            .Where(t => t.Kind is TermKind.Content or TermKind.Light && t.Word.All(char.IsLetter) && t.Word.Length >= 3)
            .Select(t => t.Word)
            .Where(w => knowledge.Words.Contains(w) || language.Contains(w))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var known = meaningful.Where(knowledge.Words.Contains).ToList();
        await MeaningsAsync(context, known, cancellationToken).ConfigureAwait(false);
        Stage(context, "meanings", ref started);

        var thresholds = new MeaningThresholds(options.MeaningFloor, options.MeaningFull, options.UnknownWordCap);
        var weights = Weights();
        var lastSections = WhereTheLastAnswerWas(context);
        var candidates = CandidateSentences(context, analysis, await ParaphrasedAsync(context, analysis, cancellationToken).ConfigureAwait(false), lastSections);
        Weigh(context, analysis, candidates, thresholds, weights, lastSections);
        Stage(context, "support", ref started);

        // Words the readings never use are embedded (one call of the model) only when the decision turns on them:
        // a question answered without them, or declined for a name or number, does not wait for the model.
        var unknown = meaningful.Except(known, StringComparer.Ordinal).ToList();
        var verdict = Verdict(context, analysis);
        if (TurnsOnOrdinaryWords(verdict, analysis))
        {
            if (unknown.Count > 0)
            {
                await MeaningsAsync(context, meaningful, cancellationToken).ConfigureAwait(false);
            }

            // Then the question's words in their own sentence, matched to the candidates' words in theirs: a
            // paraphrase ("fear", "buy") is found where the sentence says it its own way ("apprehensions", "purchase").
            // In a question that takes something for granted ("Why did …?") only words the readings use are matched
            // so: in context a word and its opposite stand close ("welcomed", "protested"), and what such a question
            // assumes must be what the reading says.
            if (options.ContextFull > 0 && knowledge.HasTokenStates && TurnsOnWordsASentenceLacks(verdict, analysis))
            {
                // Only the strongest candidates are read so: the rest would not be chosen for a word or two more.
                var question = knowledge.QuestionTokens(context.Subject ?? context.Question, cancellationToken);
                var strongest = context.Candidates.OrderByDescending(c => c.Score).Take(options.ContextCandidates).Select(c => c.Index).ToHashSet();
                knowledge.SentenceTokens([.. strongest], cancellationToken); // read together, in batches
                context.Contextual = question is null ? null : new ContextualMatch(
                    question, i => strongest.Contains(i) ? knowledge.SentenceTokens([i], cancellationToken)?[0] : null, options.ContextFloor, options.ContextFull,
                    analysis.Terms.Select(t => t.Term).ToHashSet(StringComparer.Ordinal)) { UnknownMargin = analysis.Presupposes ? 1 : options.ContextUnknownMargin };
            }

            Weigh(context, analysis, candidates, thresholds, weights, lastSections);
            Stage(context, "unknown_words", ref started);
        }

        return null;
    }

    private async Task MeaningsAsync(QuestionContext context, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var vectors = await context.Knowledge.EmbedWordsAsync(words, cancellationToken).ConfigureAwait(false);
        context.WordMeanings = words
            .Select((w, i) => (Word: w, Neighbours: new WordNeighbours(context.Readings.Neighbours(w, vectors[i], options.MeaningNeighbours))))
            .ToDictionary(p => p.Word, p => p.Neighbours, StringComparer.Ordinal);
    }

    private void Weigh(QuestionContext context, QuestionAnalysis analysis, List<(int Index, int Rank)> candidates, MeaningThresholds thresholds, SelectionWeights weights, IReadOnlySet<string> lastSections)
    {
        context.Candidates = candidates.Select(c => Evidence(context, c.Index, c.Rank, analysis, thresholds, weights, lastSections.Contains(context.Knowledge.AllSentences()[c.Index].Section.Id) ? options.FollowUpSectionWeight : 0)).ToList();
        context.Selection = WithConsequence(context, WithNeighbours(context, SentenceSelector.Select(context.Candidates, analysis, weights), thresholds, weights), thresholds, weights);
        context.Presence = Presence(context, analysis, thresholds);
    }

    /// <summary>The decision as the evidence gathered so far stands.</summary>
    private Verdict Verdict(QuestionContext context, QuestionAnalysis analysis) =>
        Answerability.Decide(analysis, context.Selection, context.Presence, AnswerabilityStep.ThresholdsFor(options, context.Scope is not null), AnswerabilityStep.Carried(context));

    /// <summary>Whether the decision, made without the meaning of the words the readings never use, could go the other way with it.</summary>
    private static bool TurnsOnOrdinaryWords(Verdict verdict, QuestionAnalysis analysis) =>
        verdict.Reason is DeclineReasons.OffTopic or DeclineReasons.NoPassage or DeclineReasons.AbsentSubject or DeclineReasons.UnsupportedTerms
        && !analysis.IsTask
        && verdict.Missing.All(t => t.Kind is TermKind.Content or TermKind.Light);

    /// <summary>
    /// Whether the question would be declined only because the chosen sentences lack some of its ordinary words:
    /// what matching in context can change (not a question off the readings' subject, nor one too far in meaning).
    /// </summary>
    private static bool TurnsOnWordsASentenceLacks(Verdict verdict, QuestionAnalysis analysis) =>
        verdict.Reason is DeclineReasons.AbsentSubject or DeclineReasons.UnsupportedTerms
        && TurnsOnOrdinaryWords(verdict, analysis)
        && verdict.Missing.Count > 0;

    private static void Stage(QuestionContext context, string name, ref TimeSpan started)
    {
        var now = context.Clock.Elapsed;
        context.StageMilliseconds[name] = (now - started).TotalMilliseconds;
        started = now;
    }

    /// <summary>
    /// A name or number the chosen sentences lack is often in the sentence right before or after one of them ("…
    /// signing a ‘Harbour Agreement,’ in 1961. The council provided …"): such a neighbour joins the answer.
    /// </summary>
    private static Selection WithNeighbours(QuestionContext context, Selection selection, MeaningThresholds thresholds, SelectionWeights weights)
    {
        var knowledge = context.Knowledge;
        var analysis = context.Analysis!;
        var chosen = selection.Sentences.ToList();
        foreach (var missing in selection.Unsupported.Where(s => s.Term.Kind is TermKind.Name or TermKind.Number && s.Term.InReadings).Select(s => s.Term).ToList())
        {
            if (chosen.Count >= weights.MaxSentences || SentenceSelector.Joint(analysis.Terms, chosen).First(j => ReferenceEquals(j.Term, missing)).Value >= 0.5)
            {
                continue;
            }

            var neighbour = chosen
                .SelectMany(c => new[] { c.Index - 1, c.Index + 1 })
                .Where(i => i >= 0 && i < knowledge.SentenceCount && chosen.All(c => c.Index != i))
                .Where(i => SameParagraph(knowledge.AllSentences()[i], chosen.Select(c => c.Sentence)))
                .Select(i => Evidence(context, i, context.Hits.Count, analysis, thresholds, weights, 0))
                .FirstOrDefault(e => e.Support.First(x => ReferenceEquals(x.Term, missing)).Value >= 0.5);
            if (neighbour is not null)
            {
                chosen.Add(neighbour);
            }
        }

        if (chosen.Count == selection.Sentences.Count)
        {
            return selection;
        }

        var joint = SentenceSelector.Joint(analysis.Terms, chosen);
        return new Selection(chosen.OrderBy(c => c.Index).ToList(), joint, SentenceSelector.Coverage(joint));
    }

    /// <summary>
    /// "How did Russia react to that?", "what happened as a result?": what followed is told after the event, so the
    /// sentence right after the last chosen one, in its paragraph, joins the answer.
    /// </summary>
    private static Selection WithConsequence(QuestionContext context, Selection selection, MeaningThresholds thresholds, SelectionWeights weights)
    {
        if (selection.Sentences.Count == 0 || selection.Sentences.Count >= weights.MaxSentences || !AsksWhatFollowed().IsMatch(context.Asked))
        {
            return selection;
        }

        var knowledge = context.Knowledge;
        var last = selection.Sentences.MaxBy(s => s.Index)!;
        var next = last.Index + 1;
        if (next >= knowledge.SentenceCount || !SameParagraph(knowledge.AllSentences()[next], [last.Sentence]))
        {
            return selection;
        }

        var chosen = selection.Sentences.Append(Evidence(context, next, context.Hits.Count, context.Analysis!, thresholds, weights, 0)).OrderBy(c => c.Index).ToList();
        var joint = SentenceSelector.Joint(context.Analysis!.Terms, chosen);
        return new Selection(chosen, joint, SentenceSelector.Coverage(joint));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(react|reacted|reaction|respond|responded|response|as a result|consequences?|what happened (next|then|after|afterwards)|what did .{1,40} do (next|then|about it|in response))\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AsksWhatFollowed();

    private static bool SameParagraph(Knowledge.Documents.LocatedSentence sentence, IEnumerable<Knowledge.Documents.LocatedSentence> chosen) =>
        chosen.Any(c => c.DocumentId == sentence.DocumentId && c.Section.Id == sentence.Section.Id && c.Paragraph == sentence.Paragraph);

    /// <summary>The sections the last answer cited, when the question is read as its follow-up; else none.</summary>
    private static IReadOnlySet<string> WhereTheLastAnswerWas(QuestionContext context) =>
        context.FollowUp is not null && context.Previous is { } previous ? previous.SectionIds.ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    private static SentenceEvidence Evidence(QuestionContext context, int index, int rank, QuestionAnalysis analysis, MeaningThresholds thresholds, SelectionWeights weights, double bonus)
    {
        var knowledge = context.Knowledge;
        var sentence = knowledge.AllSentences()[index];
        var support = ShortForms(knowledge, index, analysis, analysis.Terms.Select(t => TermSupportScorer.Support(t, index, knowledge, context.Readings, context.WordMeanings, thresholds, context.Contextual, context.Synonyms)).ToList());
        var coverage = SentenceSelector.Coverage(support);
        var similarity = TensorPrimitives.Dot(context.QueryVector.AsSpan(), knowledge.SentenceVector(index).AsSpan());
        var carries = context.Readings.Carries(index, analysis.AnswerType);
        return new SentenceEvidence(index, sentence, similarity, rank, support, coverage, carries, SentenceSelector.Score(similarity, coverage, carries, rank, weights) + bonus);
    }

    /// <summary>How many sentences back a paragraph may have given a name in full that a sentence gives in short.</summary>
    private const int ShortFormReach = 4;

    /// <summary>
    /// A name of several words that a sentence gives in short ("the Board appointed …") after an earlier sentence of
    /// its paragraph gave it in full ("… established the Metropolitan Board of Works"): the words the short form
    /// leaves out are the sentence's too.
    /// </summary>
    private static List<TermSupport> ShortForms(Knowledge.Retrieval.KnowledgeBase knowledge, int index, QuestionAnalysis analysis, List<TermSupport> support)
    {
        var sentence = knowledge.AllSentences()[index];
        foreach (var group in Answerability.NameGroups(analysis))
        {
            // Whole words left out ("Metropolitan"), not a part of a word joined with hyphens ("Lisbon-Porto").
            var had = support.Where(s => group.Contains(s.Term) && s.Value >= 0.5).Select(s => s.Term.Surface).ToHashSet(StringComparer.Ordinal);
            var lacking = support.Where(s => group.Contains(s.Term) && s.Value < 0.5 && !had.Contains(s.Term.Surface)).Select(s => s.Term).ToHashSet();
            if (lacking.Count == 0 || had.Count == 0)
            {
                continue;
            }

            for (var j = index - 1; j >= 0 && j >= index - ShortFormReach; j--)
            {
                var earlier = knowledge.AllSentences()[j];
                if (earlier.DocumentId != sentence.DocumentId || earlier.Section.Id != sentence.Section.Id || earlier.Paragraph != sentence.Paragraph)
                {
                    break;
                }

                var terms = knowledge.SentenceTerms(j);
                if (group.All(t => terms.Contains(t.Term)))
                {
                    support = support.Select(s => lacking.Contains(s.Term) ? new TermSupport(s.Term, 1, SupportKind.Exact, s.Term.Term) : s).ToList();
                    break;
                }
            }
        }

        return support;
    }

    public SelectionWeights Weights() => new(
        options.CoverageWeight, options.AnswerTypeWeight, options.PassageRankWeight,
        options.SecondSentenceRatio, options.ContinuationRatio, options.MinimumGain, options.MaxSentences, options.GainRatio);

    /// <summary>
    /// The sentences of the retrieved passages, and the sentences that hold the question's rarest words (looked up
    /// in the index), so a sentence with the decisive word is weighed even when its passage ranked low.
    /// </summary>
    /// <summary>
    /// The readings' words a question word may be put as: its synonyms (by the English table) that the readings use
    /// and that the embedding model also finds fully alike (<see cref="AnsweringOptions.MeaningFull"/>), as analysed
    /// terms. A synonym in another sense ("establish" a foothold for "found" a state) is not one.
    /// </summary>
    private Task<IReadOnlyList<string>> ParaphrasedAsync(QuestionContext context, QuestionAnalysis analysis, CancellationToken cancellationToken) =>
        context.Synonyms is not { } synonyms || context.Scope is not null
            ? Task.FromResult<IReadOnlyList<string>>([])
            : ParaphrasesAsync(context.Knowledge, analysis, synonyms, options.MeaningFull, cancellationToken);

    /// <summary>
    /// The analysed terms of the readings' words that the question's three heaviest ordinary words may be put as:
    /// their synonyms by the table that the readings use and whose centred cosine with the question word is at least
    /// <paramref name="alike"/>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ParaphrasesAsync(PaperBot.Knowledge.Retrieval.KnowledgeBase knowledge, QuestionAnalysis analysis, Synonyms synonyms, double alike, CancellationToken cancellationToken)
    {
        var pairs = analysis.Terms
            .Where(t => t.Kind == TermKind.Content && t.Word.All(char.IsLetter))
            .OrderByDescending(t => t.Weight)
            .Take(3)
            .SelectMany(t => synonyms.FormsOf(t.Word).Where(knowledge.Words.Contains).Select(form => (t.Word, Form: form)))
            .ToList();
        if (pairs.Count == 0)
        {
            return [];
        }

        var words = pairs.Select(p => p.Word).Distinct(StringComparer.Ordinal).ToList();
        var vectors = await knowledge.EmbedWordsAsync(words, cancellationToken).ConfigureAwait(false);
        return pairs
            .Where(p => knowledge.Words.VectorOf(p.Form) is { } form && TensorPrimitives.Dot(vectors[words.IndexOf(p.Word)], form) >= alike)
            .SelectMany(p => PaperBot.Knowledge.Lexical.Bm25Encoder.AnalyzeWord(p.Form))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private List<(int Index, int Rank)> CandidateSentences(QuestionContext context, QuestionAnalysis analysis, IReadOnlyList<string> paraphrased, IReadOnlySet<string> lastSections)
    {
        var knowledge = context.Knowledge;
        var ranks = new Dictionary<int, int>();
        for (var rank = 0; rank < context.Hits.Count; rank++)
        {
            foreach (var sentence in context.Hits[rank].Chunk.Sentences)
            {
                var index = knowledge.IndexOf(sentence);
                if (index >= 0 && !ranks.ContainsKey(index))
                {
                    ranks[index] = rank;
                }
            }
        }

        var rare = analysis.Terms
            .Where(t => t.Kind is not TermKind.Number && knowledge.SentencesWithTerm(t.Term).Count > 0 && knowledge.SentencesWithTerm(t.Term).Count <= options.RareTermSentences)
            .OrderByDescending(t => t.Weight)
            .Take(3);
        foreach (var term in rare)
        {
            foreach (var index in knowledge.SentencesWithTerm(term.Term))
            {
                ranks.TryAdd(index, options.Passages);
            }
        }

        // A word the question puts its own way ("buy" where the reading says "purchase"): the few sentences that use
        // it the reading's way are candidates too, so a paraphrase is not lost because the search missed its passage.
        foreach (var analysed in paraphrased)
        {
            var sentences = knowledge.SentencesWithTerm(analysed);
            if (sentences.Count <= options.RareTermSentences)
            {
                foreach (var index in sentences)
                {
                    ranks.TryAdd(index, options.Passages);
                }
            }
        }

        // A follow-up goes on where the last answer was: that answer's sections are candidates too.
        foreach (var section in lastSections)
        {
            foreach (var document in knowledge.Documents)
            {
                foreach (var index in knowledge.SentencesOfSection(document.Id, section))
                {
                    ranks.TryAdd(index, options.Passages);
                }
            }
        }

        if (context.Scope is { } scope)
        {
            // A question about one part of a reading is answered from that part: all of its sentences are candidates.
            foreach (var i in scope.SelectMany(part => knowledge.SentencesOfSection(part.Document, part.Section)).Order())
            {
                ranks.TryAdd(i, options.Passages);
            }

            return ranks.Where(p => scope.Contains((knowledge.AllSentences()[p.Key].DocumentId, knowledge.AllSentences()[p.Key].Section.Id)))
                .Select(p => (p.Key, p.Value)).ToList();
        }

        return ranks.Select(p => (p.Key, p.Value)).ToList();
    }

    /// <summary>For each question word, whether the readings have it anywhere: as written, by alias, or by meaning.</summary>
    private static ReadingPresence Presence(QuestionContext context, QuestionAnalysis analysis, MeaningThresholds thresholds)
    {
        var present = new Dictionary<QuestionTerm, double>();
        foreach (var term in analysis.Terms)
        {
            if (term.InReadings)
            {
                present[term] = 1;
            }
            else if (term.Kind is TermKind.Content or TermKind.Light && context.Synonyms is { } synonyms
                && (synonyms.IrregularFormsOf(term.Word).Any(context.Knowledge.Words.Contains) || term.Kind == TermKind.Content && synonyms.FormsOf(term.Word).Any(context.Knowledge.Words.Contains)))
            {
                present[term] = 1; // the readings say it in other words
            }
            else if (term.Kind is TermKind.Content or TermKind.Light && context.WordMeanings.TryGetValue(term.Word, out var neighbours))
            {
                present[term] = thresholds.Support(neighbours.Best);
            }
            else
            {
                present[term] = 0;
            }
        }

        return new ReadingPresence(present);
    }
}
