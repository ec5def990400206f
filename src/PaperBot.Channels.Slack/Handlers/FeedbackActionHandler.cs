using Microsoft.Extensions.Logging;
using PaperBot.Channels.Slack.Processing;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.WebApi;
using PaperBot.Web;

namespace PaperBot.Channels.Slack.Handlers;

/// <summary>
/// 👍 and 👎 under an answer (the button's value is the answer id): logged and counted once per user and answer,
/// however often the buttons are pressed, and thanked for privately.
/// </summary>
internal sealed class FeedbackActionHandler(
    SlackWorkQueue queue,
    SlackMetrics metrics,
    SlackApiClient api,
    TimeProvider time,
    ILogger<FeedbackActionHandler> logger) : ISlackActionHandler
{
    /// <summary>Each user's vote on each answer counts once, whichever of the two buttons, however often pressed.</summary>
    private readonly RecentKeys _votes = new(time, TimeSpan.FromDays(30), 100_000);

    public void Handle(SlackAction action)
    {
        var answerId = action.Value;
        if (string.IsNullOrWhiteSpace(answerId) || answerId.Length > 100)
        {
            return;
        }

        var liked = action.ActionId == SlackMessageRenderer.LikeActionId;
        if (!_votes.TryAdd($"{action.UserId}\n{answerId}"))
        {
            Log.FeedbackRepeated(logger, answerId, action.UserId);
            return;
        }

        Log.FeedbackReceived(logger, liked ? "like" : "dislike", answerId, action.UserId);
        metrics.Feedback(liked);
        if (action.ResponseUrl is { } responseUrl)
        {
            // Thanks are a courtesy: when the queue is full the click is still recorded.
            queue.TryEnqueue(new SlackWork("feedback", ct => api.RespondAsync(responseUrl, SlackMessage.Plain(liked
                ? "Thanks for the feedback! 👍"
                : "Thanks, noted. 👎 helps us improve the answers."), inChannel: false, ct)));
        }
    }
}
