using System.Numerics.Tensors;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Answering.Study;

/// <summary>
/// Extractive summaries: the sentences most central to a passage (closest to the mean of its sentence embeddings),
/// shown in reading order. Nothing is reworded.
/// </summary>
public static class Summaries
{
    public const int MinSentences = 3;
    public const int MaxSentences = 5;

    /// <summary>The 3–5 most central sentences of a section and its subsections, in reading order.</summary>
    public static IReadOnlyList<LocatedSentence> OfSection(KnowledgeBase knowledge, PaperDocument document, Section section)
    {
        var sentences = SentencesUnder(document, section);
        var count = Math.Clamp(sentences.Count / 3, MinSentences, MaxSentences);
        return MostCentral(knowledge, sentences, count);
    }

    /// <summary>The central claim of each top-level section, in reading order.</summary>
    public static IReadOnlyList<LocatedSentence> OfDocument(KnowledgeBase knowledge, PaperDocument document) =>
        document.TopLevel
            .Select(s => MostCentral(knowledge, SentencesUnder(document, s), 1))
            .Where(c => c.Count > 0)
            .Select(c => c[0])
            .ToList();

    /// <summary>Every sentence of a section and of its subsections, in reading order.</summary>
    public static List<LocatedSentence> SentencesUnder(PaperDocument document, Section section) =>
        document.AllSentences()
            .Where(s => string.Equals(s.Section.Id, section.Id, StringComparison.OrdinalIgnoreCase)
                || string.Equals(s.Section.ParentId, section.Id, StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>The <paramref name="count"/> sentences closest to the centre of the passage, in reading order.</summary>
    public static List<LocatedSentence> MostCentral(KnowledgeBase knowledge, List<LocatedSentence> sentences, int count)
    {
        if (sentences.Count <= count)
        {
            return sentences;
        }

        var vectors = sentences.Select(knowledge.SentenceVector).ToList();
        var dimensions = vectors.FirstOrDefault(v => v is not null)?.Length ?? 0;
        var centroid = new float[dimensions];
        foreach (var vector in vectors.OfType<float[]>())
        {
            TensorPrimitives.Add(centroid, vector, centroid);
        }

        var chosen = sentences
            .Select((s, i) => (Sentence: s, Index: i, Score: vectors[i] is { } v ? TensorPrimitives.Dot(v.AsSpan(), centroid.AsSpan()) : float.MinValue))
            .OrderByDescending(x => x.Score)
            .Take(count)
            .OrderBy(x => x.Index)
            .Select(x => x.Sentence)
            .ToList();
        return chosen;
    }
}
