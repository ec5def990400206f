using System.Text;
using System.Text.RegularExpressions;
using PaperBot.Knowledge.Documents;

namespace PaperBot.Answering.Composition;

/// <summary>
/// Writes an extractive answer: the chosen sentences of the paper in reading order, each followed by its marker,
/// the paper's own claims introduced once as the paper's ("According to the paper, …"), and sentences that quote
/// or report someone left to name who said it.
/// </summary>
public static partial class AnswerComposer
{
    /// <summary>Words that may be lower-cased after "According to the paper,": ordinary sentence openers, never names.</summary>
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "The", "This", "These", "Those", "It", "In", "On", "At", "As", "However", "Thus", "Moreover", "Further",
        "Furthermore", "Besides", "Historically", "Currently", "Ultimately", "Meantime", "Eventually", "Alternatively",
        "Therefore", "Thereby", "Similarly", "Likewise", "Reciprocally", "Towards", "During", "After", "Along", "With",
        "Since", "From", "For", "Both", "Even", "Overtime", "Correspondingly", "Building", "Drawing", "Keeping", "Owing",
        "Nevertheless", "Unfortunately", "Following", "Though", "Unlike", "Companies", "There", "Pakistan’s", "Its", "Their",
    };

    /// <summary>The text and citations for the given sentences (markers start at <paramref name="firstMarker"/>).</summary>
    public static (string Text, IReadOnlyList<Citation> Citations) Compose(
        IReadOnlyList<LocatedSentence> sentences,
        IReadOnlyDictionary<string, string> documentNames,
        bool attributeToPaper = true,
        int firstMarker = 1)
    {
        var text = new StringBuilder();
        var citations = new List<Citation>();
        var marker = firstMarker;
        foreach (var sentence in sentences)
        {
            var body = sentence.Text;
            if (text.Length == 0 && attributeToPaper && !ReportsSomeone(body))
            {
                body = "According to the paper, " + LowerOpener(Connective().Replace(body, string.Empty, 1));
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(body).Append(" [").Append(marker).Append(']');
            citations.Add(ToCitation(sentence, marker, documentNames));
            marker++;
        }

        return (text.ToString(), citations);
    }

    public static Citation ToCitation(LocatedSentence sentence, int marker, IReadOnlyDictionary<string, string> documentNames) =>
        new(marker, sentence.DocumentId, sentence.Section.Id, sentence.Section.Title, sentence.Text, sentence.Paragraph,
            documentNames.Count > 1 ? documentNames.GetValueOrDefault(sentence.DocumentId) : null);

    /// <summary>Whether a sentence quotes or reports someone ("To quote Yuri Federov, …", "the Ambassador stated that …").</summary>
    public static bool ReportsSomeone(string sentence) => Reporting().IsMatch(sentence);

    private static string LowerOpener(string sentence)
    {
        var firstWord = sentence.Split(' ', 2)[0].TrimEnd(',');
        return Openers.Contains(firstWord) && !firstWord.EndsWith("’s", StringComparison.Ordinal)
            ? char.ToLowerInvariant(sentence[0]) + sentence[1..]
            : sentence;
    }

    /// <summary>A discourse connective that only links to the paper's previous sentence ("Ultimately, ", "Thus, ").</summary>
    [GeneratedRegex(@"^(Ultimately|Thus|Moreover|Furthermore|Further|However|Therefore|Thereby|Besides this|Besides|Likewise|Similarly|Nevertheless|Meantime|Eventually|Alternatively|Reciprocally|Correspondingly|In addition|For example|In this regard|In this case|In this sense|As such|Hence),\s+(?=\S)")]
    private static partial Regex Connective();

    [GeneratedRegex(@"\bto quote\b|\b(said|says|stated|states|argued|noted|declared|remarked)\b|“")]
    private static partial Regex Reporting();
}
