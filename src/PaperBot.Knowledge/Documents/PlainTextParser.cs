using System.Text;
using System.Text.RegularExpressions;

namespace PaperBot.Knowledge.Documents;

/// <summary>
/// Parses the plain-text extraction of a paper. It undoes what the PDF extraction did: lines joined (a line that
/// ends in a hyphen is joined without a space, so <c>geo-</c> / <c>strategic</c> stays <c>geo-strategic</c>),
/// ordinal suffixes put back (<c>16</c> / <c>th</c> / <c> October</c> → <c>16th October</c>), paragraphs found,
/// headings recognised. The words themselves are not touched.
/// </summary>
public static partial class PlainTextParser
{
    internal static List<RawSection> Parse(string rawText, string fallbackTitle)
    {
        var text = TextCleaner.RepairQuotes(rawText.Replace("\r\n", "\n").Replace('\r', '\n'));
        var lines = text.Split('\n');
        var typicalWidth = TypicalLineWidth(lines);

        var sections = new List<RawSection>();
        RawSection? current = null;
        string? currentTopId = null;
        var paragraph = new StringBuilder();
        string? previousLine = null;
        var afterOrdinal = false;
        var previousAfterOrdinal = false;

        void FlushParagraph()
        {
            if (paragraph.Length > 0)
            {
                if (current is null)
                {
                    current = new RawSection("body", fallbackTitle, 1, null, []);
                    sections.Add(current);
                }

                current.Paragraphs.Add(paragraph.ToString());
                paragraph.Clear();
            }
        }

        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                // A whitespace-only line of its own (not an empty one) marks a paragraph end in some extractions.
                if (line.Length >= 2)
                {
                    FlushParagraph();
                }

                continue;
            }

            if (OrdinalSuffix().IsMatch(line) && paragraph.Length > 0 && char.IsDigit(paragraph[^1]))
            {
                paragraph.Append(line.Trim());
                afterOrdinal = true;
                continue;
            }

            var heading = HeadingRules.Match(line);
            if (heading is not null)
            {
                FlushParagraph();
                if (heading.IsSubsection && currentTopId is not null)
                {
                    current = new RawSection($"{currentTopId}.{heading.Number}", heading.Title, 2, currentTopId, []);
                }
                else
                {
                    currentTopId = heading.Number;
                    current = new RawSection(heading.Number, heading.Title, 1, null, []);
                }

                sections.Add(current);
                previousLine = null;
                afterOrdinal = false;
                continue;
            }

            // A line that continues after a re-attached ordinal is only the tail of a printed line, so its
            // shortness says nothing about a paragraph end.
            if (!afterOrdinal && previousLine is not null && StartsNewParagraph(previousLine, line, previousAfterOrdinal ? 0 : typicalWidth))
            {
                FlushParagraph();
            }

            AppendLine(paragraph, line, afterOrdinal);
            previousLine = line;
            previousAfterOrdinal = afterOrdinal;
            afterOrdinal = false;
        }

        FlushParagraph();
        return sections;
    }

    /// <summary>
    /// A paragraph begins when the line before ended a sentence and either this line is indented (the paper's
    /// paragraphs begin with a leading space) or the line before was clearly short of the text width.
    /// </summary>
    private static bool StartsNewParagraph(string previous, string line, int typicalWidth)
    {
        var previousTrimmed = previous.TrimEnd();
        var endsSentence = previousTrimmed.Length > 0 && ".!?”\"’:".Contains(previousTrimmed[^1], StringComparison.Ordinal);
        if (!endsSentence)
        {
            return false;
        }

        var indented = line.Length > 0 && char.IsWhiteSpace(line[0]);
        var shortLine = typicalWidth > 0 && previousTrimmed.Length < typicalWidth * 3 / 4;
        return indented || shortLine;
    }

    private static void AppendLine(StringBuilder paragraph, string line, bool afterOrdinal)
    {
        var trimmed = line.Trim();
        if (paragraph.Length == 0)
        {
            paragraph.Append(trimmed);
            return;
        }

        // A hyphen at a line end is kept and the halves are joined: "geo-" + "strategic" = "geo-strategic".
        if (!afterOrdinal && paragraph[^1] == '-' && paragraph.Length > 1 && char.IsLetter(paragraph[^2]))
        {
            paragraph.Append(trimmed);
            return;
        }

        paragraph.Append(' ').Append(trimmed);
    }

    private static int TypicalLineWidth(string[] lines)
    {
        var widths = lines.Select(l => l.TrimEnd().Length).Where(w => w > 20).OrderBy(w => w).ToList();
        return widths.Count == 0 ? 0 : widths[widths.Count / 2];
    }

    [GeneratedRegex(@"^\s*(st|nd|rd|th)\s*$")]
    private static partial Regex OrdinalSuffix();
}
