using System.Text;
using System.Text.RegularExpressions;
using PaperBot.Answering.Language;
using PaperBot.Answering.Readings;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Answering.Composition;

/// <summary>
/// Writes an extractive answer: the chosen sentences of the readings in reading order, each followed by its marker,
/// each reading's claims introduced once as that reading's ("According to the paper, …", or by title when several
/// readings are loaded), and sentences that quote or report someone left to name who said it.
/// </summary>
public static partial class AnswerComposer
{
    /// <summary>The text and citations for the given sentences (markers start at <paramref name="firstMarker"/>).</summary>
    public static (string Text, IReadOnlyList<Citation> Citations) Compose(
        IReadOnlyList<LocatedSentence> sentences,
        ReadingIndex readings,
        bool attribute = true,
        int firstMarker = 1)
    {
        var names = DocumentNames(readings.Knowledge);
        var text = new StringBuilder();
        var citations = new List<Citation>();
        var marker = firstMarker;
        var attributed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            var body = sentence.Text;
            var firstOfItsReading = attributed.Add(sentence.DocumentId);
            if (attribute && firstOfItsReading && (text.Length == 0 || readings.Documents.Count > 1) && !FactRecognisers.ReportsSomeone(body))
            {
                var source = readings.Documents.Count == 1 ? "the paper" : $"“{names[sentence.DocumentId]}”";
                body = $"According to {source}, " + LowerOpener(Connective().Replace(body, string.Empty, 1), readings);
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(body).Append(" [").Append(marker).Append(']');
            citations.Add(ToCitation(sentence, marker, names));
            marker++;
        }

        return (text.ToString(), citations);
    }

    /// <summary>Each reading's title (its file name when it has none), by document id.</summary>
    public static IReadOnlyDictionary<string, string> DocumentNames(KnowledgeBase knowledge) =>
        knowledge.Documents.ToDictionary(d => d.Id, ReadingIndex.TitleOf, StringComparer.Ordinal);

    public static Citation ToCitation(LocatedSentence sentence, int marker, IReadOnlyDictionary<string, string> documentNames) =>
        new(marker, sentence.DocumentId, sentence.Section.Id, sentence.Section.Title, sentence.Text, sentence.Paragraph,
            documentNames.Count > 1 ? documentNames.GetValueOrDefault(sentence.DocumentId) : null)
        {
            DocumentTitle = documentNames.GetValueOrDefault(sentence.DocumentId) ?? sentence.DocumentId,
        };

    /// <summary>Lower-cases the first word after "According to …," unless the readings capitalise it inside sentences too (a name).</summary>
    private static string LowerOpener(string sentence, ReadingIndex readings)
    {
        var firstWord = sentence.Split(' ', 2)[0].TrimEnd(',', ';', ':');
        if (firstWord.Length == 0 || !char.IsUpper(firstWord[0]) || firstWord.Skip(1).Any(char.IsUpper) || firstWord.Contains('’', StringComparison.Ordinal))
        {
            return sentence;
        }

        return readings.CapitalisesMidSentence(firstWord.ToLowerInvariant())
            ? sentence
            : char.ToLowerInvariant(sentence[0]) + sentence[1..];
    }

    /// <summary>A discourse connective that only links to the reading's previous sentence ("Ultimately, ", "Thus, ").</summary>
    [GeneratedRegex(@"^(Ultimately|Thus|Moreover|Furthermore|Further|However|Therefore|Thereby|Besides this|Besides|Likewise|Similarly|Nevertheless|Nonetheless|Meantime|Meanwhile|Eventually|Alternatively|Reciprocally|Correspondingly|In addition|Additionally|For example|For instance|In this regard|In this case|In this sense|As such|Hence|Consequently|Accordingly|Indeed|Still|Yet|Also|Finally|Then),\s+(?=\S)")]
    private static partial Regex Connective();
}
