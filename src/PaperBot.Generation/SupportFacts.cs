using System.Text.RegularExpressions;
using PaperBot.Knowledge.Documents;

namespace PaperBot.Generation;

/// <summary>
/// The checkable facts of a sentence: numbers (and dates), names (capitalised words) and quoted phrases. A model's
/// sentence may only state facts its cited passages state too; an invented year, person or quotation removes it.
/// Comparison is on folded text (typographic quotes and dashes made plain) and ignores case.
/// </summary>
public static partial class SupportFacts
{
    /// <summary>
    /// Words that are capitalised at the start of a sentence or in a title without being names. A sentence that opens
    /// with "However" or "Both" does not need the passage to say "However" or "Both".
    /// </summary>
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "they", "their", "them", "he", "she", "his", "her",
        "we", "our", "you", "both", "each", "either", "neither", "all", "some", "many", "most", "several", "such", "other",
        "another", "one", "two", "three", "four", "five", "first", "second", "third", "in", "on", "at", "by", "for", "from",
        "of", "to", "with", "without", "within", "after", "before", "during", "since", "until", "under", "over", "between",
        "among", "against", "through", "towards", "toward", "according", "as", "and", "but", "or", "nor", "so", "yet",
        "also", "however", "moreover", "furthermore", "additionally", "meanwhile", "therefore", "thus", "hence", "instead",
        "overall", "finally", "later", "earlier", "then", "there", "here", "when", "while", "where", "which", "who", "whom",
        "whose", "what", "why", "how", "if", "although", "though", "because", "despite", "besides", "further", "similarly",
        "likewise", "notably", "specifically", "historically", "currently", "today", "now", "again", "not", "no", "yes",
        "paper", "article", "study", "author", "authors", "passage", "passages", "section", "i",
    };

    /// <summary>Numbers in the text, commas dropped (<c>1,000</c> and <c>1000</c> are the same number).</summary>
    public static IEnumerable<string> Numbers(string text) =>
        NumberPattern().Matches(TextCleaner.FoldForMatching(text)).Select(m => m.Value.Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('.'));

    /// <summary>Words of the text, lower-cased, for looking names up.</summary>
    public static HashSet<string> Words(string text) =>
        WordPattern().Matches(TextCleaner.FoldForMatching(text)).Select(m => m.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Capitalised words of a sentence that are not common words: the names and acronyms it states.</summary>
    public static IEnumerable<string> Names(string text) =>
        WordPattern().Matches(TextCleaner.FoldForMatching(text))
            .Select(m => m.Value)
            .Where(w => w.Length >= 2 && char.IsUpper(w[0]) && !char.IsDigit(w[0]) && !CommonWords.Contains(w));

    /// <summary>Phrases the sentence puts in double quotes (or in single quotes that are not apostrophes).</summary>
    public static IEnumerable<string> QuotedPhrases(string text)
    {
        var folded = TextCleaner.FoldForMatching(text);
        return DoubleQuoted().Matches(folded).Select(m => m.Groups[1].Value)
            .Concat(SingleQuoted().Matches(folded).Select(m => m.Groups[1].Value))
            .Select(NormalisePhrase)
            .Where(p => p.Length > 0);
    }

    /// <summary>The first fact of <paramref name="sentence"/> that <paramref name="source"/> does not state, or null when all are there.</summary>
    public static string? FirstUnsupported(string sentence, string source)
    {
        var sourceNumbers = Numbers(source).ToHashSet(StringComparer.Ordinal);
        foreach (var number in Numbers(sentence))
        {
            if (!sourceNumbers.Contains(number))
            {
                return $"number '{number}'";
            }
        }

        var sourceWords = Words(source);
        foreach (var name in Names(sentence))
        {
            var word = name.ToLowerInvariant();
            var stem = word.EndsWith('s') ? word[..^1] : word; // "Danes" is supported by "Dane"
            if (!sourceWords.Contains(word) && !sourceWords.Contains(stem))
            {
                return $"name '{name}'";
            }
        }

        var sourcePhrase = NormalisePhrase(TextCleaner.FoldForMatching(source));
        foreach (var phrase in QuotedPhrases(sentence))
        {
            if (!sourcePhrase.Contains(phrase, StringComparison.Ordinal))
            {
                return $"quotation '{phrase}'";
            }
        }

        return null;
    }

    private static string NormalisePhrase(string text) =>
        TextCleaner.CollapseWhitespace(text).Trim(' ', '.', ',', ';', ':', '!', '?', '"', '\'').ToLowerInvariant();

    [GeneratedRegex(@"\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}\p{N}]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex("\"([^\"]{2,})\"", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleQuoted();

    [GeneratedRegex(@"(?<=^|[\s(\[])'([^']{2,}?)'(?=[\s.,;:!?)\]]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SingleQuoted();
}
