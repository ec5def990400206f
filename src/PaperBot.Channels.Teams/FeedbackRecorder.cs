using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperBot.Answering;
using PaperBot.Channels.Teams.Protocol;
using PaperBot.Storage;

namespace PaperBot.Channels.Teams;

/// <summary>A Like or Dislike on one of PaperBot's answers, with the optional comment.</summary>
public sealed record Feedback(string? ReplyActivityId, string? AnswerId, string Reaction, string? Text);

/// <summary>
/// Records the thumbs a user gives an answer: in the feedback store (once per user per answer, the user as a salted
/// key), a structured log line (which answer, like/dislike, the comment) and the <c>paperbot.teams.feedback</c>
/// counter tagged with the reaction.
/// </summary>
public sealed class FeedbackRecorder
{
    public const string MeterName = "PaperBot.Channels.Teams";
    public const string CounterName = "paperbot.teams.feedback";
    private const int MaxTextLength = 1000;

    private readonly Counter<long> _counter;
    private readonly IFeedbackStore _store;
    private readonly IUserKeys _keys;
    private readonly TimeProvider _time;
    private readonly ILogger<FeedbackRecorder> _logger;

    public FeedbackRecorder(IMeterFactory meters, IFeedbackStore store, IUserKeys keys, ILogger<FeedbackRecorder> logger, TimeProvider? time = null)
    {
        _store = store;
        _keys = keys;
        _time = time ?? TimeProvider.System;
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
    /// Counts, logs and stores the feedback, once per user per answer (the user from <paramref name="activity"/>): a
    /// second click or a replayed invoke returns null and is not counted. An activity that names no user is counted
    /// and logged but not stored.
    /// </summary>
    public async Task<Feedback?> RecordAsync(Feedback feedback, Activity activity, CancellationToken cancellationToken = default)
    {
        var replyId = feedback.ReplyActivityId ?? "activity:" + activity.Id;
        var answerId = feedback.ReplyActivityId is { } id ? await _store.AnswerForReplyAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var recorded = feedback with { AnswerId = answerId };
        if (TeamsBot.UserIdOf(activity) is { Length: > 0 } user)
        {
            var vote = new FeedbackRecord(answerId ?? "reply:" + replyId, _keys.KeyOf(user), recorded.Reaction == "like", recorded.Text, FrontEnds.Teams, _time.GetUtcNow());
            if (!await _store.RecordAsync(vote, cancellationToken).ConfigureAwait(false))
            {
                Log.FeedbackRepeated(_logger, feedback.ReplyActivityId ?? "(none)");
                return null;
            }
        }

        _counter.Add(1, new KeyValuePair<string, object?>("reaction", recorded.Reaction), new KeyValuePair<string, object?>("with_text", recorded.Text is not null));
        Log.FeedbackReceived(_logger, recorded.Reaction, recorded.ReplyActivityId ?? "(none)", recorded.AnswerId ?? "(unknown)", recorded.Text ?? "");
        return recorded;
    }
}
