using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Channels.Teams.Protocol;
using PaperBot.Reporting;
using PaperBot.Reporting.Access;
using PaperBot.Reporting.Rendering;

namespace PaperBot.Channels.Teams;

/// <summary>
/// <c>report [7d]</c> typed to the bot: the instructor's report, only for the users <c>Teams:Instructors</c> lists (by
/// AAD object id or Teams user id) and only in a 1:1 chat. In a group chat or a channel an instructor is asked to
/// request it 1:1 (the channel has no proactive 1:1 messages, and the report is not for the group); anyone else is
/// told, politely, that it is for instructors. The text is never asked as a question.
/// </summary>
internal sealed class TeamsReports(ReportBuilder reports, ReportGrants grants, IOptions<TeamsOptions> options, ILogger<TeamsReports> logger)
{
    internal const string RefusalText = "The report is for the instructors of this group. Ask me a question about the readings instead.";

    internal const string OneToOneText = "The report is private: ask me for it in a 1:1 chat with PaperBot (type **report** there).";

    internal const string CutText = "\n\n… the rest is in the report with charts, or `paperbot report` on the host.";

    public bool IsInstructor(ChannelAccount? user) =>
        user is not null && options.Value.Instructors.Any(id =>
            (user.AadObjectId is { Length: > 0 } aad && string.Equals(id.Trim(), aad, StringComparison.OrdinalIgnoreCase))
            || (user.Id is { Length: > 0 } teamsId && string.Equals(id.Trim(), teamsId, StringComparison.Ordinal)));

    /// <summary>The one reply to a request for the report in this conversation.</summary>
    public async Task<OutgoingActivity> ReplyAsync(Activity incoming, string? window, CancellationToken cancellationToken)
    {
        if (!IsInstructor(incoming.From))
        {
            Log.ReportRefused(logger, incoming.Conversation?.ConversationType ?? "-");
            return TeamsReplies.Markdown(incoming, RefusalText);
        }

        if (!string.Equals(incoming.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase))
        {
            return TeamsReplies.Markdown(incoming, OneToOneText);
        }

        var (report, problem) = await reports.BuildAsync(window, cancellationToken);
        if (report is null)
        {
            return TeamsReplies.Markdown(incoming, $"{char.ToUpperInvariant(problem[0])}{problem[1..]}.");
        }

        var instructor = TeamsBot.UserIdOf(incoming)!;
        var text = ReportText.Render(report, ReportTextFlavor.TeamsMarkdown, grants.LinkFor("teams:" + instructor, window));
        Log.ReportShown(logger, report.Totals.Questions);
        return TeamsReplies.Markdown(incoming, Fit(text));
    }

    /// <summary>At most one message's text: cut at a paragraph or line, saying where the rest is.</summary>
    private static string Fit(string text)
    {
        if (text.Length <= TeamsReplies.MaxTextLength)
        {
            return text;
        }

        var limit = TeamsReplies.MaxTextLength - CutText.Length;
        var cut = text.LastIndexOf('\n', limit - 1);
        return text[..(cut > limit / 2 ? cut : limit)].TrimEnd() + CutText;
    }
}
