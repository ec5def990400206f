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
    private const int LongestWord = 40;
    private static readonly IReadOnlySet<string> None = new HashSet<string>();
    private static readonly Lazy<Synonyms> Table = new(() => new Synonyms());

    private readonly Dictionary<string, string[]> byLemma;
    private readonly Dictionary<string, string[]> lemmasOfIrregular;
    private readonly Dictionary<string, string[]> irregularOfLemma;
    private readonly (string A, string B)[] opposites;
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> formsByWord = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> irregularByWord = new(StringComparer.Ordinal);

    private Synonyms()
    {
        (byLemma, lemmasOfIrregular, opposites) = Load();
        irregularOfLemma = lemmasOfIrregular.SelectMany(p => p.Value.Select(l => (Lemma: l, Form: p.Key)))
            .GroupBy(p => p.Lemma, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Form).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The table, read on first use.</summary>
    public static Synonyms English => Table.Value;

    /// <summary>The table, or null when it cannot be read (a build without it): answers then go on without synonyms.</summary>
    public static Synonyms? TryEnglish()
    {
        try
        {
            return Table.Value;
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException)
        {
            return null;
        }
    }

    /// <summary>The dictionary forms of the words related to a word as written (any inflection) in a common sense; empty when none.</summary>
    public IReadOnlySet<string> Of(string word)
    {
        var own = LemmasOf(word.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
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

    /// <summary>Pairs of words of opposite meaning, dictionary forms ("northern", "southern"; "accept", "reject").</summary>
    public IReadOnlyList<(string A, string B)> Opposites => opposites;

    /// <summary>
    /// Whether a lower-case word is a word of the dictionary, in any inflection ("pacts" of "pact"): a word the table
    /// relates to another in a common sense. A typo is none ("corridoor"); a word of the language is no typo.
    /// </summary>
    public bool IsWord(string word) => word.Length <= LongestWord && LemmasOf(word).Any(byLemma.ContainsKey);

    /// <summary>Every written form (inflections included) of the words related to a word as written; empty when none. Remembered per word.</summary>
    public IReadOnlySet<string> FormsOf(string word) => Remembered(formsByWord, word, lower =>
    {
        var forms = Of(lower).SelectMany(FormsOfLemma).ToHashSet(StringComparer.Ordinal);
        forms.ExceptWith(LemmasOf(lower).SelectMany(FormsOfLemma));
        return forms;
    });

    /// <summary>A word's forms from a cache of at most <see cref="MaxRemembered"/> words; nothing for a word no dictionary has (too long).</summary>
    private static IReadOnlySet<string> Remembered(ConcurrentDictionary<string, IReadOnlySet<string>> cache, string word, Func<string, HashSet<string>> compute)
    {
        if (word.Length > LongestWord)
        {
            return None;
        }

        var lower = word.ToLowerInvariant();
        if (cache.TryGetValue(lower, out var known))
        {
            return known;
        }

        var forms = compute(lower);
        if (cache.Count >= MaxRemembered)
        {
            cache.Clear();
        }

        return cache.GetOrAdd(lower, forms.Count == 0 ? None : forms);
    }

    /// <summary>
    /// The word's own other forms that an English stemmer does not join to it, because they are irregular: "sank"
    /// and "sunk" of "sink", "buy" and "buying" of "bought", "mouse" of "mice". Empty for a regular word.
    /// </summary>
    public IReadOnlySet<string> IrregularFormsOf(string word) => Remembered(irregularByWord, word, lower =>
    {
        var lemmas = new HashSet<string>(StringComparer.Ordinal);
        if (irregularOfLemma.ContainsKey(lower))
        {
            lemmas.Add(lower);
        }

        lemmas.UnionWith(lemmasOfIrregular.GetValueOrDefault(lower) ?? []);
        var forms = lemmas.SelectMany(FormsOfLemma).ToHashSet(StringComparer.Ordinal);
        forms.Remove(lower);
        return forms;
    });

    /// <summary>
    /// The dictionary forms a lower-case word may be: when the table knows it as a word, itself and the words it is
    /// derived from ("buying", "buy"; "news" is not a form of "new"), else <see cref="Lemmas"/>; and the word an
    /// irregular form is of ("bought" → "buy").
    /// </summary>
    public IEnumerable<string> LemmasOf(string word) =>
        (byLemma.TryGetValue(word, out var related)
            ? Lemmas(word).Where(l => l == word || related.Contains(l)) // "buying" is a word, and derived from "buy"
            : Lemmas(word)).Concat(lemmasOfIrregular.GetValueOrDefault(word) ?? []);

    /// <summary>The written forms of a dictionary form: <see cref="Forms"/>, and its irregular ones instead of a regular past ("see" → "saw", "seen", not "seed").</summary>
    public IEnumerable<string> FormsOfLemma(string lemma) =>
        irregularOfLemma.TryGetValue(lemma, out var irregular)
            // Only an irregular past replaces the regular one: "die" has "dying" beside "died".
            ? Forms(lemma, past: !irregular.Any(IsPast)).Concat(irregular)
            : Forms(lemma);

    private static bool IsPast(string form) => !form.EndsWith("ing", StringComparison.Ordinal) && !form.EndsWith('s');

    /// <summary>
    /// The regular inflections of a dictionary form, itself first, by English spelling rules ("stop" → "stops",
    /// "stopped", "stopping"; "carry" → "carries", "carried"; "box" → "boxes"): candidates only.
    /// </summary>
    public static IEnumerable<string> Forms(string lemma) => Forms(lemma, past: true);

    private static IEnumerable<string> Forms(string lemma, bool past)
    {
        yield return lemma;
        if (lemma.Length < 2)
        {
            yield break;
        }

        var consonantY = lemma[^1] == 'y' && !IsVowel(lemma[^2]);
        var sibilant = lemma.EndsWith('s') || lemma.EndsWith('x') || lemma.EndsWith('z') || lemma.EndsWith("ch", StringComparison.Ordinal) || lemma.EndsWith("sh", StringComparison.Ordinal);
        yield return consonantY ? lemma[..^1] + "ies" : sibilant ? lemma + "es" : lemma + "s";

        // A short word of one vowel before its last consonant doubles it ("stop", "stopped"); "visit" does not.
        var doubles = lemma.Length >= 3 && lemma.Length <= 4 && !IsVowel(lemma[^1]) && lemma[^1] is not ('w' or 'x' or 'y') && IsVowel(lemma[^2]) && !IsVowel(lemma[^3]);
        var stem = doubles ? lemma + lemma[^1] : lemma;
        if (past)
        {
            yield return lemma[^1] == 'e' ? lemma + "d" : consonantY ? lemma[..^1] + "ied" : stem + "ed";
        }

        yield return lemma.EndsWith("ie", StringComparison.Ordinal) ? lemma[..^2] + "ying"
            : lemma[^1] == 'e' && lemma.Length >= 3 && lemma[^2] != 'e' ? lemma[..^1] + "ing"
            : stem + "ing";
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>
    /// The dictionary forms a lower-case word may be an inflection of, the word itself first: "ties" → "ties", "tie",
    /// "ty"; "founded" → "founded", "found", "founde"; "stopped" → "stop"; "deadliest" → "deadly". Candidates only: the table decides which exist.
    /// </summary>
    public static IEnumerable<string> Lemmas(string word)
    {
        yield return word;
        if (word.Length < 4)
        {
            yield break;
        }

        // "studies", "studied"; and an adjective's comparison: "deadlier", "deadliest" of "deadly".
        foreach (var ending in (string[])["ies", "ied", "ier", "iest"])
        {
            if (word.EndsWith(ending, StringComparison.Ordinal))
            {
                yield return word[..^ending.Length] + "y";
            }
        }

        if (word.EndsWith("es", StringComparison.Ordinal))
        {
            yield return word[..^2];
        }

        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            yield return word[..^1];
        }

        // Pasts and participles, and comparisons: "largest" of "large", "biggest" of "big".
        foreach (var ending in (string[])["ed", "ing", "est", "er"])
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
    /// Reads the table: lines <c>&lt;word&gt; &lt;related&gt; &lt;related&gt; …</c>, dictionary forms, and lines
    /// <c>= &lt;irregular form&gt; &lt;dictionary form&gt;</c> (WordNet's exception lists), and lines
    /// <c>! &lt;word&gt; &lt;word&gt;</c> (opposites, WordNet's antonyms). Read as spans into one string per distinct
    /// word, so loading leaves little behind for the collector.
    /// </summary>
    private static (Dictionary<string, string[]> Links, Dictionary<string, string[]> Irregular, (string A, string B)[] Opposites) Load()
    {
        using var stream = typeof(Synonyms).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"the synonym table {Resource} is missing from the assembly");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var text = reader.ReadToEnd();
        var links = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var irregular = new Dictionary<string, List<string>>(StringComparer.Ordinal);
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

        var opposites = new List<(string, string)>();
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).TrimEnd('\r');
            if (line.StartsWith("! ") || line.StartsWith("= "))
            {
                // "! <word> <word>" (opposites) or "= <irregular form> <dictionary form>"
                var pair = line[2..];
                var space = pair.IndexOf(' ');
                if (space > 0)
                {
                    var (first, second) = (Pooled(pair[..space]), Pooled(pair[(space + 1)..]));
                    if (line[0] == '!')
                    {
                        opposites.Add((first, second));
                    }
                    else
                    {
                        (irregular.TryGetValue(first, out var of) ? of : irregular[first] = []).Add(second);
                    }
                }

                continue;
            }

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

        return (links, irregular.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), [.. opposites]);
    }
}
