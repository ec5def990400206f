using System.Globalization;
using System.Text;
using PaperBot.Reporting.Access;

namespace PaperBot.Reporting.Rendering;

/// <summary>Which text the report is written in: the terminal's, Slack's mrkdwn or Teams' Markdown.</summary>
public enum ReportTextFlavor
{
    Plain,
    SlackMrkdwn,
    TeamsMarkdown,
}

/// <summary>
/// The report as text, one figure a line: for the terminal (<see cref="ReportTextFlavor.Plain"/>) and for a chat
/// message, where every question (user input) is escaped for the flavor and the lists are shorter.
/// </summary>
public static class ReportText
{
    /// <summary>In a chat message: at most this many questions under each reason, answers rated 👎 and days.</summary>
    public const int ChatQuestionsPerReason = 5;

    public const int ChatDisliked = 10;

    public const int ChatDays = 14;

    /// <summary>The one line of an empty report.</summary>
    public static string EmptyLine(StudyReport report) => $"No questions in {report.Window}.";

    public static string Render(StudyReport report, ReportTextFlavor flavor = ReportTextFlavor.Plain, ReportLink? htmlLink = null)
    {
        var chat = flavor != ReportTextFlavor.Plain;
        var w = new Writer(flavor);
        w.Line(w.Bold($"PaperBot report: {report.Window}") + $" ({Day(report.Since)} to {Day(report.Until)}, UTC)");
        if (report.IsEmpty)
        {
            w.Line(EmptyLine(report));
            Link(w, htmlLink);
            return w.ToString();
        }

        var t = report.Totals;
        w.Line($"{Count(t.Questions, "question")} from {Count(t.Askers, "person", "people")}: {t.Answered} answered, {t.Declined} declined; "
            + $"{Count(t.FollowUps, "follow-up")} ({Percent(t.FollowUpShare)}). Feedback: {t.Likes} 👍, {t.Dislikes} 👎.");

        w.Heading("Per front end");
        foreach (var f in report.FrontEnds)
        {
            w.Item($"{w.Escape(f.FrontEnd)}: {Count(f.Questions, "question")} ({f.Answered} answered, {f.Declined} declined), "
                + $"{Count(f.FollowUps, "follow-up")} ({Percent(f.FollowUpShare)})");
        }

        w.Heading("Questions per day");
        var days = report.Days.Where(d => d.Questions > 0).ToList();
        foreach (var d in chat ? days.TakeLast(ChatDays) : days)
        {
            var split = string.Join(", ", d.ByFrontEnd.Where(f => f.Questions > 0).Select(f => $"{w.Escape(f.FrontEnd)} {f.Questions}"));
            w.Item($"{d.Day:yyyy-MM-dd}: {d.Questions} ({split})");
        }

        if (report.TopSections.Count > 0)
        {
            w.Heading("Sections asked about most");
            foreach (var s in report.TopSections)
            {
                w.Item($"{s.Label} ({s.DocumentTitle}): {Count(s.Questions, "question")}", escape: true);
            }
        }

        if (report.Declines.Count > 0)
        {
            w.Heading("Declined, by reason");
            foreach (var g in report.Declines)
            {
                w.Item(w.Bold(g.Heading) + $" ({g.Reason}{(g.ReadingGap ? ", a gap of the reading" : string.Empty)}): {g.Count}");
                foreach (var q in chat ? g.Questions.Take(ChatQuestionsPerReason) : g.Questions)
                {
                    w.SubItem(Quoted(w, q.Text) + (q.Times > 1 ? $" ×{q.Times}" : string.Empty));
                }
            }
        }

        if (report.Disliked.Count > 0)
        {
            w.Heading("Answers rated 👎");
            foreach (var d in chat ? report.Disliked.Take(ChatDisliked) : report.Disliked)
            {
                var question = d.Question is null ? "(question not in the log)" : Quoted(w, d.Question);
                var outcome = d.Status is null ? string.Empty : $" ({d.Status}{(d.Reason is null ? string.Empty : ", " + d.Reason)})";
                var comment = d.Comment is null ? string.Empty : $": “{w.Escape(d.Comment)}”";
                w.Item($"{question}{outcome}, {w.Escape(d.FrontEnd)} {Day(d.At)}{comment}");
            }
        }

        Link(w, htmlLink);
        return w.ToString();
    }

    private static void Link(Writer w, ReportLink? link)
    {
        if (link is not null)
        {
            w.Line(w.Link(link.Url, "The report with charts") + $" (for you only; the link works until {link.Expires.UtcDateTime:yyyy-MM-dd HH:mm} UTC).");
        }
    }

    private static string Quoted(Writer w, string text) => $"“{w.Escape(OneLine(text))}”";

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 300 ? line : line[..300] + "…";
    }

    internal static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    internal static string Count(int n, string one, string? many = null) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many ?? one + "s")}";

    /// <summary>Lines in a flavor: Teams runs single newlines together, so its lines are paragraphs and its items a list.</summary>
    private sealed class Writer(ReportTextFlavor flavor)
    {
        private readonly StringBuilder _text = new();

        public string Escape(string text) => flavor switch
        {
            ReportTextFlavor.SlackMrkdwn => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal),
            ReportTextFlavor.TeamsMarkdown => EscapeMarkdown(text),
            _ => text,
        };

        public string Bold(string text) => flavor switch
        {
            ReportTextFlavor.SlackMrkdwn => $"*{Escape(text)}*",
            ReportTextFlavor.TeamsMarkdown => $"**{Escape(text)}**",
            _ => text,
        };

        public string Link(Uri url, string label) => flavor switch
        {
            ReportTextFlavor.SlackMrkdwn => $"<{url.AbsoluteUri}|{label}>",
            ReportTextFlavor.TeamsMarkdown => $"[{label}]({url.AbsoluteUri})",
            _ => $"{label}: {url.AbsoluteUri}",
        };

        public void Line(string line)
        {
            if (_text.Length > 0)
            {
                _text.Append(flavor == ReportTextFlavor.TeamsMarkdown ? "\n\n" : "\n");
            }

            _text.Append(line);
        }

        public void Heading(string heading)
        {
            if (flavor == ReportTextFlavor.Plain)
            {
                _text.Append('\n');
            }

            Line(Bold(heading));
        }

        public void Item(string item, bool escape = false) => Entry(flavor == ReportTextFlavor.Plain ? "  " : "- ", escape ? Escape(item) : item);

        public void SubItem(string item) => Entry(flavor == ReportTextFlavor.Plain ? "      " : "    - ", item);

        private void Entry(string bullet, string item) =>
            _text.Append(_text.Length > 0 ? "\n" : string.Empty).Append(flavor == ReportTextFlavor.SlackMrkdwn ? bullet.Replace("- ", "• ", StringComparison.Ordinal) : bullet).Append(item);

        public override string ToString() => _text.ToString();

        private static string EscapeMarkdown(string text)
        {
            var escaped = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|' or '~')
                {
                    escaped.Append('\\');
                }

                escaped.Append(c);
            }

            return escaped.ToString();
        }
    }
}
