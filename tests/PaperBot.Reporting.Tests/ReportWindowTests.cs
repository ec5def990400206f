namespace PaperBot.Reporting.Tests;

public sealed class ReportWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("7d", 7 * 24)]
    [InlineData("24h", 24)]
    [InlineData("2w", 14 * 24)]
    [InlineData(" 30D ", 30 * 24)]
    public void TryParse_Duration_WindowEndsNow(string text, int hours)
    {
        var window = ReportWindow.TryParse(text, Now, out var problem);

        Assert.NotNull(window);
        Assert.Equal(Now.AddHours(-hours), window.Since);
        Assert.Equal("", problem);
    }

    [Fact]
    public void TryParse_Date_FromMidnightUtc()
    {
        var window = ReportWindow.TryParse("2026-11-01", Now, out _);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), window!.Since);
        Assert.Equal("since 2026-11-01", window.Description);
    }

    [Fact]
    public void TryParse_Nothing_TheLastSevenDays() =>
        Assert.Equal(Now.AddDays(-7), ReportWindow.TryParse(null, Now, out _)!.Since);

    [Theory]
    [InlineData("soon")]
    [InlineData("0d")]
    [InlineData("-3d")]
    [InlineData("400d")]
    [InlineData("7y")]
    [InlineData("2027-01-01")]
    [InlineData("2026-13-01")]
    [InlineData("")]
    public void TryParse_NotAWindow_ProblemSaysWhatIs(string text)
    {
        Assert.Null(ReportWindow.TryParse(text, Now, out var problem));
        Assert.Contains("7d, 24h", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report", null)]
    [InlineData("Report", null)]
    [InlineData("/report", null)]
    [InlineData("  report. ", null)]
    [InlineData("report 30d", "30d")]
    [InlineData("report since 2026-11-01", "2026-11-01")]
    [InlineData("report --since 24h", "24h")]
    public void IsReportRequest_TheCommand_WithItsWindow(string text, string? expected)
    {
        Assert.True(ReportWindow.IsReportRequest(text, out var window));
        Assert.Equal(expected, window);
    }

    [Theory]
    [InlineData("What does the report say about the pipeline?")]
    [InlineData("report on the findings")]
    [InlineData("report the results")]
    [InlineData("reports")]
    [InlineData("report 30d please")]
    [InlineData("")]
    public void IsReportRequest_AQuestion_IsNotTheCommand(string text) =>
        Assert.False(ReportWindow.IsReportRequest(text, out _));
}
