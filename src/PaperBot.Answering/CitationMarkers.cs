using System.Text.RegularExpressions;
using PaperBot.Knowledge.Documents;

namespace PaperBot.Answering;

/// <summary>Finds the claims of an answer's text that carry no <c>[n]</c> marker (the markers' format is <see cref="CitationFormat"/>).</summary>
public static partial class CitationMarkers
{
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
                if (!CitationFormat.Marker().IsMatch(piece))
                {
                    uncited.AddRange(SentenceSplitter.Split(piece));
                }
            }
        }

        return uncited;
    }

    [GeneratedRegex(@"(?<=\[\d{1,3}\])(?!\s*\[)")]
    private static partial Regex AfterMarker();
}
