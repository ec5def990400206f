using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperBot.Knowledge.Documents;

/// <summary>
/// Recognises the headings of an academic paper's plain text: unnumbered capitalised headings (<c>ABSTRACT</c>),
/// numbered capitalised headings (<c>2. HISTORICAL BACKGROUND OF …</c>) and roman-numbered subsections
/// (<c>II. North-South Gas Pipeline (NSGP) Project :</c>).
/// </summary>
public static partial class HeadingRules
{
    private static readonly HashSet<string> UnnumberedHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "ABSTRACT", "INTRODUCTION", "CONCLUSION", "CONCLUSIONS", "REFERENCES", "BIBLIOGRAPHY", "ACKNOWLEDGEMENTS",
        "ACKNOWLEDGMENTS", "NOTES", "APPENDIX", "SUMMARY", "KEYWORDS",
    };

    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with", "via", "vs",
    };

    /// <summary>A heading found on a line.</summary>
    public sealed record Heading(string Number, string Title, bool IsSubsection);

    public static Heading? Match(string line)
    {
        var text = TextCleaner.Clean(line);
        if (text.Length is 0 or > 160)
        {
            return null;
        }

        if (UnnumberedHeadings.Contains(text) && IsCapitalised(text))
        {
            return new Heading(text.ToLowerInvariant(), ToReadableCase(text), false);
        }

        var numbered = Numbered().Match(text);
        if (numbered.Success && IsCapitalised(numbered.Groups["title"].Value))
        {
            return new Heading(numbered.Groups["number"].Value, ToReadableCase(TrimTitle(numbered.Groups["title"].Value)), false);
        }

        var roman = Roman().Match(text);
        if (roman.Success && roman.Groups["number"].Length > 0)
        {
            var title = TrimTitle(roman.Groups["title"].Value);
            if (title.Length > 0 && char.IsUpper(title[0]) && !title.EndsWith('.') && title.Split(' ').Length <= 16)
            {
                return new Heading(roman.Groups["number"].Value, title, true);
            }
        }

        return null;
    }

    /// <summary><c>HISTORICAL BACKGROUND OF LISBON-PORTO TRADE</c> → <c>Historical Background of Lisbon-Porto Trade</c>.</summary>
    public static string ToReadableCase(string title)
    {
        if (!IsCapitalised(title))
        {
            return title;
        }

        var words = title.ToLower(CultureInfo.InvariantCulture).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0 && SmallWords.Contains(words[i]))
            {
                continue;
            }

            words[i] = string.Join('-', words[i].Split('-').Select(Capitalise));
        }

        return string.Join(' ', words);
    }

    private static string Capitalise(string part)
    {
        var index = part.TakeWhile(c => !char.IsLetter(c)).Count();
        return index >= part.Length ? part : part[..index] + char.ToUpperInvariant(part[index]) + part[(index + 1)..];
    }

    private static string TrimTitle(string title) => title.Trim().TrimEnd(':').Trim();

    private static bool IsCapitalised(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    [GeneratedRegex(@"^(?<number>\d{1,2})\.\s+(?<title>\S.*)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^(?<number>(?:X{0,3})(?:IX|IV|V?I{0,3}))\.\s+(?<title>\S.*)$")]
    private static partial Regex Roman();
}
