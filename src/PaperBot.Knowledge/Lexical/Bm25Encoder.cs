using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace PaperBot.Knowledge.Lexical;

/// <summary>A sparse vector: term hashes and their weights, indices ascending.</summary>
public sealed record SparseVector(uint[] Indices, float[] Values)
{
    public static SparseVector Empty { get; } = new([], []);
}

/// <summary>
/// BM25 as a sparse vector, so one encoder feeds both the embedded store and Qdrant's sparse vectors. Passages carry
/// the BM25 term-frequency part, <c>tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen))</c>; queries carry 1 per distinct
/// term. The inverse document frequency is applied by the store (Qdrant does it itself with <c>Modifier.Idf</c>).
/// Terms come from Lucene's English analysis: standard tokenizer, possessives, lower case, stop words, Porter stemmer.
/// </summary>
public sealed class Bm25Encoder
{
    public const float K1 = 1.2f;
    public const float B = 0.75f;

    private static readonly Analyzer SharedAnalyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
    private static readonly Lock AnalyzerGate = new();

    /// <param name="averageLength">The average passage length in terms, over the corpus being indexed.</param>
    public Bm25Encoder(double averageLength)
    {
        AverageLength = averageLength > 0 ? averageLength : 1;
    }

    public double AverageLength { get; }

    /// <summary>Builds an encoder whose average length is measured on the given passages.</summary>
    public static Bm25Encoder Fit(IEnumerable<string> passages)
    {
        var lengths = passages.Select(p => Analyze(p).Count).ToList();
        return new Bm25Encoder(lengths.Count == 0 ? 1 : lengths.Average());
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> Words = new(StringComparer.Ordinal);

    /// <summary>
    /// <see cref="Analyze"/> of one word, remembered (up to a bound): questions are read word by word, and the same
    /// words come back in every question.
    /// </summary>
    public static IReadOnlyList<string> AnalyzeWord(string word)
    {
        if (Words.TryGetValue(word, out var terms))
        {
            return terms;
        }

        terms = Analyze(word);
        if (Words.Count > 100_000)
        {
            Words.Clear();
        }

        Words[word] = terms;
        return terms;
    }

    /// <summary>Lucene's English analysis of a text: the stemmed terms in order.</summary>
    public static IReadOnlyList<string> Analyze(string text)
    {
        var terms = new List<string>();
        lock (AnalyzerGate)
        {
            using var stream = SharedAnalyzer.GetTokenStream("text", new StringReader(text));
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms.Add(term.ToString());
            }

            stream.End();
        }

        return terms;
    }

    /// <summary>A stable 32-bit hash of a term (FNV-1a): the sparse index, the same in every process.</summary>
    public static uint TermIndex(string term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    public SparseVector EncodePassage(string text)
    {
        var terms = Analyze(text);
        if (terms.Count == 0)
        {
            return SparseVector.Empty;
        }

        var frequencies = new SortedDictionary<uint, int>();
        foreach (var term in terms)
        {
            var index = TermIndex(term);
            frequencies[index] = frequencies.GetValueOrDefault(index) + 1;
        }

        var norm = K1 * (1 - B + (B * terms.Count / AverageLength));
        return new SparseVector(
            frequencies.Keys.ToArray(),
            frequencies.Values.Select(tf => (float)(tf * (K1 + 1) / (tf + norm))).ToArray());
    }

    public static SparseVector EncodeQuery(string text)
    {
        var indices = Analyze(text).Select(TermIndex).Distinct().Order().ToArray();
        return new SparseVector(indices, indices.Select(_ => 1f).ToArray());
    }
}
