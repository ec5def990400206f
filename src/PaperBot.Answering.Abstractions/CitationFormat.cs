using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperBot.Answering;

/// <summary>
/// The one citation format of every front end: the <c>[n]</c> marker, how a citation is labelled, and how text is
/// shortened to a platform's limit.
/// </summary>
public static partial class CitationFormat
{
    /// <summary>A citation marker in an answer's text: <c>[1]</c> … <c>[999]</c>; group 1 is the number.</summary>
    [GeneratedRegex(@"\[(\d{1,3})\]")]
    public static partial Regex Marker();

    /// <summary>The marker numbers in the text, in order of appearance.</summary>
    public static IReadOnlyList<int> Markers(string text) =>
        Marker().Matches(text).Select(m => int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture)).ToList();

    /// <summary><c>§3.II North-South Gas Pipeline (NSGP) Project</c>; the abstract is named by its title alone.</summary>
    public static string SectionLabel(string sectionId, string title) =>
        string.Equals(sectionId, "abstract", StringComparison.OrdinalIgnoreCase) ? title : $"§{sectionId} {title}";

    /// <summary>Where a citation points, as a person reads it: the section, after the reading's title when several readings are loaded.</summary>
    public static string Source(Citation citation) =>
        citation.DocumentName is null ? citation.Label : $"{citation.DocumentName}, {citation.Label}";

    /// <summary>
    /// The text unchanged when it fits (whitespace runs made single spaces); otherwise the longest run of whole words
    /// that fits with an ellipsis (a single over-long word is cut hard).
    /// </summary>
    public static string Clip(string text, int maxLength)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= maxLength)
        {
            return text;
        }

        var room = maxLength - 1;
        var cut = text.LastIndexOf(' ', room);
        var head = cut > 0 ? text[..cut] : text[..room];
        return head.TrimEnd(' ', ',', ';', ':', '.', '-', '–', '—') + '…';
    }
}
