using System.Text.RegularExpressions;

namespace PaperBot.Channels.Slack.Rendering;

/// <summary>Slack's text conventions: mrkdwn escaping out, mention stripping and unescaping in, safe clipping.</summary>
internal static partial class SlackText
{
    /// <summary>Slack asks for exactly these three to be escaped in mrkdwn; everything else is literal.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>
    /// The question in a message: the bot's <c>&lt;@U…&gt;</c> mentions removed (or, when the bot's id is not known, a
    /// leading mention), Slack's escapes undone, whitespace collapsed.
    /// </summary>
    public static string QuestionFrom(string text, string? botUserId)
    {
        var stripped = botUserId is null
            ? LeadingMention().Replace(text, "", 1)
            : Mention().Replace(text, m => m.Groups["id"].Value == botUserId ? " " : m.Value);
        return Whitespace().Replace(Unescape(stripped), " ").Trim();
    }

    /// <summary>
    /// At most <paramref name="max"/> characters of already-escaped mrkdwn, ending with "…" when cut; never cuts an
    /// <c>&amp;amp;</c> entity or a surrogate pair in half, and prefers a word boundary.
    /// </summary>
    public static string Clip(string escaped, int max)
    {
        if (escaped.Length <= max)
        {
            return escaped;
        }

        var cut = SafeCut(escaped, max - 1);
        var space = cut > 1 ? escaped.LastIndexOf(' ', cut - 1, Math.Min(cut, 200)) : -1;
        if (space > 0)
        {
            cut = space;
        }

        return escaped[..cut].TrimEnd() + "…";
    }

    /// <summary>
    /// Splits escaped mrkdwn into pieces of at most <paramref name="max"/> characters, at paragraph, line or word
    /// breaks when it can; at most <paramref name="maxPieces"/> pieces, the last one clipped.
    /// </summary>
    public static List<string> Split(string escaped, int max, int maxPieces)
    {
        var pieces = new List<string>();
        var rest = escaped.Trim();
        while (rest.Length > max && pieces.Count < maxPieces - 1)
        {
            var cut = BestBreak(rest, max);
            pieces.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || pieces.Count == 0)
        {
            pieces.Add(Clip(rest, max));
        }

        return pieces;
    }

    private static int BestBreak(string text, int max)
    {
        var limit = SafeCut(text, max);
        var floor = limit / 2;
        foreach (var separator in new[] { "\n\n", "\n", ". ", " " })
        {
            var at = text.LastIndexOf(separator, limit - 1, limit, StringComparison.Ordinal);
            if (at >= floor)
            {
                return at + separator.Length;
            }
        }

        return limit;
    }

    /// <summary>The largest cut at or before <paramref name="at"/> that splits neither an entity nor a surrogate pair.</summary>
    private static int SafeCut(string text, int at)
    {
        var cut = Math.Min(at, text.Length);
        if (cut <= 0)
        {
            return 0;
        }

        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 6));
        if (amp >= 0 && text.IndexOf(';', amp, Math.Min(6, text.Length - amp)) >= cut)
        {
            cut = amp;
        }

        if (cut > 0 && cut < text.Length && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return cut;
    }

    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]+)(\|[^>]*)?>")]
    private static partial Regex Mention();

    [GeneratedRegex(@"^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex LeadingMention();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
