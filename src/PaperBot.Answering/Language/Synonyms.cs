using System.Collections.Concurrent;
using System.IO.Compression;

namespace PaperBot.Answering.Language;

/// <summary>
/// English words that mean the same in one of their common senses ("buy" and "purchase", "fear" and "concern"), and
/// forms derived from the same word ("differ", "difference"), from WordNet (Princeton University; its licence is
/// beside the table, and <c>infra/lexicon/build-synonyms.py</c> builds the table from the database). Only the senses
/// a word is used in count (its most frequent ones that WordNet's sense-tagged corpus attests), so a rare sense
/// ("cancel" as a sign in music, a synonym of "natural") links nothing. Words are compared as dictionary forms, not stems: a stem joins words of other meanings ("initiate" and
/// "initiative").
/// </summary>
public sealed class Synonyms
{
    private const string Resource = "PaperBot.Answering.Language.Resources.synonyms.txt.gz";
    private const int MaxRemembered = 20_000;
    private static readonly Lazy<Synonyms> Table = new(() => new Synonyms());

    private readonly Dictionary<string, string[]> byLemma;
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> formsByWord = new(StringComparer.Ordinal);

    private Synonyms() => byLemma = Load();

    /// <summary>How many dictionary forms have a related word.</summary>
    public int Count => byLemma.Count;

    /// <summary>The table, read on first use.</summary>
    public static Synonyms English => Table.Value;

    /// <summary>The dictionary forms of the words related to a word as written (any inflection) in a common sense; empty when none.</summary>
    public IReadOnlySet<string> Of(string word)
    {
        var own = Lemmas(word.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var related = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lemma in own)
        {
            if (byLemma.TryGetValue(lemma, out var others))
            {
                related.UnionWith(others);
            }
        }

        related.ExceptWith(own);
        return related;
    }

    /// <summary>Every written form (inflections included) of the words related to a word as written; empty when none. Remembered per word.</summary>
    public IReadOnlySet<string> FormsOf(string word)
    {
        var lower = word.ToLowerInvariant();
        if (formsByWord.TryGetValue(lower, out var known))
        {
            return known;
        }

        if (formsByWord.Count >= MaxRemembered)
        {
            formsByWord.Clear();
        }

        var forms = Of(lower).SelectMany(Forms).ToHashSet(StringComparer.Ordinal);
        forms.ExceptWith(Lemmas(lower).SelectMany(Forms));
        return formsByWord.GetOrAdd(lower, forms);
    }

    /// <summary>The inflections of a dictionary form, itself first ("stop" → "stops", "stopped", "stopping", …): candidates only.</summary>
    public static IEnumerable<string> Forms(string lemma)
    {
        yield return lemma;
        yield return lemma + "s";
        yield return lemma + "es";
        yield return lemma + "ed";
        yield return lemma + "d";
        yield return lemma + "ing";
        if (lemma.Length >= 3 && lemma[^1] == 'e')
        {
            yield return lemma[..^1] + "ing";
        }

        if (lemma.Length >= 3 && lemma[^1] == 'y')
        {
            yield return lemma[..^1] + "ies";
            yield return lemma[..^1] + "ied";
        }

        if (lemma.Length >= 3 && !"aeiouwxy".Contains(lemma[^1]) && "aeiou".Contains(lemma[^2]))
        {
            yield return lemma + lemma[^1] + "ed";
            yield return lemma + lemma[^1] + "ing";
        }
    }

    /// <summary>
    /// The dictionary forms a lower-case word may be an inflection of, the word itself first: "ties" → "ties", "tie",
    /// "ty"; "founded" → "founded", "found", "founde"; "stopped" → "stop". Candidates only: the table decides which exist.
    /// </summary>
    public static IEnumerable<string> Lemmas(string word)
    {
        yield return word;
        if (word.Length < 4)
        {
            yield break;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) || word.EndsWith("ied", StringComparison.Ordinal))
        {
            yield return word[..^3] + "y";
        }

        if (word.EndsWith("es", StringComparison.Ordinal))
        {
            yield return word[..^2];
        }

        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            yield return word[..^1];
        }

        foreach (var ending in (string[])["ed", "ing"])
        {
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length >= 3)
            {
                var stem = word[..^ending.Length];
                yield return stem;
                yield return stem + "e";
                if (stem.Length >= 3 && stem[^1] == stem[^2])
                {
                    yield return stem[..^1]; // "stopped" → "stop"
                }
            }
        }
    }

    /// <summary>
    /// Reads the table: lines <c>&lt;word&gt; &lt;related&gt; &lt;related&gt; …</c>, dictionary forms. Read as spans
    /// into one string per distinct word, so loading leaves little behind for the collector.
    /// </summary>
    private static Dictionary<string, string[]> Load()
    {
        using var stream = typeof(Synonyms).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"the synonym table {Resource} is missing from the assembly");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var text = reader.ReadToEnd();
        var links = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pool = new Dictionary<string, string>(StringComparer.Ordinal); // each word's string once, however often it is related
        var pooled = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        string Pooled(ReadOnlySpan<char> word)
        {
            if (!pooled.TryGetValue(word, out var known))
            {
                known = word.ToString();
                pool[known] = known;
            }

            return known;
        }

        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).TrimEnd('\r');
            var count = line.Count(' ');
            if (count == 0)
            {
                continue;
            }

            var related = new string[count];
            string? word = null;
            var at = 0;
            foreach (var part in line.Split(' '))
            {
                var field = line[part];
                if (word is null)
                {
                    word = Pooled(field);
                }
                else if (at < related.Length && !field.IsEmpty)
                {
                    related[at++] = Pooled(field);
                }
            }

            links[word!] = at == related.Length ? related : related[..at];
        }

        return links;
    }
}
