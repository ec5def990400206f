using Microsoft.Extensions.Time.Testing;
using PaperBot.Answering;
using PaperBot.Storage;
using PaperBot.Testing.Reports;

namespace PaperBot.Reporting.Tests;

/// <summary>Each figure of the report, computed here from the seeded history and compared with the builder's.</summary>
public sealed class ReportBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 30, 0, TimeSpan.Zero);

    private static async Task<(SeededHistory History, StudyReport Report, List<QuestionRecord> InWindow)> SeededAsync()
    {
        var history = await SeededHistory.CreateAsync(Now);
        var builder = new ReportBuilder(history.QuestionLog, history.FeedbackStore, new FakeTimeProvider(Now));
        var report = await builder.BuildAsync(ReportWindow.LastDays(7, Now), TestContext.Current.CancellationToken);
        var since = Now.AddDays(-7);
        return (history, report, history.Questions.Where(q => q.At >= since).ToList());
    }

    [Fact]
    public async Task Build_SeededWeek_TotalsAreTheWindowsRecords()
    {
        var (history, report, inWindow) = await SeededAsync();
        var votes = history.Feedback.Where(v => v.At >= Now.AddDays(-7)).ToList();

        Assert.True(inWindow.Count < history.Questions.Count, "the seed has a question before the window");
        Assert.Equal(inWindow.Count, report.Totals.Questions);
        Assert.Equal(inWindow.Count(q => q.Status == AnswerStatus.Answered), report.Totals.Answered);
        Assert.Equal(inWindow.Count(q => q.Status != AnswerStatus.Answered), report.Totals.Declined);
        Assert.Equal(inWindow.Count(q => q.FollowUp), report.Totals.FollowUps);
        Assert.Equal((double)inWindow.Count(q => q.FollowUp) / inWindow.Count, report.Totals.FollowUpShare, 3);
        Assert.Equal(inWindow.Select(q => q.UserKey).Distinct().Count(), report.Totals.Askers);
        Assert.Equal(votes.Count(v => v.Liked), report.Totals.Likes);
        Assert.Equal(votes.Count(v => !v.Liked), report.Totals.Dislikes);
        Assert.Equal("the last 7 days", report.Window);
    }

    [Fact]
    public async Task Build_SeededWeek_PerFrontEndTotalsMostQuestionsFirst()
    {
        var (_, report, inWindow) = await SeededAsync();
        var expected = inWindow.GroupBy(q => q.FrontEnd).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(expected.Keys.Order(), report.FrontEnds.Select(f => f.FrontEnd).Order());
        Assert.Equal(report.FrontEnds.Select(f => f.Questions).OrderDescending(), report.FrontEnds.Select(f => f.Questions));
        foreach (var f in report.FrontEnds)
        {
            var records = expected[f.FrontEnd];
            Assert.Equal(records.Count, f.Questions);
            Assert.Equal(records.Count(q => q.Status == AnswerStatus.Answered), f.Answered);
            Assert.Equal(records.Count(q => q.Status != AnswerStatus.Answered), f.Declined);
            Assert.Equal(records.Count(q => q.FollowUp), f.FollowUps);
        }
    }

    [Fact]
    public async Task Build_SeededWeek_EveryDayOfTheWindowCountedPerFrontEnd()
    {
        var (_, report, inWindow) = await SeededAsync();

        Assert.Equal(DateOnly.FromDateTime(Now.AddDays(-7).UtcDateTime), report.Days[0].Day);
        Assert.Equal(DateOnly.FromDateTime(Now.UtcDateTime), report.Days[^1].Day);
        Assert.Equal(report.Days.Count, report.Days.Select(d => d.Day).Distinct().Count());
        Assert.Contains(report.Days, d => d.Questions == 0);
        foreach (var day in report.Days)
        {
            var records = inWindow.Where(q => DateOnly.FromDateTime(q.At.UtcDateTime) == day.Day).ToList();
            Assert.Equal(records.Count, day.Questions);
            Assert.Equal(report.FrontEnds.Select(f => f.FrontEnd), day.ByFrontEnd.Select(f => f.FrontEnd));
            Assert.All(day.ByFrontEnd, f => Assert.Equal(records.Count(q => q.FrontEnd == f.FrontEnd), f.Questions));
        }
    }

    [Fact]
    public async Task Build_SeededWeek_TopSectionsCountEachQuestionOncePerSection()
    {
        var (_, report, inWindow) = await SeededAsync();
        var expected = inWindow
            .SelectMany(q => q.Sections.Select(s => (s.DocumentId, s.SectionId)).Distinct())
            .GroupBy(s => s)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(expected.Count, report.TopSections.Count);
        Assert.Equal(report.TopSections.Select(s => s.Questions).OrderDescending(), report.TopSections.Select(s => s.Questions));
        Assert.All(report.TopSections, s => Assert.Equal(expected[(s.DocumentId, s.SectionId)], s.Questions));
        var labelled = inWindow.SelectMany(q => q.Sections).First(s => s.SectionId == report.TopSections[0].SectionId && s.DocumentId == report.TopSections[0].DocumentId);
        Assert.Equal(labelled.Label, report.TopSections[0].Label);
        Assert.Equal(labelled.DocumentTitle, report.TopSections[0].DocumentTitle);
    }

    [Fact]
    public async Task Build_SeededWeek_DeclinesGroupedByReasonWithHeadingsAndDistinctQuestionsNewestFirst()
    {
        var (_, report, inWindow) = await SeededAsync();
        var declined = inWindow.Where(q => q.Status != AnswerStatus.Answered)
            .GroupBy(q => q.Reason ?? DeclineHeadings.Unspecified)
            .ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(declined.Keys.Order(), report.Declines.Select(g => g.Reason).Order());
        Assert.Equal(report.Declines.Select(g => g.Count).OrderDescending(), report.Declines.Select(g => g.Count));
        foreach (var group in report.Declines)
        {
            var records = declined[group.Reason];
            Assert.Equal(records.Count, group.Count);
            Assert.Equal(DeclineHeadings.Heading(group.Reason), group.Heading);
            Assert.NotEqual(group.Reason, group.Heading);
            var distinct = records.GroupBy(q => Same(q.Question)).ToList();
            Assert.Equal(distinct.Count, group.Questions.Count);
            Assert.Equal(records.Count, group.Questions.Sum(q => q.Times));
            Assert.Equal(group.Questions.Select(q => q.LastAsked).OrderDescending(), group.Questions.Select(q => q.LastAsked));
            Assert.All(group.Questions, q => Assert.Equal(records.Where(r => Same(r.Question) == Same(q.Text)).Max(r => r.At), q.LastAsked));
        }

        var repeated = report.Declines.SelectMany(g => g.Questions).Single(q => q.Times > 1);
        Assert.Equal(inWindow.Where(q => Same(q.Question) == Same(repeated.Text)).MaxBy(q => q.At)!.Question, repeated.Text);
        Assert.True(report.Declines.Single(g => g.Reason == "absent_subject").ReadingGap);
        Assert.False(report.Declines.Single(g => g.Reason == "off_topic").ReadingGap);
    }

    /// <summary>The same question: case, spacing and the closing question mark aside.</summary>
    private static string Same(string question) => question.Trim().TrimEnd('?', '.', '!').ToLowerInvariant();

    [Fact]
    public async Task Build_SeededWeek_DislikedAnswersWithTheirQuestionsNewestFirst()
    {
        var (history, report, _) = await SeededAsync();
        var disliked = history.Feedback.Where(v => !v.Liked && v.At >= Now.AddDays(-7)).OrderByDescending(v => v.At).ToList();

        Assert.Equal(disliked.Select(v => v.AnswerId), report.Disliked.Select(d => d.AnswerId));
        foreach (var (vote, shown) in disliked.Zip(report.Disliked))
        {
            var question = history.Questions.SingleOrDefault(q => q.AnswerId == vote.AnswerId);
            Assert.Equal(question?.Question, shown.Question);
            Assert.Equal(question?.Reason, shown.Reason);
            Assert.Equal(vote.Comment, shown.Comment);
            Assert.Equal(vote.FrontEnd, shown.FrontEnd);
        }

        Assert.Contains(report.Disliked, d => d.Question is null);
    }

    [Fact]
    public async Task Build_NoStores_EmptyReportOverTheWholeWindow()
    {
        var report = await new ReportBuilder(time: new FakeTimeProvider(Now)).BuildAsync(ReportWindow.LastDays(7, Now), TestContext.Current.CancellationToken);

        Assert.True(report.IsEmpty);
        Assert.Equal(0, report.Totals.Questions);
        Assert.Equal(0, report.Totals.FollowUpShare);
        Assert.Equal(8, report.Days.Count);
        Assert.Empty(report.Declines);
    }

    [Fact]
    public async Task Build_WindowText_BadWindowIsAProblemNotAReport()
    {
        var builder = new ReportBuilder(time: new FakeTimeProvider(Now));

        var (report, problem) = await builder.BuildAsync("soon", TestContext.Current.CancellationToken);

        Assert.Null(report);
        Assert.Contains("'soon'", problem, StringComparison.Ordinal);
    }
}
