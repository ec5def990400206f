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

    public const string QueueDepthGauge = "paperbot.slack.queue.depth";

    public SlackMetrics(IMeterFactory meters, SlackWorkQueue queue)
    {
        var meter = meters.Create(MeterName);
        _feedback = meter.CreateCounter<long>(FeedbackCounter, "{click}", "👍/👎 clicks on answers.");
        _messages = meter.CreateCounter<long>(MessagesCounter, "{message}", "Slack messages and commands handled, by outcome.");
        meter.CreateObservableGauge(QueueDepthGauge, () => queue.Pending, "{message}", "Slack messages and commands waiting to be answered.");
    }

    /// <summary>
    /// One click, tagged only by its reaction: answer and user ids would make a metric series per answer, which
    /// exporters keep for the life of the process. The feedback log line carries both ids.
    /// </summary>
    public void Feedback(bool liked) =>
        _feedback.Add(1, new KeyValuePair<string, object?>("reaction", liked ? "like" : "dislike"));

    /// <summary>How one inbound message or command ended: answered, ignored, duplicate, failed, busy.</summary>
    public void Message(string kind, string outcome) =>
        _messages.Add(1,
            new KeyValuePair<string, object?>("kind", kind),
            new KeyValuePair<string, object?>("outcome", outcome));
}
