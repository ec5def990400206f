using Microsoft.Extensions.Logging;
using PaperBot.Channels.Slack.Processing;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.WebApi;
using PaperBot.Storage;
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
    IFeedbackStore store,
    IUserKeys keys,
    TimeProvider time,
    ILogger<FeedbackActionHandler> logger) : ISlackActionHandler
{
    /// <summary>This replica's own record of votes: a repeated click here is refused at once, before the store is asked.</summary>
    private readonly RecentKeys _votes = new(time, TimeSpan.FromDays(1), 100_000);

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

        var vote = new FeedbackRecord(answerId, keys.KeyOf(action.UserId), liked, null, FrontEnds.Slack, time.GetUtcNow());
        // Stored, counted and thanked for in the queue; when the queue is full the click is still stored and counted.
        if (!queue.TryEnqueue(new SlackWork("feedback", ct => RecordAsync(vote, action, thank: true, ct))))
        {
            _ = RecordAsync(vote, action, thank: false, CancellationToken.None);
        }
    }

    /// <summary>Each user's vote on each answer counts once, whichever of the two buttons, however often pressed, on any replica (the store decides).</summary>
    private async Task RecordAsync(FeedbackRecord vote, SlackAction action, bool thank, CancellationToken cancellationToken)
    {
        if (!await store.RecordAsync(vote, cancellationToken))
        {
            Log.FeedbackRepeated(logger, vote.AnswerId, action.UserId);
            return;
        }

        Log.FeedbackReceived(logger, vote.Liked ? "like" : "dislike", vote.AnswerId, action.UserId);
        metrics.Feedback(vote.Liked);
        if (thank && action.ResponseUrl is { } responseUrl)
        {
            await api.RespondAsync(responseUrl, SlackMessage.Plain(vote.Liked
                ? "Thanks for the feedback! 👍"
                : "Thanks, noted. 👎 helps us improve the answers."), inChannel: false, cancellationToken);
        }
    }
}
