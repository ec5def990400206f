namespace PaperBot.Channels.Teams;

/// <summary>Shortens text for Teams' size limits without cutting a word in half.</summary>
internal static class TextClip
{
    private const char Ellipsis = '…';

    /// <summary>
    /// Returns <paramref name="text"/> unchanged when it fits; otherwise the longest run of whole words that fits
    /// with an ellipsis appended (a single over-long word is cut hard).
    /// </summary>
    public static string ToLength(string text, int maxLength)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= maxLength)
        {
            return text;
        }

        var room = maxLength - 1;
        var cut = text.LastIndexOf(' ', room);
        var head = cut > 0 ? text[..cut] : text[..room];
        return head.TrimEnd(' ', ',', ';', ':', '.', '-', '–', '—') + Ellipsis;
    }
}
