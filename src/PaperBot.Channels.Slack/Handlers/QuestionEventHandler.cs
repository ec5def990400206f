using Microsoft.Extensions.Logging;
using PaperBot.Answering;
using PaperBot.Channels.Slack.Inbound;
using PaperBot.Channels.Slack.Processing;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.WebApi;
using PaperBot.Storage;
using PaperBot.Reporting;

namespace PaperBot.Channels.Slack.Handlers;

/// <summary>
/// <c>app_mention</c> in a channel and <c>message</c> in a direct message: the question is answered in the message's
/// thread with <c>chat.postMessage</c>. Never the bot's own messages or another bot's (<see cref="SlackEventFilter"/>);
/// each event once, however often Slack delivers it.
/// </summary>
internal sealed class QuestionEventHandler(
    SlackWorkQueue queue,
    EventDeduplicator dedupe,
    SlackUserLimits limits,
    SlackBotIdentity identity,
    SlackMetrics metrics,
    SlackResponder responder,
    SlackApiClient api,
    ReportRequests reports,
    ILogger<QuestionEventHandler> logger) : ISlackEventHandler
{
    private const string SorryText = SlackResponder.SorryText;

    private const string Kind = "message";

    public SlackAck Handle(SlackEventDelivery delivery)
    {
        var evt = SlackMessageEvent.TryRead(delivery.Envelope);
        if (evt is null)
        {
            // Not a message this bot can answer (no channel or timestamp): acknowledged, not answered.
            return SlackAck.Accepted;
        }

        if (SlackEventFilter.ReasonToIgnore(evt, identity) is { } reason)
        {
            Log.EventIgnored(logger, evt.EventId, reason);
            metrics.Message(Kind, "ignored");
            return SlackAck.Accepted;
        }

        if (!dedupe.TryRegister(evt.EventId))
        {
            Log.DuplicateEvent(logger, evt.EventId, delivery.RetryNum ?? "-");
            metrics.Message(Kind, "duplicate");
            return SlackAck.Accepted;
        }

        if (!limits.TryAcquire(evt.User!, out var retryAfter))
        {
            // Acknowledged (a refusal would only make Slack deliver it again) and told, privately, in the thread.
            Log.UserThrottled(logger, Kind, evt.User!);
            metrics.Message(Kind, "throttled");
            if (limits.ShouldTell(evt.User!))
            {
                var note = limits.Text(retryAfter);
                queue.TryEnqueue(new SlackWork("throttled note", ct => api.PostEphemeralAsync(evt.Channel, evt.User!, evt.ReplyThreadTs, SlackMessage.Plain(note), ct)));
            }

            return SlackAck.Accepted;
        }

        if (!queue.TryEnqueue(new SlackWork(Kind, ct => AnswerMessageAsync(evt, ct))))
        {
            // Not acknowledged, so Slack delivers it again later; forget the id so that retry is answered.
            dedupe.Forget(evt.EventId);
            Log.QueueFull(logger, Kind);
            metrics.Message(Kind, "busy");
            return new SlackAck(503, null, "PaperBot is busy");
        }

        return SlackAck.Accepted;
    }

    private async Task AnswerMessageAsync(SlackMessageEvent evt, CancellationToken cancellationToken)
    {
        if (!await dedupe.ClaimAsync(evt.EventId, cancellationToken))
        {
            // Slack's retry reached another replica of the same store, which answers it.
            Log.DuplicateEvent(logger, evt.EventId, "another replica");
            metrics.Message(Kind, "duplicate");
            return;
        }

        // The bot's own id may have been unknown when the event was accepted: checked again once it is settled.
        await identity.Settled.WaitAsync(cancellationToken);
        if (SlackEventFilter.ReasonToIgnore(evt, identity) is { } reason)
        {
            Log.EventIgnored(logger, evt.EventId, reason);
            metrics.Message(Kind, "ignored");
            return;
        }

        var question = SlackText.QuestionFrom(evt.Text, identity.UserId);
        if (ReportWindow.IsReportRequest(question, out var window))
        {
            await reports.MessageAsync(evt, window, cancellationToken);
            return;
        }

                var answer = await responder.AskAsync(new AskRequest(question, evt.ConversationId) { Asker = new Asker(FrontEnds.Slack, evt.User), Channel = SlackChannels.Key(evt.Channel) }, Kind, cancellationToken);
        var message = answer is null ? SlackMessage.Plain(SorryText) : SlackMessageRenderer.Render(answer);
        var result = await api.PostMessageAsync(evt.Channel, evt.ReplyThreadTs, message, cancellationToken);
        metrics.Message(Kind, answer is not null && result.Ok ? "answered" : "failed");
    }
}
