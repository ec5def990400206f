using System.Text;
using System.Text.RegularExpressions;

namespace PaperBot.Knowledge.Documents;

/// <summary>
/// The only changes the loader makes to the paper's words: quote characters repaired and whitespace collapsed.
/// Everything else stays as printed, so a cleaned sentence is a faithful copy of the source.
/// </summary>
public static partial class TextCleaner
{
    /// <summary>
    /// The PDF extraction turned apostrophes and closing single quotes into U+201F and opening single quotes into
    /// U+201E; they become the typographic quotes the rest of the paper already uses.
    /// </summary>
    public static string RepairQuotes(string text)
    {
        if (text.IndexOfAny(['\u201F', '\u201E']) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text);
        builder.Replace('\u201F', '\u2019');
        builder.Replace('\u201E', '\u2018');
        return builder.ToString();
    }

    /// <summary>Collapses every run of whitespace (spaces, tabs, non-breaking spaces, newlines) into one space.</summary>
    public static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Quote repair and whitespace collapse together.</summary>
    public static string Clean(string text) => CollapseWhitespace(RepairQuotes(text));

    /// <summary>
    /// Folds the typographic variants of quotes, dashes and spaces to plain ASCII, for matching user input against
    /// the paper (a student types <c>Lisbon's</c>, the paper prints <c>Lisbon’s</c>). Never used for display.
    /// </summary>
    public static string FoldForMatching(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201B' or '\u201F' or '\u2032' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u00A0' or '\u2009' or '\u202F' => ' ',
                _ => c,
            });
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
