using System.Text.RegularExpressions;
using PaperBot.Knowledge.Documents;

namespace PaperBot.Answering;

/// <summary>Reads the <c>[n]</c> markers of an answer's text.</summary>
public static partial class CitationMarkers
{
    /// <summary>The marker numbers in the text, in order of appearance.</summary>
    public static IReadOnlyList<int> Find(string text) =>
        Marker().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>
    /// The sentences of an answer that carry no marker. A line that ends with a colon introduces a list and is not a
    /// claim of its own.
    /// </summary>
    public static IReadOnlyList<string> UncitedSentences(string text)
    {
        var uncited = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.EndsWith(':'))
            {
                continue;
            }

            // Sentences end at a marker: "… 2015. [1] Next …" — split after each marker group.
            var pieces = AfterMarker().Split(line).Select(p => p.Trim()).Where(p => p.Length > 0);
            foreach (var piece in pieces)
            {
                if (!Marker().IsMatch(piece))
                {
                    uncited.AddRange(SentenceSplitter.Split(piece));
                }
            }
        }

        return uncited;
    }

    [GeneratedRegex(@"\[(\d{1,2})\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"(?<=\[\d{1,2}\])(?!\s*\[)")]
    private static partial Regex AfterMarker();
}
