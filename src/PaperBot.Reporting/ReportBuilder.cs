using System.Text.Json;
using PaperBot.Answering;
using PaperBot.Storage;

namespace PaperBot.Reporting;

/// <summary>
/// Computes the <see cref="StudyReport"/> of a window from the question log and the feedback store. Either store may
/// be missing (a host that keeps no feedback): its part of the report is empty.
/// </summary>
public sealed class ReportBuilder(IQuestionLog? questions = null, IFeedbackStore? feedback = null, TimeProvider? time = null)
{
    /// <summary>Sections listed, most cited first.</summary>
    public const int MaxSections = 10;

    /// <summary>Distinct question texts listed under each decline reason, newest first.</summary>
    public const int MaxQuestionsPerReason = 10;

    /// <summary>Answers rated 👎 listed, newest first.</summary>
    public const int MaxDisliked = 20;

    /// <summary>How far before the window the question of a rated answer is looked for.</summary>
    public static readonly TimeSpan RatedAnswerLookback = TimeSpan.FromDays(7);

    /// <summary>The order front ends are listed in when they have as many questions.</summary>
    private static readonly string[] FrontEndOrder = [FrontEnds.Slack, FrontEnds.Teams, FrontEnds.Http, FrontEnds.Cli];

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The report of a window typed as <c>7d</c>, <c>24h</c> or a date; null with the problem when it is not one.</summary>
    public async Task<(StudyReport? Report, string Problem)> BuildAsync(string? window, CancellationToken cancellationToken = default)
    {
        var parsed = ReportWindow.TryParse(window, Now, out var problem);
        return parsed is null ? (null, problem) : (await BuildAsync(parsed, cancellationToken).ConfigureAwait(false), string.Empty);
    }

    public async Task<StudyReport> BuildAsync(ReportWindow window, CancellationToken cancellationToken = default)
    {
        var until = Now;
        // A 👎 in the window may rate an answer given shortly before it: the log is read that much further back.
        var logged = questions is null ? [] : await questions.ReadAsync(window.Since - RatedAnswerLookback, cancellationToken).ConfigureAwait(false);
        var votes = feedback is null ? [] : await feedback.ReadAsync(window.Since, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<QuestionRecord> asked = [.. logged.Where(q => q.At >= window.Since && q.At <= until)];
        votes = [.. votes.Where(v => v.At >= window.Since && v.At <= until)];

        var frontEnds = FrontEndTotalsOf(asked);
        var followUps = asked.Count(q => q.FollowUp);
        var totals = new ReportTotals(
            Questions: asked.Count,
            Answered: asked.Count(q => q.Status == AnswerStatus.Answered),
            Declined: asked.Count(q => q.Status != AnswerStatus.Answered),
            FollowUps: followUps,
            FollowUpShare: Share(followUps, asked.Count),
            Askers: asked.Where(q => !string.IsNullOrEmpty(q.UserKey)).Select(q => q.UserKey).Distinct(StringComparer.Ordinal).Count(),
            Likes: votes.Count(v => v.Liked),
            Dislikes: votes.Count(v => !v.Liked));
        return new StudyReport(
            window.Since,
            until,
            window.Description,
            totals,
            frontEnds,
            DaysOf(asked, window.Since, until, frontEnds.Select(f => f.FrontEnd).ToList()),
            TopSectionsOf(asked),
            DeclinesOf(asked),
            DislikedOf(votes, logged));
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    private static List<FrontEndTotals> FrontEndTotalsOf(IReadOnlyList<QuestionRecord> asked) =>
        asked.GroupBy(q => q.FrontEnd, StringComparer.Ordinal)
            .Select(g => new FrontEndTotals(
                g.Key,
                g.Count(),
                g.Count(q => q.Status == AnswerStatus.Answered),
                g.Count(q => q.Status != AnswerStatus.Answered),
                g.Count(q => q.FollowUp),
                Share(g.Count(q => q.FollowUp), g.Count())))
            .OrderByDescending(f => f.Questions)
            .ThenBy(f => Array.IndexOf(FrontEndOrder, f.FrontEnd) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(f => f.FrontEnd, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every UTC day of the window, zeros included, so a chart shows the quiet days too.</summary>
    private static List<DayCount> DaysOf(IReadOnlyList<QuestionRecord> asked, DateTimeOffset since, DateTimeOffset until, List<string> frontEnds)
    {
        var byDay = asked.ToLookup(q => DateOnly.FromDateTime(q.At.UtcDateTime));
        var days = new List<DayCount>();
        for (var day = DateOnly.FromDateTime(since.UtcDateTime); day <= DateOnly.FromDateTime(until.UtcDateTime); day = day.AddDays(1))
        {
            var records = byDay[day].ToList();
            days.Add(new DayCount(day, records.Count, [.. frontEnds.Select(f => new FrontEndCount(f, records.Count(q => q.FrontEnd == f)))]));
        }

        return days;
    }

    /// <summary>Sections by how many questions cited them (each question counts once per section).</summary>
    private static List<SectionCount> TopSectionsOf(IReadOnlyList<QuestionRecord> asked) =>
        asked.SelectMany(q => q.Sections.DistinctBy(s => (s.DocumentId, s.SectionId)).Select(s => (Section: s, q.At)))
            .GroupBy(x => (x.Section.DocumentId, x.Section.SectionId))
            .Select(g =>
            {
                var latest = g.MaxBy(x => x.At).Section;
                return new SectionCount(latest.DocumentId, latest.DocumentTitle, latest.SectionId, latest.Label, g.Count());
            })
            .OrderByDescending(s => s.Questions)
            .ThenBy(s => s.DocumentId, StringComparer.Ordinal)
            .ThenBy(s => s.SectionId, StringComparer.Ordinal)
            .Take(MaxSections)
            .ToList();

    private static List<DeclineGroup> DeclinesOf(IReadOnlyList<QuestionRecord> asked) =>
        asked.Where(q => q.Status != AnswerStatus.Answered)
            .GroupBy(q => string.IsNullOrWhiteSpace(q.Reason) ? DeclineHeadings.Unspecified : q.Reason, StringComparer.Ordinal)
            .Select(g => new DeclineGroup(
                g.Key,
                DeclineHeadings.Heading(g.Key),
                DeclineHeadings.IsReadingGap(g.Key),
                g.Count(),
                DistinctQuestions(g)))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => DeclineHeadings.Order(g.Reason))
            .ThenBy(g => g.Reason, StringComparer.Ordinal)
            .ToList();

    /// <summary>Identical texts (case, spacing and closing punctuation aside) once, with how often; newest first; the newest wording shown.</summary>
    private static List<AskedQuestion> DistinctQuestions(IEnumerable<QuestionRecord> records) =>
        records.GroupBy(q => Normalised(q.Question), StringComparer.Ordinal)
            .Select(g =>
            {
                var newest = g.MaxBy(q => q.At)!;
                return new AskedQuestion(newest.Question.Trim(), g.Count(), newest.At);
            })
            .OrderByDescending(q => q.LastAsked)
            .ThenBy(q => q.Text, StringComparer.Ordinal)
            .Take(MaxQuestionsPerReason)
            .ToList();

    private static string Normalised(string question) =>
        string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', '.', '!').TrimEnd().ToLowerInvariant();

    private static List<DislikedAnswer> DislikedOf(IReadOnlyList<FeedbackRecord> votes, IReadOnlyList<QuestionRecord> asked)
    {
        var byAnswer = asked.GroupBy(q => q.AnswerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return votes.Where(v => !v.Liked)
            .OrderByDescending(v => v.At)
            .ThenBy(v => v.AnswerId, StringComparer.Ordinal)
            .Take(MaxDisliked)
            .Select(v =>
            {
                var question = byAnswer.GetValueOrDefault(v.AnswerId);
                return new DislikedAnswer(
                    v.AnswerId,
                    question?.Question.Trim(),
                    question is null ? null : StatusName(question.Status),
                    question?.Reason,
                    string.IsNullOrWhiteSpace(v.Comment) ? null : v.Comment.Trim(),
                    v.FrontEnd,
                    v.At);
            })
            .ToList();
    }

    /// <summary>The status as the answer JSON names it (<c>answered</c>, <c>not_in_paper</c> …).</summary>
    internal static string StatusName(AnswerStatus status) => JsonSerializer.Serialize(status).Trim('"');
}
