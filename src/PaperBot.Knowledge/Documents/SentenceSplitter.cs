namespace PaperBot.Knowledge.Documents;

/// <summary>
/// Splits cleaned paragraph text into sentences. A sentence ends at <c>.</c>, <c>!</c> or <c>?</c> (with any closing
/// quotes or brackets after it) followed by a space and the start of a new sentence, unless the word before the
/// stop is an abbreviation or an initial: <c>Gen. Lind</c>, <c>St. Ives</c>, <c>Mara J. Voss</c>, <c>U.S.</c>.
/// Decimal points (<c>$ 2.5 billion</c>, <c>0.8 mm</c>) never end a sentence because no space follows them.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "gen", "st", "mr", "mrs", "ms", "dr", "prof", "col", "lt", "maj", "capt", "sgt", "gov", "sen", "rep",
        "no", "nos", "vol", "vols", "fig", "figs", "p", "pp", "ed", "eds", "al", "cf", "vs", "viz", "approx",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co",
        "corp", "dept", "univ", "jr", "sr", "e.g", "i.e", "u.s", "u.k", "u.n", "u.s.a",
    };

    private const string ClosingMarks = "\"'”’)]»";
    private const string OpeningMarks = "\"'“‘([«";

    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && ClosingMarks.Contains(text[end], StringComparison.Ordinal))
            {
                end++;
            }

            if (end >= text.Length || !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next >= text.Length || !StartsSentence(text[next]))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, start, i))
            {
                continue;
            }

            AddSentence(sentences, text[start..end]);
            start = next;
            i = next - 1;
        }

        AddSentence(sentences, text[start..]);
        return sentences;
    }

    private static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || OpeningMarks.Contains(c, StringComparison.Ordinal);

    /// <summary>Whether the word that ends at the period is an abbreviation or a one-letter initial.</summary>
    private static bool IsAbbreviation(string text, int sentenceStart, int periodIndex)
    {
        var wordStart = periodIndex;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && !OpeningMarks.Contains(text[wordStart - 1], StringComparison.Ordinal))
        {
            wordStart--;
        }

        var word = text[wordStart..periodIndex];
        if (word.Length == 0)
        {
            return false;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // an initial: "Mara J. Voss"
        }

        return Abbreviations.Contains(word);
    }

    private static void AddSentence(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }
}
