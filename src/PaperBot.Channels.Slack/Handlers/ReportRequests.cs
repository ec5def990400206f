using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Channels.Slack.Inbound;
using PaperBot.Channels.Slack.Processing;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.WebApi;
using PaperBot.Reporting;
using PaperBot.Reporting.Access;
using PaperBot.Reporting.Rendering;

namespace PaperBot.Channels.Slack.Handlers;

/// <summary>
/// <c>/paper report [7d]</c>, or <c>report</c> in a direct message or a mention: the instructor's report, only for the
/// users <c>Slack:Instructors</c> lists and only for their eyes (the command's ephemeral reply, an ephemeral message in
/// a channel, the direct message itself), with a signed link to the HTML report when <c>Report:PublicBaseUrl</c> is
/// set. Anyone else is told, privately, that the report is for instructors; their text is never asked as a question.
/// </summary>
internal sealed class ReportRequests(
    SlackWorkQueue queue,
    SlackApiClient api,
    SlackMetrics metrics,
    ReportBuilder reports,
    ReportGrants grants,
    IOptionsMonitor<SlackOptions> options,
    ILogger<ReportRequests> logger)
{
    internal const string RefusalText = "The report is for the instructors of this group. Ask me a question about the readings instead.";

    internal const string BusyText = QuestionCommandHandler.BusyText;

    private const string Kind = "report";

    public bool IsInstructor(string userId) =>
        options.CurrentValue.Instructors.Any(id => string.Equals(id.Trim(), userId, StringComparison.Ordinal));

    /// <summary>The acknowledgement of <c>/paper report</c>; the report follows on the command's <c>response_url</c>.</summary>
    public SlackAck Command(SlashCommand command, string? window)
    {
        if (!IsInstructor(command.UserId))
        {
            Log.ReportRefused(logger, command.UserId);
            metrics.Message(Kind, "refused");
            return SlackAck.Ephemeral(RefusalText);
        }

        var enqueued = queue.TryEnqueue(new SlackWork(Kind, async ct =>
        {
            var message = await RenderAsync(command.UserId, window, ct);
            var delivered = await api.RespondAsync(command.ResponseUrl, message, inChannel: false, ct);
            metrics.Message(Kind, delivered ? "answered" : "failed");
        }));
        return enqueued ? SlackAck.Accepted : SlackAck.Ephemeral(BusyText);
    }

    /// <summary>
    /// <c>report</c> typed in a message: in a direct message the reply is the report (the conversation is private);
    /// in a channel an ephemeral message only the asker sees.
    /// </summary>
    public async Task MessageAsync(SlackMessageEvent evt, string? window, CancellationToken cancellationToken)
    {
        var user = evt.User!;
        SlackMessage message;
        if (!IsInstructor(user))
        {
            Log.ReportRefused(logger, user);
            metrics.Message(Kind, "refused");
            message = SlackMessage.Plain(RefusalText);
        }
        else
        {
            message = await RenderAsync(user, window, cancellationToken);
        }

        var result = evt.ChannelType == "im"
            ? await api.PostMessageAsync(evt.Channel, evt.ReplyThreadTs, message, cancellationToken)
            : await api.PostEphemeralAsync(evt.Channel, user, evt.ReplyThreadTs, message, cancellationToken);
        if (IsInstructor(user))
        {
            metrics.Message(Kind, result.Ok ? "answered" : "failed");
        }
    }

    private async Task<SlackMessage> RenderAsync(string userId, string? window, CancellationToken cancellationToken)
    {
        var (report, problem) = await reports.BuildAsync(window, cancellationToken);
        if (report is null)
        {
            return SlackMessage.Plain($"{char.ToUpperInvariant(problem[0])}{problem[1..]}.");
        }

        var link = grants.LinkFor("slack:" + userId, window);
        var text = ReportText.Render(report, ReportTextFlavor.SlackMrkdwn, link);
        var blocks = SlackText.Split(text, SlackMessageRenderer.MaxSectionChars, SlackMessageRenderer.MaxBlocks)
            .Select(SlackMessageRenderer.Section)
            .ToList();
        Log.ReportShown(logger, userId, report.Totals.Questions);
        return new SlackMessage(SlackText.Clip(text, SlackMessageRenderer.MaxSectionChars), blocks);
    }
}
