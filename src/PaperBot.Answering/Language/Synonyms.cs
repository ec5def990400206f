using System.Collections.Concurrent;
using System.IO.Compression;

namespace PaperBot.Answering.Language;

/// <summary>
/// English words that mean the same in one of their common senses ("buy" and "purchase", "fear" and "concern"), from
/// WordNet (Princeton University; its licence is beside the table, and <c>infra/lexicon/build-synonyms.py</c> builds
/// the table from the database). Only the senses a word is used in count: its most frequent ones that WordNet's
/// sense-tagged corpus attests (or, for a word the corpus never tags, its first), so a rare sense ("cancel" as a
/// sign in music, a synonym of "natural") links nothing. Words are compared as dictionary forms, not stems: a stem
/// joins words of other meanings ("initiate" and "initiative").
/// </summary>
public sealed class Synonyms
{
    private const string Resource = "PaperBot.Answering.Language.Resources.synonyms.txt.gz";
    private static readonly Lazy<(IReadOnlyList<(string Lemma, int Sense, int Count)[]> Synsets, IReadOnlyList<(char Relation, string A, string B)> Links)> Table = new(Load);
    private static readonly ConcurrentDictionary<int, Synonyms> BySenses = new();

    private readonly Dictionary<string, Dictionary<string, double>> byLemma = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, double>> byWord = new(StringComparer.Ordinal);

    /// <summary>
    /// How fully a related word stands for another: a synonym ('=') or a form derived from the same word ('+':
    /// "differ", "difference") fully; a relation the table does not know, not at all.
    /// </summary>
    public static double Strength(char relation) => relation switch
    {
        '=' or '+' => 1,
        _ => 0,
    };

    private Synonyms(int senses)
    {
        Senses = senses;
        var tagged = Table.Value.Synsets.SelectMany(s => s).Where(l => l.Count > 0).Select(l => l.Lemma).ToHashSet(StringComparer.Ordinal);
        foreach (var lemmas in Table.Value.Synsets)
        {
            var common = lemmas.Where(l => l.Sense <= senses && (l.Count > 0 || l.Sense == 1 && !tagged.Contains(l.Lemma)))
                .Select(l => l.Lemma).Distinct(StringComparer.Ordinal).ToList();
            foreach (var lemma in common)
            {
                foreach (var other in common.Where(o => o != lemma))
                {
                    Link(lemma, other, Strength('='));
                }
            }
        }

        foreach (var (relation, a, b) in Table.Value.Links)
        {
            Link(a, b, Strength(relation));
            Link(b, a, Strength(relation));
        }
    }

    private void Link(string lemma, string other, double strength)
    {
        var links = byLemma.TryGetValue(lemma, out var found) ? found : byLemma[lemma] = new Dictionary<string, double>(StringComparer.Ordinal);
        if (strength > links.GetValueOrDefault(other))
        {
            links[other] = strength;
        }
    }

    /// <summary>How many of a word's senses (most frequent first) count.</summary>
    public int Senses { get; }

    /// <summary>The table keeping each word's <paramref name="senses"/> most frequent attested senses (built once per value).</summary>
    public static Synonyms Common(int senses) => BySenses.GetOrAdd(senses, s => new Synonyms(s));

    /// <summary>
    /// The dictionary forms of the words related to a word as written (any inflection) in a common sense, each with
    /// how fully it stands for the word (<see cref="Strength"/>); empty when none.
    /// </summary>
    public IReadOnlyDictionary<string, double> Of(string word) => byWord.GetOrAdd(word.ToLowerInvariant(), w =>
    {
        var own = Lemmas(w).ToHashSet(StringComparer.Ordinal);
        var related = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var lemma in own)
        {
            foreach (var (other, strength) in byLemma.GetValueOrDefault(lemma) ?? [])
            {
                if (!own.Contains(other) && strength > related.GetValueOrDefault(other))
                {
                    related[other] = strength;
                }
            }
        }

        return related;
    });

    /// <summary>How fully a word as written (lower case) stands for the word whose relatives these are: 0 when it is none of them.</summary>
    public static double StrengthOf(string word, IReadOnlyDictionary<string, double> related) =>
        related.Count == 0 ? 0 : Lemmas(word).Max(l => related.GetValueOrDefault(l));

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

    private static (IReadOnlyList<(string, int, int)[]>, IReadOnlyList<(char, string, string)>) Load()
    {
        using var stream = typeof(Synonyms).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"the synonym table {Resource} is missing from the assembly");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var synsets = new List<(string, int, int)[]>();
        var links = new List<(char, string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 3 || line[0] == '!')
            {
                continue; // antonym pairs: not synonyms
            }

            if (line[0] == '+')
            {
                // <relation> <pos> <lemma> <lemma>
                var fields = line.Split(' ');
                if (fields.Length == 4 && Strength(line[0]) > 0)
                {
                    links.Add((line[0], fields[2], fields[3]));
                }

                continue;
            }

            // <pos> <lemma>:<sense>:<count> ...
            var lemmas = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => f.Split(':')).Where(p => p.Length == 3)
                .Select(p => (p[0], int.TryParse(p[1], out var sense) ? sense : int.MaxValue, int.TryParse(p[2], out var count) ? count : 0))
                .ToArray();
            synsets.Add(lemmas);
        }

        return (synsets, links);
    }
}
