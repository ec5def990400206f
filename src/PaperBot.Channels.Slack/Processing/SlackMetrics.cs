using System.Diagnostics.Metrics;

namespace PaperBot.Channels.Slack.Processing;

/// <summary>The Slack channel's counters (meter <c>PaperBot.Channels.Slack</c>).</summary>
internal sealed class SlackMetrics
{
    public const string MeterName = "PaperBot.Channels.Slack";
    public const string FeedbackCounter = "paperbot.slack.feedback";
    public const string MessagesCounter = "paperbot.slack.messages";

    private readonly Counter<long> _feedback;
    private readonly Counter<long> _messages;

    public SlackMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _feedback = meter.CreateCounter<long>(FeedbackCounter, "{click}", "👍/👎 clicks on answers.");
        _messages = meter.CreateCounter<long>(MessagesCounter, "{message}", "Slack messages and commands handled, by outcome.");
    }

    /// <summary>
    /// One click. Answer and user ids are tags so a dashboard can find the answer a 👎 was about; clicks are human-paced,
    /// so the number of series stays small.
    /// </summary>
    public void Feedback(string answerId, bool liked, string userId) =>
        _feedback.Add(1,
            new KeyValuePair<string, object?>("answer.id", answerId),
            new KeyValuePair<string, object?>("reaction", liked ? "like" : "dislike"),
            new KeyValuePair<string, object?>("user.id", userId));

    /// <summary>How one inbound message or command ended: answered, ignored, duplicate, failed, busy.</summary>
    public void Message(string kind, string outcome) =>
        _messages.Add(1,
            new KeyValuePair<string, object?>("kind", kind),
            new KeyValuePair<string, object?>("outcome", outcome));
}
