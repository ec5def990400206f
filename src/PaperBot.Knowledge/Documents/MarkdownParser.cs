using System.Text;
using System.Text.RegularExpressions;

namespace PaperBot.Knowledge.Documents;

/// <summary>
/// Parses a Markdown reading: <c>#</c> headings become sections (a heading that starts with a number or a roman
/// numeral keeps it as the section id), blank lines separate paragraphs, list items are paragraphs of their own.
/// </summary>
public static partial class MarkdownParser
{
    internal static List<RawSection> Parse(string rawText, string fallbackTitle)
    {
        var lines = TextCleaner.RepairQuotes(rawText.Replace("\r\n", "\n")).Split('\n');
        var sections = new List<RawSection>();
        RawSection? current = null;
        var topLevel = 0;
        var sub = 0;
        string? currentTopId = null;
        var minLevel = lines.Select(l => Heading().Match(l)).Where(m => m.Success).Select(m => m.Groups["hashes"].Length).DefaultIfEmpty(1).Min();
        var paragraph = new StringBuilder();
        var inCode = false;

        void Flush()
        {
            if (paragraph.Length == 0)
            {
                return;
            }

            if (current is null)
            {
                current = new RawSection("body", fallbackTitle, 1, null, []);
                sections.Add(current);
            }

            current.Paragraphs.Add(StripInline(paragraph.ToString()));
            paragraph.Clear();
        }

        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                Flush();
                continue;
            }

            if (inCode)
            {
                continue;
            }

            var heading = Heading().Match(line);
            if (heading.Success)
            {
                Flush();
                var level = heading.Groups["hashes"].Length - minLevel + 1;
                var title = heading.Groups["title"].Value.Trim().TrimEnd('#').Trim();
                if (level <= 1 || currentTopId is null)
                {
                    var numbered = Numbered().Match(title);
                    topLevel++;
                    sub = 0;
                    // An unnumbered heading ("Abstract", "References") is known by its name, never by its position,
                    // which would collide with the numbered sections after it.
                    currentTopId = Unique(numbered.Success ? numbered.Groups["n"].Value : Slug(title, topLevel), sections);
                    var heading1 = numbered.Success ? numbered.Groups["title"].Value : title;
                    current = new RawSection(currentTopId, HeadingRules.ToReadableCase(heading1.TrimEnd(':').Trim()), 1, null, []);
                }
                else
                {
                    sub++;
                    var numbered = Numbered().Match(title);
                    var id = numbered.Success ? numbered.Groups["n"].Value : sub.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var heading2 = numbered.Success ? numbered.Groups["title"].Value : title;
                    current = new RawSection(Unique($"{currentTopId}.{id}", sections), heading2.TrimEnd(':').Trim(), 2, currentTopId, []);
                }

                sections.Add(current);
                continue;
            }

            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            if (ListItem().IsMatch(line))
            {
                Flush();
                paragraph.Append(ListItem().Replace(line, string.Empty).Trim());
                continue;
            }

            if (paragraph.Length > 0)
            {
                paragraph.Append(' ');
            }

            paragraph.Append(line.Trim());
        }

        Flush();
        return sections;
    }

    /// <summary>A heading's name as an id: "Abstract" → <c>abstract</c>, "Further Reading" → <c>further-reading</c>.</summary>
    private static string Slug(string title, int position)
    {
        var slug = NonWord().Replace(title.Trim().ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? position.ToString(System.Globalization.CultureInfo.InvariantCulture) : slug;
    }

    private static string Unique(string id, List<RawSection> sections)
    {
        var unique = id;
        for (var n = 2; sections.Any(s => string.Equals(s.Id, unique, StringComparison.OrdinalIgnoreCase)); n++)
        {
            unique = $"{id}-{n}";
        }

        return unique;
    }

    private static string StripInline(string text) => Emphasis().Replace(Link().Replace(text, "$1"), "$1");

    [GeneratedRegex(@"^(?<hashes>#{1,6})\s+(?<title>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?<n>\d+|[IVX]+)\.?\s+(?<title>\S.*)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d+\.)\s+")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?:\*\*|__|\*|_)([^*_]+)(?:\*\*|__|\*|_)")]
    private static partial Regex Emphasis();
}
