using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace PaperBot.Reporting.Rendering;

/// <summary>
/// The report as one self-contained HTML page: inline CSS, inline SVG charts, no script and nothing fetched from
/// anywhere, so it opens from a file and is safe to serve. Every text (questions are user input) is HTML-encoded.
/// </summary>
public static class ReportHtml
{
    /// <summary>What a server sends with the page: nothing but inline styles and inline images may load.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Render(StudyReport report)
    {
        var title = $"PaperBot report: {report.Window}";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(HtmlEncode(title)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(HtmlEncode(title)).Append("</h1>\n")
            .Append("<p class=\"window\">").Append(HtmlEncode($"{ReportText.Day(report.Since)} to {ReportText.Day(report.Until)} (UTC days)")).Append("</p>\n");
        if (report.IsEmpty)
        {
            html.Append("<p class=\"empty\">").Append(HtmlEncode(ReportText.EmptyLine(report))).Append("</p>\n");
            return html.Append("</main>\n</body>\n</html>\n").ToString();
        }

        Totals(html, report.Totals);
        var frontEnds = report.FrontEnds.Select(f => f.FrontEnd).ToList();
        Section(html, "Questions per day", SvgCharts.QuestionsPerDay("per-day", report.Days, frontEnds));
        FrontEndTable(html, report.FrontEnds);
        if (report.TopSections.Count > 0)
        {
            // With several readings, the same section number can be in each: the reading's title tells them apart.
            var several = report.TopSections.Select(s => s.DocumentId).Distinct(StringComparer.Ordinal).Count() > 1;
            Section(html, "Sections asked about most", SvgCharts.HorizontalBars("sections", "Sections asked about most",
                $"The {report.TopSections.Count} sections cited by the most questions.",
                [.. report.TopSections.Select(s => (several ? $"{s.Label} ({s.DocumentTitle})" : s.Label, s.Questions, "#0f766e"))]));
        }

        if (report.Declines.Count > 0)
        {
            Section(html, "Declined, by reason", SvgCharts.HorizontalBars("declines", "Declined questions by reason",
                $"{report.Totals.Declined} declined questions in {report.Declines.Count} reasons; gaps of the reading in amber.",
                [.. report.Declines.Select(g => (g.Heading, g.Count, g.ReadingGap ? "#d97706" : "#9ca3af"))]));
            DeclineLists(html, report.Declines);
        }

        if (report.Disliked.Count > 0)
        {
            Disliked(html, report.Disliked);
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static void Totals(StringBuilder html, ReportTotals t)
    {
        html.Append("<ul class=\"totals\">");
        foreach (var (value, label) in new[]
        {
            (Num(t.Questions), "questions"), (Num(t.Answered), "answered"), (Num(t.Declined), "declined"),
            (ReportText.Percent(t.FollowUpShare), $"follow-ups ({Num(t.FollowUps)})"), (Num(t.Askers), "people"),
            ($"{Num(t.Likes)} / {Num(t.Dislikes)}", "👍 / 👎"),
        })
        {
            html.Append("<li><strong>").Append(HtmlEncode(value)).Append("</strong><span>").Append(HtmlEncode(label)).Append("</span></li>");
        }

        html.Append("</ul>\n");
    }

    private static void Section(StringBuilder html, string heading, string svg) =>
        html.Append("<section>\n<h2>").Append(HtmlEncode(heading)).Append("</h2>\n").Append(svg).Append("\n</section>\n");

    private static void FrontEndTable(StringBuilder html, IReadOnlyList<FrontEndTotals> frontEnds)
    {
        html.Append("<section>\n<h2>Per front end</h2>\n<table>\n<thead><tr><th scope=\"col\">Front end</th><th scope=\"col\">Questions</th>")
            .Append("<th scope=\"col\">Answered</th><th scope=\"col\">Declined</th><th scope=\"col\">Follow-ups</th></tr></thead>\n<tbody>\n");
        foreach (var f in frontEnds)
        {
            html.Append("<tr><th scope=\"row\"><span class=\"swatch\" style=\"background:").Append(SvgCharts.ColourOf(f.FrontEnd)).Append("\"></span>")
                .Append(HtmlEncode(f.FrontEnd)).Append("</th><td>").Append(Num(f.Questions)).Append("</td><td>").Append(Num(f.Answered))
                .Append("</td><td>").Append(Num(f.Declined)).Append("</td><td>").Append(Num(f.FollowUps)).Append(" (")
                .Append(HtmlEncode(ReportText.Percent(f.FollowUpShare))).Append(")</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void DeclineLists(StringBuilder html, IReadOnlyList<DeclineGroup> groups)
    {
        html.Append("<section>\n<h2>The declined questions</h2>\n");
        foreach (var g in groups)
        {
            html.Append("<h3>").Append(HtmlEncode(g.Heading)).Append(" <code>").Append(HtmlEncode(g.Reason)).Append("</code> ")
                .Append(Num(g.Count)).Append(g.ReadingGap ? " <span class=\"gap\">a gap of the reading</span>" : string.Empty).Append("</h3>\n<ul>\n");
            foreach (var q in g.Questions)
            {
                html.Append("<li>").Append(HtmlEncode(q.Text)).Append(q.Times > 1 ? $" <span class=\"times\">×{Num(q.Times)}</span>" : string.Empty)
                    .Append(" <time>").Append(HtmlEncode(ReportText.Day(q.LastAsked))).Append("</time></li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</section>\n");
    }

    private static void Disliked(StringBuilder html, IReadOnlyList<DislikedAnswer> disliked)
    {
        html.Append("<section>\n<h2>Answers rated 👎</h2>\n<table>\n<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Outcome</th>")
            .Append("<th scope=\"col\">Comment</th><th scope=\"col\">Front end</th><th scope=\"col\">Day</th></tr></thead>\n<tbody>\n");
        foreach (var d in disliked)
        {
            html.Append("<tr><td>").Append(HtmlEncode(d.Question ?? "(question not in the log)")).Append("</td><td>")
                .Append(HtmlEncode(d.Status is null ? "" : d.Reason is null ? d.Status : $"{d.Status} ({d.Reason})")).Append("</td><td>")
                .Append(HtmlEncode(d.Comment ?? "")).Append("</td><td>").Append(HtmlEncode(d.FrontEnd)).Append("</td><td>")
                .Append(HtmlEncode(ReportText.Day(d.At))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private const string Css = """
        body{margin:0;background:#f6f7f9;color:#1f2937;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        main{max-width:920px;margin:0 auto;padding:24px}
        h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:0 0 12px}h3{font-size:15px;margin:16px 0 6px}
        .window{color:#6b7280;margin:0 0 20px}.empty{font-size:18px;padding:24px;background:#fff;border-radius:8px}
        section{background:#fff;border-radius:8px;padding:16px 20px;margin:0 0 16px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
        .totals{display:grid;grid-template-columns:repeat(6,1fr);gap:10px;list-style:none;padding:0;margin:0 0 16px}
        .totals li{background:#fff;border-radius:8px;padding:10px 12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
        .totals strong{display:block;font-size:22px}.totals span{color:#6b7280;font-size:13px}
        .chart{width:100%;height:auto}.chart .tick,.chart .legend,.chart .value,.chart .label{font-size:12px;fill:#374151}
        .chart .grid{stroke:#e5e7eb}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top}
        .swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
        code{background:#f3f4f6;padding:1px 4px;border-radius:3px;font-size:12px}.gap{color:#b45309;font-size:12px}
        .times{color:#6b7280}time{color:#9ca3af;font-size:12px;margin-left:4px}ul{margin:0;padding-left:20px}
        """;
}
