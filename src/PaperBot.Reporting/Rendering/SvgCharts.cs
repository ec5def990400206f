using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace PaperBot.Reporting.Rendering;

/// <summary>
/// The report's charts as inline SVG: no script, no external asset, every label HTML-encoded, each chart an image
/// with a title and a description for screen readers (<c>role="img"</c>, <c>aria-labelledby</c>).
/// </summary>
internal static class SvgCharts
{
    /// <summary>A colour per front end, the same in every chart and legend.</summary>
    public static string ColourOf(string frontEnd) => frontEnd switch
    {
        "slack" => "#7c3aed",
        "teams" => "#4f5bd5",
        "http" => "#0e7490",
        "cli" => "#65a30d",
        _ => "#6b7280",
    };

    /// <summary>Questions per day, stacked by front end, with a legend.</summary>
    public static string QuestionsPerDay(string id, IReadOnlyList<DayCount> days, IReadOnlyList<string> frontEnds)
    {
        const double width = 860, height = 260, left = 40, right = 10, top = 16, bottom = 46;
        var max = Math.Max(1, days.Count == 0 ? 0 : days.Max(d => d.Questions));
        var step = (width - left - right) / Math.Max(1, days.Count);
        var bar = Math.Max(1, step * 0.7);
        var plot = height - top - bottom;
        var total = days.Sum(d => d.Questions);
        var svg = Open(id, width, height, "Questions per day",
            $"{total} questions over {days.Count} days, at most {max} in a day, stacked by front end ({string.Join(", ", frontEnds)}).");
        Axis(svg, left, top, width - right, height - bottom, max);
        var every = Math.Max(1, (int)Math.Ceiling(days.Count / 12.0));
        for (var i = 0; i < days.Count; i++)
        {
            var x = left + (i * step) + ((step - bar) / 2);
            var y = height - bottom;
            foreach (var part in days[i].ByFrontEnd.Where(p => p.Questions > 0))
            {
                var h = plot * part.Questions / max;
                y -= h;
                svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{bar:0.#}\" height=\"{h:0.#}\" fill=\"{ColourOf(part.FrontEnd)}\">"))
                    .Append("<title>").Append(HtmlEncode($"{days[i].Day:yyyy-MM-dd}, {part.FrontEnd}: {part.Questions}")).Append("</title></rect>");
            }

            if (i % every == 0)
            {
                svg.Append(Invariant($"<text x=\"{x + (bar / 2):0.#}\" y=\"{height - bottom + 16:0.#}\" text-anchor=\"middle\" class=\"tick\">{days[i].Day:MM-dd}</text>"));
            }
        }

        var legendX = left;
        foreach (var frontEnd in frontEnds)
        {
            svg.Append(Invariant($"<rect x=\"{legendX:0.#}\" y=\"{height - 16:0.#}\" width=\"12\" height=\"12\" fill=\"{ColourOf(frontEnd)}\"/>"))
                .Append(Invariant($"<text x=\"{legendX + 16:0.#}\" y=\"{height - 6:0.#}\" class=\"legend\">")).Append(HtmlEncode(frontEnd)).Append("</text>");
            legendX += 24 + (frontEnd.Length * 8);
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars, one per item, longest first as given, the value at the end of each bar.</summary>
    public static string HorizontalBars(string id, string title, string description, IReadOnlyList<(string Label, int Value, string Colour)> items)
    {
        const double width = 860, labelWidth = 360, row = 28, top = 8;
        var height = top + (row * Math.Max(1, items.Count)) + 8;
        var max = Math.Max(1, items.Count == 0 ? 0 : items.Max(i => i.Value));
        var svg = Open(id, width, height, title, description);
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value, colour) = items[i];
            var y = top + (i * row);
            var w = (width - labelWidth - 60) * value / max;
            svg.Append(Invariant($"<text x=\"{labelWidth - 8:0.#}\" y=\"{y + 18:0.#}\" text-anchor=\"end\" class=\"label\">")).Append(HtmlEncode(Clip(label, 52))).Append("</text>")
                .Append(Invariant($"<rect x=\"{labelWidth:0.#}\" y=\"{y + 4:0.#}\" width=\"{Math.Max(1, w):0.#}\" height=\"{row - 10:0.#}\" rx=\"3\" fill=\"{colour}\">"))
                .Append("<title>").Append(HtmlEncode($"{label}: {value}")).Append("</title></rect>")
                .Append(Invariant($"<text x=\"{labelWidth + Math.Max(1, w) + 6:0.#}\" y=\"{y + 18:0.#}\" class=\"value\">{value}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, double width, double height, string title, string description) =>
        new StringBuilder()
            .Append(Invariant($"<svg viewBox=\"0 0 {width:0.#} {height:0.#}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"chart\">"))
            .Append(Invariant($"<title id=\"{id}-title\">")).Append(HtmlEncode(title)).Append("</title>")
            .Append(Invariant($"<desc id=\"{id}-desc\">")).Append(HtmlEncode(description)).Append("</desc>");

    private static void Axis(StringBuilder svg, double left, double top, double right, double bottom, int max)
    {
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var y = bottom - ((bottom - top) * fraction);
            var value = (int)Math.Round(max * fraction);
            svg.Append(Invariant($"<line x1=\"{left:0.#}\" y1=\"{y:0.#}\" x2=\"{right:0.#}\" y2=\"{y:0.#}\" class=\"grid\"/>"))
                .Append(Invariant($"<text x=\"{left - 6:0.#}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"tick\">{value}</text>"));
        }
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
