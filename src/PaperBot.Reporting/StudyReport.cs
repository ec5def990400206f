namespace PaperBot.Reporting;

/// <summary>
/// What a study group left behind in a window of time: questions per day and front end, the sections asked about
/// most, the declined questions by reason, the answers rated 👎, the share of follow-ups. Days are UTC days.
/// </summary>
public sealed record StudyReport(
    DateTimeOffset Since,
    DateTimeOffset Until,
    string Window,
    ReportTotals Totals,
    IReadOnlyList<FrontEndTotals> FrontEnds,
    IReadOnlyList<DayCount> Days,
    IReadOnlyList<SectionCount> TopSections,
    IReadOnlyList<DeclineGroup> Declines,
    IReadOnlyList<DislikedAnswer> Disliked)
{
    /// <summary>Nothing was asked in the window.</summary>
    public bool IsEmpty => Totals.Questions == 0 && Disliked.Count == 0;
}

/// <summary>
/// The window's totals. <see cref="Askers"/> counts distinct user keys (salted hashes; questions without one are not
/// counted); <see cref="FollowUpShare"/> is follow-ups over questions, 0 when there are none.
/// </summary>
public sealed record ReportTotals(int Questions, int Answered, int Declined, int FollowUps, double FollowUpShare, int Askers, int Likes, int Dislikes);

/// <summary>The totals of one front end (<c>slack</c>, <c>teams</c>, <c>http</c>, <c>cli</c>).</summary>
public sealed record FrontEndTotals(string FrontEnd, int Questions, int Answered, int Declined, int FollowUps, double FollowUpShare);

/// <summary>The questions of one UTC day, in all and per front end (every front end of the report, zeros included).</summary>
public sealed record DayCount(DateOnly Day, int Questions, IReadOnlyList<FrontEndCount> ByFrontEnd);

/// <summary>How many questions one front end brought.</summary>
public sealed record FrontEndCount(string FrontEnd, int Questions);

/// <summary>A section of a reading and how many questions cited it.</summary>
public sealed record SectionCount(string DocumentId, string DocumentTitle, string SectionId, string Label, int Questions);

/// <summary>
/// The questions declined for one reason: the engine's <see cref="Reason"/> code, a heading a person reads, whether
/// it marks a gap of the reading (rather than a question that was not about it), and the questions, identical texts
/// counted once, newest first.
/// </summary>
public sealed record DeclineGroup(string Reason, string Heading, bool ReadingGap, int Count, IReadOnlyList<AskedQuestion> Questions);

/// <summary>A question text, how often it was asked in the window and when last.</summary>
public sealed record AskedQuestion(string Text, int Times, DateTimeOffset LastAsked);

/// <summary>
/// An answer rated 👎, with its question (null when the question is not in the log's window) and the comment, if
/// any, newest first.
/// </summary>
public sealed record DislikedAnswer(string AnswerId, string? Question, string? Status, string? Reason, string? Comment, string FrontEnd, DateTimeOffset At);
