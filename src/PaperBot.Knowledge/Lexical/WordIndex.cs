using System.Numerics.Tensors;
using System.Text.RegularExpressions;

namespace PaperBot.Knowledge.Lexical;

/// <summary>
/// The words of the readings, for reading a question word by word: each distinct word (lower case, as printed) with
/// its embedding, and for each sentence and each section heading the words it is made of. A question word is then
/// supported by a sentence when the sentence has the word itself, or a word close to it in meaning
/// (<see cref="Closest"/>), without a search over every sentence of every reading.
/// </summary>
/// <remarks>
/// Single words embed close together whatever they mean (raw cosines of unrelated words run 0.85–0.9), so the
/// vectors are centred: the mean vector of the readings' words is taken off each and the rest scaled back to unit
/// length. Centred, synonyms keep cosines of 0.5–0.8 and unrelated words fall to about 0–0.2.
/// </remarks>
public sealed partial class WordIndex
{
    private readonly Dictionary<string, int> _ids;
    private readonly string[] _words;
    private readonly float[][] _vectors;
    private readonly float[] _mean;

    private WordIndex(string[] words, float[][] vectors, float[] mean)
    {
        _words = words;
        _mean = mean;
        _vectors = vectors.Select(Centre).ToArray();
        _ids = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            _ids[words[i]] = i;
        }
    }

    public static WordIndex Empty { get; } = new([], [], []);

    /// <summary>
    /// What is embedded for a word: a short frame around it, which separates synonyms from merely related words
    /// better than the bare word does (measured on pairs such as price–worth against wheat–gas).
    /// </summary>
    public static string EmbeddingText(string word) => "meaning of " + word;

    public int Count => _words.Length;

    /// <summary>The distinct words of the texts worth embedding on their own: letters only, three or more of them.</summary>
    public static IReadOnlyList<string> DistinctWords(IEnumerable<string> texts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>();
        foreach (var text in texts)
        {
            foreach (var word in Split(text))
            {
                if (seen.Add(word))
                {
                    words.Add(word);
                }
            }
        }

        return words;
    }

    /// <summary>The words of a text as this index keys them (lower case, letters only, three letters or more).</summary>
    public static IEnumerable<string> Split(string text)
    {
        foreach (Match match in Letters().Matches(text))
        {
            if (match.Length >= 3)
            {
                yield return match.Value.ToLowerInvariant();
            }
        }
    }

    /// <param name="words">Distinct words, as <see cref="DistinctWords"/> gives them.</param>
    /// <param name="vectors">One unit-length vector per word, in the same order.</param>
    public static WordIndex Create(IReadOnlyList<string> words, IReadOnlyList<float[]> vectors)
    {
        if (words.Count != vectors.Count)
        {
            throw new ArgumentException("One vector per word is needed.", nameof(vectors));
        }

        var dimensions = vectors.Count == 0 ? 0 : vectors[0].Length;
        var mean = new float[dimensions];
        foreach (var vector in vectors)
        {
            TensorPrimitives.Add(mean, vector, mean);
        }

        if (vectors.Count > 0)
        {
            TensorPrimitives.Divide(mean, vectors.Count, mean);
        }

        return new WordIndex([.. words], [.. vectors], mean);
    }

    /// <summary>A word's embedding as this index compares words: the readings' mean taken off, unit length.</summary>
    public float[] Centre(float[] vector)
    {
        if (_mean.Length != vector.Length)
        {
            return vector;
        }

        var centred = new float[vector.Length];
        TensorPrimitives.Subtract(vector, _mean, centred);
        var norm = TensorPrimitives.Norm(centred);
        if (norm > 0)
        {
            TensorPrimitives.Divide(centred, norm, centred);
        }

        return centred;
    }

    public bool Contains(string word) => _ids.ContainsKey(word);

    public int IdOf(string word) => _ids.TryGetValue(word, out var id) ? id : -1;

    public string WordOf(int id) => _words[id];

    /// <summary>The centred vector of a word of the readings, or null.</summary>
    public float[]? VectorOf(string word) => _ids.TryGetValue(word, out var id) ? _vectors[id] : null;

    /// <summary>The ids of a text's words that this index holds, each once.</summary>
    public int[] IdsOf(string text) => Split(text).Select(IdOf).Where(id => id >= 0).Distinct().ToArray();

    /// <summary>Of the given word ids, the one whose word is closest in meaning to a centred vector, and its cosine.</summary>
    public (int Id, double Similarity) Closest(ReadOnlySpan<float> vector, IEnumerable<int> among)
    {
        var best = (Id: -1, Similarity: double.MinValue);
        foreach (var id in among)
        {
            var similarity = TensorPrimitives.Dot(vector, _vectors[id]);
            if (similarity > best.Similarity)
            {
                best = (id, similarity);
            }
        }

        return best.Id < 0 ? (-1, 0) : best;
    }

    /// <summary>The <paramref name="count"/> words of the readings (those <paramref name="eligible"/>) closest in meaning to a centred vector, closest first.</summary>
    public IReadOnlyList<(int Id, double Similarity)> Nearest(ReadOnlySpan<float> vector, int count, Func<int, bool> eligible)
    {
        var best = new List<(int Id, double Similarity)>(count + 1);
        for (var id = 0; id < _vectors.Length; id++)
        {
            if (!eligible(id))
            {
                continue;
            }

            var similarity = TensorPrimitives.Dot(vector, _vectors[id]);
            if (best.Count == count && similarity <= best[^1].Similarity)
            {
                continue;
            }

            var at = best.FindIndex(b => similarity > b.Similarity);
            best.Insert(at < 0 ? best.Count : at, (id, similarity));
            if (best.Count > count)
            {
                best.RemoveAt(best.Count - 1);
            }
        }

        return best;
    }

    /// <summary>Over every word of the readings: the one closest in meaning to the vector, and its cosine.</summary>
    public (int Id, double Similarity) Closest(ReadOnlySpan<float> vector) => Closest(vector, Enumerable.Range(0, _words.Length));

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Letters();
}
