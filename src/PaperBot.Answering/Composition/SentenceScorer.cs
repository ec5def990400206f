using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using PaperBot.Answering.Guardrails;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Lexical;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Answering.Composition;

/// <summary>A sentence of the paper considered for an answer, with how well it answers.</summary>
public sealed record ScoredSentence(LocatedSentence Sentence, double Score, double Similarity, double Lexical, bool HasAnswerType, int ChunkRank);

/// <summary>
/// Scores the sentences of the retrieved passages for one question: closeness in meaning (cosine of the question's
/// and the sentence's embeddings), the share of the question's words it contains (weighted by rarity), whether it
/// carries the kind of fact asked for (a date for "when", an amount for "how much" …), and the rank of its passage.
/// </summary>
public static partial class SentenceScorer
{
    private const double LexicalWeight = 0.35;
    private const double AnswerTypeWeight = 0.12;
    private const double PassageRankWeight = 0.05;

    public static IReadOnlyList<ScoredSentence> Score(
        KnowledgeBase knowledge,
        PaperVocabulary vocabulary,
        QuestionAnalysis question,
        float[] queryVector,
        IEnumerable<(LocatedSentence Sentence, int ChunkRank)> candidates)
    {
        var known = question.ContentTerms.Where(vocabulary.ContainsTerm).ToList();
        var totalWeight = known.Sum(vocabulary.Idf);
        var scored = new List<ScoredSentence>();
        foreach (var (sentence, rank) in candidates)
        {
            var vector = knowledge.SentenceVector(sentence);
            var similarity = vector is null ? 0 : TensorPrimitives.Dot(queryVector.AsSpan(), vector.AsSpan());
            var terms = knowledge.SentenceTerms(sentence);
            var lexical = totalWeight <= 0 ? 0 : known.Where(terms.Contains).Sum(vocabulary.Idf) / totalWeight;
            var hasType = Carries(question, sentence.Text);
            var score = similarity + (LexicalWeight * lexical) + (hasType ? AnswerTypeWeight : 0) + (PassageRankWeight / (1 + rank));
            scored.Add(new ScoredSentence(sentence, score, similarity, lexical, hasType, rank));
        }

        return scored.OrderByDescending(s => s.Score).ToList();
    }

    /// <summary>Whether a sentence carries the kind of fact the question asks for.</summary>
    public static bool Carries(QuestionAnalysis question, string sentence)
    {
        // "What is the JMCC?": the sentence that expands the acronym is the definition.
        var acronym = question.Subjects.FirstOrDefault(s => s.Length >= 2 && s.All(c => char.IsUpper(c) || char.IsDigit(c)));
        if (question.AnswerType == AnswerType.Definition && acronym is not null)
        {
            return sentence.Contains($"({acronym})", StringComparison.Ordinal);
        }

        return Carries(question.AnswerType, sentence);
    }

    public static bool Carries(AnswerType type, string sentence) => type switch
    {
        AnswerType.Date => DatePattern().IsMatch(sentence),
        AnswerType.Amount => AmountPattern().IsMatch(sentence),
        AnswerType.Person => PersonPattern().IsMatch(sentence),
        AnswerType.Place => PlacePattern().IsMatch(sentence),
        AnswerType.Reason => ReasonPattern().IsMatch(sentence),
        AnswerType.Definition => DefinitionPattern().IsMatch(sentence),
        AnswerType.Quote => Composition.AnswerComposer.ReportsSomeone(sentence),
        _ => false,
    };

    [GeneratedRegex(@"\b(1[89]\d\d|20\d\d)\b|\b\d{1,2}(st|nd|rd|th)\b|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\$\s?\d|\b\d[\d,.]*\s*(per cent|percent|%|million|billion|kms?|miles|bcfd|mmcfd|roubles|years|foreigners|cubic)|\(\d{4}-\d{2,4}\)|\bdecades?\b")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"\b(President|Prime Minister|Minister|Ambassador|General|Gen\.|premier|Premier|Bhutto|Zia|Putin|Lavrov|Dedov|Federov)\b")]
    private static partial Regex PersonPattern();

    [GeneratedRegex(@"\b(in|at|from|to)\s+(the\s+)?[A-Z][a-z]+")]
    private static partial Regex PlacePattern();

    [GeneratedRegex(@"\b(because|owing to|due to|as a result|in order to|therefore|thus|hence|driven|led to|leading to|motivat\w*|reasons?|so that|since|as such|concerns?|interest|important|significan\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReasonPattern();

    [GeneratedRegex(@"\([A-Z]{2,}\)|\bmeaning\b|\b(is|are|was) (the|a|an)\b|\bstands? for\b")]
    private static partial Regex DefinitionPattern();
}
