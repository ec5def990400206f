using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Reporting.Access;
using PaperBot.Reporting.Rendering;
using PaperBot.Testing.Reports;

namespace PaperBot.Reporting.Tests;

/// <summary>The report as HTML, JSON and text: what each must show and what none may let through.</summary>
public sealed partial class ReportRenderingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 30, 0, TimeSpan.Zero);

    private static async Task<StudyReport> SeededAsync()
    {
        var history = await SeededHistory.CreateAsync(Now);
        return await new ReportBuilder(history.QuestionLog, history.FeedbackStore, new FakeTimeProvider(Now)).BuildAsync(ReportWindow.LastDays(7, Now), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Html_Seeded_OneAccessibleSvgPerChart()
    {
        var html = ReportHtml.Render(await SeededAsync());

        var charts = Svg().Matches(html);
        Assert.Equal(3, charts.Count);
        Assert.All(charts, chart =>
        {
            Assert.Contains("role=\"img\"", chart.Value, StringComparison.Ordinal);
            Assert.Matches("<svg[^>]*>\\s*<title id=\"[^\"]+\">[^<]+</title>\\s*<desc", chart.Value);
        });
        Assert.Contains("<title>PaperBot report: the last 7 days</title>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_Seeded_ShowsEveryPartOfTheReport()
    {
        var report = await SeededAsync();
        var html = ReportHtml.Render(report);

        Assert.All(report.Declines, g => Assert.Contains(System.Net.WebUtility.HtmlEncode(g.Heading), html, StringComparison.Ordinal));
        Assert.All(report.TopSections, s => Assert.Contains(System.Net.WebUtility.HtmlEncode(s.Label), html, StringComparison.Ordinal));
        Assert.All(report.Disliked.Where(d => d.Question is not null), d => Assert.Contains(System.Net.WebUtility.HtmlEncode(d.Question!), html, StringComparison.Ordinal));
        Assert.All(report.FrontEnds, f => Assert.Contains($">{f.FrontEnd}</th><td>{f.Questions}</td>", html, StringComparison.Ordinal));
        Assert.Contains(ReportText.Percent(report.Totals.FollowUpShare), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_QuestionWithScript_IsEncodedNeverMarkup()
    {
        var html = ReportHtml.Render(await SeededAsync());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>wrong</b>", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(SeededHistory.ScriptQuestion), html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;wrong&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_Seeded_NothingFetchedFromAnywhere()
    {
        var html = ReportHtml.Render(await SeededAsync());

        Assert.DoesNotMatch("(?i)(src|href|xlink:href)\\s*=", html);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Html_Empty_SaysSoWithoutCharts()
    {
        var report = await new ReportBuilder(time: new FakeTimeProvider(Now)).BuildAsync(ReportWindow.LastDays(7, Now), TestContext.Current.CancellationToken);

        var html = ReportHtml.Render(report);

        Assert.Contains("No questions in the last 7 days.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_Seeded_RoundTripsWithStableCamelCaseNames()
    {
        var report = await SeededAsync();

        var json = ReportJson.Serialize(report);
        var again = ReportJson.Deserialize(json)!;

        Assert.Equal(json, ReportJson.Serialize(again));
        Assert.Equal(report.Totals, again.Totals);
        using var document = JsonDocument.Parse(json);
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["since", "until", "window", "isEmpty", "totals", "frontEnds", "days", "topSections", "declines", "disliked"], names);
        Assert.Equal(report.Totals.Questions, document.RootElement.GetProperty("totals").GetProperty("questions").GetInt32());
        Assert.Equal(report.Days[0].Day.ToString("yyyy-MM-dd", null), document.RootElement.GetProperty("days")[0].GetProperty("day").GetString());
        Assert.Equal(report.Declines[0].Reason, document.RootElement.GetProperty("declines")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Text_Plain_EveryReasonHeadingAndTheFollowUpShare()
    {
        var report = await SeededAsync();

        var text = ReportText.Render(report);

        Assert.All(report.Declines, g => Assert.Contains(g.Heading, text, StringComparison.Ordinal));
        Assert.All(report.FrontEnds, f => Assert.Contains($"{f.FrontEnd}: {f.Questions} question", text, StringComparison.Ordinal));
        Assert.Contains($"{report.Totals.FollowUps} follow-ups ({ReportText.Percent(report.Totals.FollowUpShare)})", text, StringComparison.Ordinal);
        Assert.Contains(SeededHistory.ScriptQuestion, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_Slack_QuestionsEscapedForMrkdwnAndTheLinkAsSlackWritesIt()
    {
        var link = new ReportLink(new Uri("https://bot.example.edu/report?token=abc"), Now.AddHours(1));

        var text = ReportText.Render(await SeededAsync(), ReportTextFlavor.SlackMrkdwn, link);

        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", text, StringComparison.Ordinal);
        Assert.Contains("Methods &amp; Data", text, StringComparison.Ordinal);
        Assert.Contains("<https://bot.example.edu/report?token=abc|", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_Teams_MarkdownEscapedAndParagraphs()
    {
        var text = ReportText.Render(await SeededAsync(), ReportTextFlavor.TeamsMarkdown);

        Assert.Contains("\\<script\\>", text, StringComparison.Ordinal);
        Assert.Contains("\n\n**Declined, by reason**", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_Empty_OneLineSaysSo()
    {
        var report = await new ReportBuilder(time: new FakeTimeProvider(Now)).BuildAsync(ReportWindow.TryParse("24h", Now, out _)!, TestContext.Current.CancellationToken);

        Assert.Contains("No questions in the last 24 hours.", ReportText.Render(report), StringComparison.Ordinal);
    }

    /// <summary>With PAPERBOT_REPORT_SAMPLE set, writes the seeded report's HTML there (the docs' screenshot is taken of it).</summary>
    [Fact]
    public async Task Html_Sample_WrittenWhereAsked()
    {
        var path = Environment.GetEnvironmentVariable("PAPERBOT_REPORT_SAMPLE");
        Assert.SkipWhen(string.IsNullOrEmpty(path), "PAPERBOT_REPORT_SAMPLE is not set");
        await File.WriteAllTextAsync(path, ReportHtml.Render(await SeededAsync()), TestContext.Current.CancellationToken);
        Assert.True(File.Exists(path));
    }

    [GeneratedRegex("<svg.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svg();
}
