using System.Globalization;

namespace PaperBot.Reporting;

/// <summary>
/// The window a report covers, from the words people type: <c>7d</c> (days), <c>24h</c> (hours), <c>2w</c> (weeks)
/// or a date, <c>2026-11-01</c> (from midnight UTC). The default is the last 7 days.
/// </summary>
public sealed record ReportWindow(DateTimeOffset Since, string Description)
{
    public const string Default = "7d";

    /// <summary>The longest window a report covers.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    public static ReportWindow LastDays(int days, DateTimeOffset now) =>
        new(now - TimeSpan.FromDays(days), days == 1 ? "the last day" : $"the last {days} days");

    /// <summary>The window, or null with the problem in <paramref name="problem"/>.</summary>
    public static ReportWindow? TryParse(string? text, DateTimeOffset now, out string problem)
    {
        problem = string.Empty;
        var value = (text ?? Default).Trim();
        if (value.Length is > 0 and <= 12 && char.IsAsciiLetter(value[^1])
            && int.TryParse(value[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            var unit = char.ToLowerInvariant(value[^1]);
            var span = unit switch
            {
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                'w' => TimeSpan.FromDays(7.0 * amount),
                _ => (TimeSpan?)null,
            };
            if (span is { } s && s <= Longest)
            {
                var words = unit switch { 'h' => "hour", 'd' => "day", _ => "week" };
                return new ReportWindow(now - s, amount == 1 ? $"the last {words}" : $"the last {amount} {words}s");
            }
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var since = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (since <= now && now - since <= Longest)
            {
                return new ReportWindow(since, $"since {value}");
            }
        }

        problem = $"'{Clip(value)}' is not a window: give 7d, 24h, 2w (at most 366 days) or a past date such as 2026-11-01";
        return null;
    }

    /// <summary>
    /// The window of a chat message that asks for the report: exactly <c>report</c>, optionally with a window
    /// (<c>report 30d</c>, <c>report since 2026-11-01</c>); false for anything else, which is a question like any other.
    /// </summary>
    public static bool IsReportRequest(string? text, out string? window)
    {
        window = null;
        var words = (text ?? string.Empty).Trim().TrimEnd('.', '!').Trim()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0 || !string.Equals(words[0].TrimStart('/'), "report", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = words.Skip(1).Where(w => !string.Equals(w, "since", StringComparison.OrdinalIgnoreCase) && w != "--since").ToList();
        switch (rest.Count)
        {
            case 0:
                return true;
            case 1 when words.Length - rest.Count <= 2 && LooksLikeWindow(rest[0]):
                window = rest[0];
                return true;
            default:
                return false;
        }
    }

    /// <summary>Written as a window (digits and h, d or w; or a date); whether it is a valid one is for <see cref="TryParse"/>.</summary>
    private static bool LooksLikeWindow(string word) =>
        (word.Length >= 2 && word[..^1].All(char.IsAsciiDigit) && "hdwHDW".Contains(word[^1], StringComparison.Ordinal))
        || DateOnly.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string Clip(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
