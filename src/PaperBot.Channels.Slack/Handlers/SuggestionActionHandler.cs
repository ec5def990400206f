using Microsoft.Extensions.Logging;
using PaperBot.Answering;
using PaperBot.Channels.Slack.Processing;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.WebApi;
using PaperBot.Storage;

namespace PaperBot.Channels.Slack.Handlers;

/// <summary>
/// A suggested question's button (its value is the question): the question is asked as the user who clicked, in the
/// thread of the message the button is on (or a new thread under it), by the path a typed question takes: the
/// per-user limit, the queue, the thread's memory. The interaction was deduplicated by the inbox, and the click is claimed in the shared ledger before it is asked. The answer names
/// who asked. A button on a private (ephemeral) reply answers privately through the click's <c>response_url</c>.
/// </summary>
internal sealed class SuggestionActionHandler(
    SlackWorkQueue queue,
    EventDeduplicator dedupe,
    SlackUserLimits limits,
    SlackMetrics metrics,
    SlackResponder responder,
    SlackApiClient api,
    ILogger<SuggestionActionHandler> logger) : ISlackActionHandler
{
    /// <summary>A suggestion is a short question; a longer value did not come from this bot's buttons.</summary>
    internal const int MaxQuestionChars = 500;

    private const string SorryText = SlackResponder.SorryText;

    private const string Kind = "suggestion";

    public void Handle(SlackAction action)
    {
        var question = action.Value?.Trim();
        if (question is not { Length: > 0 and <= MaxQuestionChars } || action.UserId == "unknown"
            || (action.Message is not { Ephemeral: false } && action.ResponseUrl is null))
        {
            return;
        }

        if (!limits.TryAcquire(action.UserId, out var retryAfter))
        {
            Log.UserThrottled(logger, Kind, action.UserId);
            metrics.Message(Kind, "throttled");
            if (limits.ShouldTell(action.UserId) && action.ResponseUrl is { } url)
            {
                var note = limits.Text(retryAfter);
                queue.TryEnqueue(new SlackWork("throttled note", ct => api.RespondAsync(url, SlackMessage.Plain(note), inChannel: false, ct)));
            }

            return;
        }

        if (!queue.TryEnqueue(new SlackWork(Kind, ct => AskAsync(action, question, ct))))
        {
            Log.QueueFull(logger, Kind);
            metrics.Message(Kind, "busy");
        }
    }

    private async Task AskAsync(SlackAction action, string question, CancellationToken cancellationToken)
    {
        if (action.Delivery is { } delivery && !await dedupe.ClaimAsync(delivery, cancellationToken))
        {
            // A replayed click that reached another replica too: asked there.
            metrics.Message(Kind, "duplicate");
            return;
        }

        if (action.Message is { Ephemeral: false } message)
        {
            var answer = await responder.AskAsync(new AskRequest(question, message.ConversationId) { Asker = new Asker(FrontEnds.Slack, action.UserId), Channel = SlackChannels.Key(message.Channel) }, Kind, cancellationToken);
            var reply = answer is null ? SlackMessage.Plain(SorryText) : SlackMessageRenderer.Render(answer, (action.UserId, question));
            var result = await api.PostMessageAsync(message.Channel, message.ReplyThreadTs, reply, cancellationToken);
            metrics.Message(Kind, answer is not null && result.Ok ? "answered" : "failed");
            return;
        }

        // A private reply (a slash command's help or decline) has no thread to answer in: the answer stays private too.
        var privately = await responder.AskAsync(new AskRequest(question, action.Message?.Channel) { Asker = new Asker(FrontEnds.Slack, action.UserId), Channel = SlackChannels.Key(action.Message?.Channel) }, Kind, cancellationToken);
        var text = privately is null ? SlackMessage.Plain(SorryText) : SlackMessageRenderer.Render(privately, (action.UserId, question));
        var delivered = await api.RespondAsync(action.ResponseUrl!, text, inChannel: false, cancellationToken);
        metrics.Message(Kind, privately is not null && delivered ? "answered" : "failed");
    }
}
