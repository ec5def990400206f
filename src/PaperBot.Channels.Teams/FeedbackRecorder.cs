using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperBot.Answering;
using PaperBot.Channels.Teams.Protocol;
using PaperBot.Web;

namespace PaperBot.Channels.Teams;

/// <summary>A Like or Dislike on one of PaperBot's answers, with the optional comment.</summary>
public sealed record Feedback(string? ReplyActivityId, string? AnswerId, string Reaction, string? Text);

/// <summary>
/// Records the thumbs a user gives an answer: a structured log line (which answer, like/dislike, the comment) and
/// the <c>paperbot.teams.feedback</c> counter tagged with the reaction.
/// </summary>
public sealed class FeedbackRecorder
{
    public const string MeterName = "PaperBot.Channels.Teams";
    public const string CounterName = "paperbot.teams.feedback";
    private const int MaxTextLength = 1000;

    private readonly Counter<long> _counter;
    private readonly ReplyLedger _ledger;
    private readonly ILogger<FeedbackRecorder> _logger;
    private readonly RecentKeys _votes;

    public FeedbackRecorder(IMeterFactory meters, ReplyLedger ledger, ILogger<FeedbackRecorder> logger, TimeProvider? time = null)
    {
        _ledger = ledger;
        _votes = new RecentKeys(time ?? TimeProvider.System, TimeSpan.FromDays(30), 100_000);
        _logger = logger;
        _counter = meters.Create(MeterName).CreateCounter<long>(CounterName, "{feedback}", "Likes and dislikes given to PaperBot's answers in Teams.");
    }

    /// <summary>Reads a <c>message/submitAction</c> feedback invoke; null when it is some other action.</summary>
    public static Feedback? Parse(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("actionName", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != "feedback"
            || !value.TryGetProperty("actionValue", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var reaction = action.TryGetProperty("reaction", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        reaction = reaction is "like" or "dislike" ? reaction : "unknown";

        string? text = null;
        if (action.TryGetProperty("feedback", out var feedback))
        {
            text = feedback.ValueKind switch
            {
                JsonValueKind.String => FeedbackText(feedback.GetString()),
                JsonValueKind.Object => feedback.TryGetProperty("feedbackText", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
                _ => null,
            };
        }

        text = string.IsNullOrWhiteSpace(text) ? null : CitationFormat.Clip(text, MaxTextLength);
        return new Feedback(activity.ReplyToId, null, reaction, text);
    }

    /// <summary>The feedback is a JSON string inside the JSON (<c>"{\"feedbackText\":\"...\"}"</c>); plain text is kept as is.</summary>
    private static string? FeedbackText(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(raw);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("feedbackText", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()
                : raw;
        }
        catch (JsonException)
        {
            return raw;
        }
    }

    /// <summary>
    /// Who voted on what: the user and the reply they rated (a replayed invoke, without a reply id, is the same activity
    /// id). Null when the activity names no user.
    /// </summary>
    public static string? VoteKey(Activity activity) =>
        (activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id) is { Length: > 0 } user
            ? $"{user}\n{activity.ReplyToId ?? "activity:" + activity.Id}"
            : null;

    /// <summary>
    /// Counts and logs the feedback, once per <paramref name="voteKey"/> (a user's vote on one answer): a second click or
    /// a replayed invoke returns null and is not counted.
    /// </summary>
    public Feedback? Record(Feedback feedback, string? voteKey = null)
    {
        if (voteKey is not null && !_votes.TryAdd(voteKey))
        {
            Log.FeedbackRepeated(_logger, feedback.ReplyActivityId ?? "(none)");
            return null;
        }

        var recorded = feedback with { AnswerId = feedback.ReplyActivityId is { } id ? _ledger.AnswerFor(id) : null };
        _counter.Add(1, new KeyValuePair<string, object?>("reaction", recorded.Reaction), new KeyValuePair<string, object?>("with_text", recorded.Text is not null));
        Log.FeedbackReceived(_logger, recorded.Reaction, recorded.ReplyActivityId ?? "(none)", recorded.AnswerId ?? "(unknown)", recorded.Text ?? "");
        return recorded;
    }
}
