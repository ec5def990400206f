using System.Globalization;
using System.Text.RegularExpressions;
using PaperBot.Knowledge.Documents;

namespace PaperBot.Answering.Study;

/// <summary>
/// A dated event the paper reports: the date as the paper prints it (<c>16th October 2015</c>,
/// <c>September 24-October 10, 2016</c>), a sortable form of it, and the sentence that reports it. In a timeline,
/// a sentence that gives several dates is one event: <see cref="Date"/> lists them in order (<c>October 2014;
/// December 2015</c>) and the sortable form is its earliest.
/// </summary>
public sealed record TimelineEvent(string Date, int Year, int Month, int Day, LocatedSentence Sentence)
{
    /// <summary>Year, month and day as one number for ordering; an unknown month or day sorts first in its year.</summary>
    public int SortKey => (Year * 10_000) + (Month * 100) + Day;
}

/// <summary>
/// Finds the dates in the paper's cleaned sentences with patterns, from the most specific form (day and month and
/// year) to a bare year, and orders the events by date, then by where the paper reports them.
/// </summary>
public static partial class Timeline
{
    /// <summary>Between the dates of one sentence in its timeline entry.</summary>
    public const string DateSeparator = "; ";

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    /// <summary>
    /// One event a sentence, so no sentence is repeated: a sentence with several dates is placed at its earliest
    /// and labelled with all of them, earliest first.
    /// </summary>
    public static IReadOnlyList<TimelineEvent> Extract(IEnumerable<LocatedSentence> sentences)
    {
        var events = new List<(TimelineEvent Event, int Order)>();
        var order = 0;
        foreach (var sentence in sentences)
        {
            var dates = InSentence(sentence).OrderBy(e => e.SortKey).ToList();
            if (dates.Count == 0)
            {
                continue;
            }

            var label = string.Join(DateSeparator, dates.Select(d => d.Date).Distinct(StringComparer.Ordinal));
            events.Add((dates[0] with { Date = label }, order++));
        }

        return events.OrderBy(e => e.Event.SortKey).ThenBy(e => e.Order).Select(e => e.Event).ToList();
    }

    /// <summary>The dates of one sentence, most specific first; a bare year already part of a fuller date is not repeated.</summary>
    public static IReadOnlyList<TimelineEvent> InSentence(LocatedSentence sentence)
    {
        var text = sentence.Text;
        var taken = new bool[text.Length];
        var found = new List<(int Index, TimelineEvent Event)>();
        foreach (var pattern in new[] { DayPair(), MonthDayRange(), DayMonthYear(), MonthDayYear(), MonthYear(), YearRange(), Year() })
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (Enumerable.Range(match.Index, match.Length).Any(i => taken[i]))
                {
                    continue;
                }

                var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
                if (year is < 1800 or > 2100)
                {
                    continue;
                }

                var month = match.Groups["month"].Success ? Array.FindIndex(MonthNames, m => m.Equals(match.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1 : 0;
                var day = match.Groups["day"].Success ? int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture) : 0;
                if (pattern == Year() && found.Any(f => f.Event.Year == year))
                {
                    continue;
                }

                for (var i = match.Index; i < match.Index + match.Length; i++)
                {
                    taken[i] = true;
                }

                found.Add((match.Index, new TimelineEvent(match.Value.Trim('(', ')'), year, month, day, sentence)));
            }
        }

        return found.OrderBy(f => f.Index).Select(f => f.Event).ToList();
    }

    private const string Month = "(?<month>" + Language.FactRecognisers.MonthNames + ")";

    /// <summary><c>21st and 22nd September, 2020</c>.</summary>
    [GeneratedRegex(@"\b(?<day>\d{1,2})(st|nd|rd|th) and \d{1,2}(st|nd|rd|th) " + Month + @",? (?<year>\d{4})\b")]
    private static partial Regex DayPair();

    /// <summary><c>September 24-October 10, 2016</c>.</summary>
    [GeneratedRegex(@"\b" + Month + @" (?<day>\d{1,2}) ?[-–] ?(" + Language.FactRecognisers.MonthNames + @")? ?\d{1,2}, (?<year>\d{4})\b")]
    private static partial Regex MonthDayRange();

    /// <summary><c>16th October 2015</c>, <c>13th August, 2020</c>.</summary>
    [GeneratedRegex(@"\b(?<day>\d{1,2})(st|nd|rd|th)? " + Month + @",? (?<year>\d{4})\b")]
    private static partial Regex DayMonthYear();

    /// <summary><c>December 8, 2020</c>.</summary>
    [GeneratedRegex(@"\b" + Month + @" (?<day>\d{1,2}), (?<year>\d{4})\b")]
    private static partial Regex MonthDayYear();

    /// <summary><c>May 1948</c>.</summary>
    [GeneratedRegex(@"\b" + Month + @",? (?<year>\d{4})\b")]
    private static partial Regex MonthYear();

    /// <summary><c>(1981-89)</c>, <c>2011-14</c>: a period, placed at its first year.</summary>
    [GeneratedRegex(@"\(?\b(?<year>(1[89]|20)\d{2})-\d{2,4}\b\)?")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"\b(?<year>(1[89]|20)\d{2})\b(?!-)")]
    private static partial Regex Year();
}
