using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Cli.Commands;
using PaperBot.Reporting;
using PaperBot.Reporting.Rendering;
using PaperBot.Testing.Reports;

namespace PaperBot.Cli.Tests;

/// <summary>
/// <c>paperbot report</c>: through the real program (whose store, in memory, is empty in a fresh process) and, for a
/// seeded history, through the command itself over a builder of that history.
/// </summary>
public sealed class ReportCliTests(CliRunner cli) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paperbot-report-").FullName;

    [Fact]
    public async Task Report_NothingAsked_SaysSoAndSucceeds()
    {
        var result = await cli.RunAsync(["report", "--since", "24h"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No questions in the last 24 hours.", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_JsonAndHtml_TheEmptyReportInBoth()
    {
        var file = Path.Combine(_folder, "report.html");

        var result = await cli.RunAsync(["report", "--json", "--html", file]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.True(json.RootElement.GetProperty("isEmpty").GetBoolean());
        Assert.Equal("the last 7 days", json.RootElement.GetProperty("window").GetString());
        var html = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("No questions in the last 7 days.", html, StringComparison.Ordinal);
        Assert.Contains(file, result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--since", "soon")]
    [InlineData("--since", "2999-01-01")]
    [InlineData("--since")]
    [InlineData("--html")]
    [InlineData("last", "week")]
    [InlineData("--pdf", "x")]
    public async Task Report_BadUsage_OneLineAndExitCode2(params string[] args)
    {
        var result = await cli.RunAsync(["report", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.StartsWith("paperbot: ", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public async Task Report_SeededHistory_JsonIsTheBuildersReportAndHtmlHasItsCharts()
    {
        var now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        var history = await SeededHistory.CreateAsync(now);
        var builder = new ReportBuilder(history.QuestionLog, history.FeedbackStore, new FakeTimeProvider(now));
        var expected = await builder.BuildAsync(ReportWindow.TryParse("3d", now, out _)!, TestContext.Current.CancellationToken);
        var file = Path.Combine(_folder, "seeded.html");
        using var output = new StringWriter();
        using var notes = new StringWriter();

        var exit = await ReportCommand.RunAsync(ReportCommand.Parse(["--since", "3d", "--json", "--html", file]), builder, output, notes, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Equal(ReportJson.Serialize(expected), output.ToString().TrimEnd());
        Assert.Equal(history.Questions.Count(q => q.At >= now.AddDays(-3)), ReportJson.Deserialize(output.ToString())!.Totals.Questions);
        var html = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal(ReportHtml.Render(expected), html);
        Assert.Equal(3, html.Split("<svg ").Length - 1);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
