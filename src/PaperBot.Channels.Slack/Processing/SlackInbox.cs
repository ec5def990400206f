using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Answering;
using PaperBot.Channels.Slack.Inbound;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.WebApi;
using PaperBot.Web;

namespace PaperBot.Channels.Slack.Processing;

/// <summary>
/// How a request was acknowledged: 200 with no body (plain ack), 200 with a body Slack shows or reads, or an error
/// status with a problem title. HTTP writes it as the response; Socket Mode puts the body in the envelope ack.
/// </summary>
internal sealed record SlackAck(int StatusCode, JsonObject? Body = null, string? Problem = null)
{
    public static SlackAck Accepted { get; } = new(200);

    public static SlackAck Reply(JsonObject body) => new(200, body);

    public static SlackAck Malformed(string problem) => new(400, null, problem);

    public static SlackAck Ephemeral(string text) => Reply(new JsonObject { ["response_type"] = "ephemeral", ["text"] = text });
}

/// <summary>
/// Where every Slack request lands once it is trusted, whichever transport brought it (HTTP or Socket Mode): it checks
/// the request, queues the slow part and returns the acknowledgement at once, well inside Slack's 3 seconds.
/// </summary>
internal sealed class SlackInbox(
    SlackWorkQueue queue,
    EventDeduplicator dedupe,
    SlackUserLimits limits,
    SlackBotIdentity identity,
    SlackMetrics metrics,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackInbox> logger,
    IEnumerable<AnswerServiceProfile> profiles)
{
    internal const string BusyText = "PaperBot is busy answering other questions. Please try again in a minute.";

    /// <summary>The private acknowledgement of a slash command when a language model writes the answers (seconds, not milliseconds).</summary>
    internal const string LookingUpText = "Looking that up…";

    /// <summary>Answers come from a language model: slow enough that the student should hear the command was taken.</summary>
    private readonly bool _generative = profiles.Any(p => p.Generative);

    /// <summary>Each user's vote on each answer counts once, however often the button is pressed or the click replayed.</summary>
    private readonly RecentKeys _votes = new(time, TimeSpan.FromDays(30), 100_000);

    /// <summary>A slash command: its fields from a form post or from a <c>slash_commands</c> envelope.</summary>
    public SlackAck AcceptCommand(IReadOnlyDictionary<string, string> fields)
    {
        var settings = options.CurrentValue;
        var command = SlashCommand.TryCreate(fields, settings, out var problem);
        if (command is null)
        {
            return SlackAck.Malformed(problem);
        }

        var expected = settings.Command;
        if (!string.Equals(command.Command, expected, StringComparison.OrdinalIgnoreCase))
        {
            Log.UnknownCommand(logger, command.Command);
            return SlackAck.Ephemeral($"PaperBot answers {expected}, not {command.Command}.");
        }

        // A signed request replayed within the signature's five minutes carries the same trigger_id: answered once.
        var delivery = command.TriggerId is { Length: > 0 } trigger ? "command:" + trigger : null;
        if (delivery is not null && !dedupe.TryRegister(delivery))
        {
            Log.DuplicateDelivery(logger, "slash command", command.TriggerId!);
            metrics.Message("slash command", "duplicate");
            return SlackAck.Accepted;
        }

        if (!limits.TryAcquire(command.UserId, out var retryAfter))
        {
            Log.UserThrottled(logger, "slash command", command.UserId);
            metrics.Message("slash command", "throttled");
            return SlackAck.Ephemeral(limits.Text(retryAfter));
        }

        if (!queue.TryEnqueue(new AnswerCommand(command)))
        {
            if (delivery is not null)
            {
                dedupe.Forget(delivery);
            }

            Log.QueueFull(logger, "slash command");
            metrics.Message("slash command", "busy");
            return SlackAck.Ephemeral(BusyText);
        }

        // Extractive answers arrive in milliseconds, so a plain (silent) ack is best; a model's take seconds.
        return _generative ? SlackAck.Ephemeral(LookingUpText) : SlackAck.Accepted;
    }

    /// <summary>An Events API body: <c>url_verification</c> or an <c>event_callback</c> envelope.</summary>
    public SlackAck AcceptEvent(JsonElement envelope, string? retryNum = null)
    {
        if (envelope.ValueKind != JsonValueKind.Object)
        {
            return SlackAck.Malformed("the event body is not a JSON object");
        }

        switch (envelope.GetStringOrNull("type"))
        {
            case "url_verification":
                var challenge = envelope.GetStringOrNull("challenge");
                return challenge is null
                    ? SlackAck.Malformed("url_verification without a challenge")
                    : SlackAck.Reply(new JsonObject { ["challenge"] = challenge });
            case "event_callback":
                break;
            case null:
                return SlackAck.Malformed("the event body has no type");
            default:
                return SlackAck.Accepted;
        }

        if (!envelope.TryGetProperty("event", out var inner) || inner.ValueKind != JsonValueKind.Object)
        {
            return SlackAck.Malformed("event_callback without an event object");
        }

        var evt = SlackMessageEvent.TryRead(envelope);
        if (evt is null)
        {
            // Some other event this app was subscribed to: acknowledged, not answered.
            return SlackAck.Accepted;
        }

        if (SlackEventFilter.ReasonToIgnore(evt, identity) is { } reason)
        {
            Log.EventIgnored(logger, evt.EventId, reason);
            metrics.Message("message", "ignored");
            return SlackAck.Accepted;
        }

        if (!dedupe.TryRegister(evt.EventId))
        {
            Log.DuplicateEvent(logger, evt.EventId, retryNum ?? "-");
            metrics.Message("message", "duplicate");
            return SlackAck.Accepted;
        }

        if (!limits.TryAcquire(evt.User!, out var retryAfter))
        {
            // Acknowledged (a refusal would only make Slack deliver it again) and told, privately, in the thread.
            Log.UserThrottled(logger, "message", evt.User!);
            metrics.Message("message", "throttled");
            if (limits.ShouldTell(evt.User!))
            {
                queue.TryEnqueue(new NoteThrottled(evt, limits.Text(retryAfter)));
            }

            return SlackAck.Accepted;
        }

        if (!queue.TryEnqueue(new AnswerMessage(evt)))
        {
            // Not acknowledged, so Slack delivers it again later; forget the id so that retry is answered.
            dedupe.Forget(evt.EventId);
            Log.QueueFull(logger, "message");
            metrics.Message("message", "busy");
            return new SlackAck(503, null, "PaperBot is busy");
        }

        return SlackAck.Accepted;
    }

    /// <summary>An interaction payload: 👍/👎 clicks are recorded and thanked for; anything else is acknowledged.</summary>
    public SlackAck AcceptInteraction(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object || payload.GetStringOrNull("type") is not { } type)
        {
            return SlackAck.Malformed("the interaction payload is not a JSON object with a type");
        }

        if (type != "block_actions" || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array)
        {
            return SlackAck.Accepted;
        }

        var user = payload.TryGetProperty("user", out var u) ? u.GetStringOrNull("id") ?? "unknown" : "unknown";
        Uri? responseUrl = null;
        if (payload.GetStringOrNull("response_url") is { } url)
        {
            if (!options.CurrentValue.IsAllowedResponseUrl(url, out var allowed))
            {
                return SlackAck.Malformed($"the interaction's response_url is not under {options.CurrentValue.ResponseUrlBase}");
            }

            responseUrl = allowed;
        }

        // A replayed click is the same request: same trigger_id (or, without one, the same action timestamp).
        var firstAction = actions.EnumerateArray().FirstOrDefault();
        var delivery = payload.GetStringOrNull("trigger_id") ?? (firstAction.GetStringOrNull("action_ts") is { } ts ? $"{user}:{ts}" : null);
        if (delivery is not null && !dedupe.TryRegister("interaction:" + delivery))
        {
            Log.DuplicateDelivery(logger, "interaction", delivery);
            metrics.Message("interaction", "duplicate");
            return SlackAck.Accepted;
        }

        foreach (var action in actions.EnumerateArray())
        {
            var actionId = action.GetStringOrNull("action_id");
            var answerId = action.GetStringOrNull("value");
            if (actionId == SlackMessageRenderer.RevealQuizActionId && responseUrl is not null
                && answerId is { Length: > 0 and <= 40 } quizId && quizId.All(char.IsAsciiLetterOrDigit))
            {
                queue.TryEnqueue(new RevealQuiz(responseUrl, quizId, user));
                continue;
            }

            if (actionId is not (SlackMessageRenderer.LikeActionId or SlackMessageRenderer.DislikeActionId)
                || string.IsNullOrWhiteSpace(answerId) || answerId.Length > 100)
            {
                continue;
            }

            var liked = actionId == SlackMessageRenderer.LikeActionId;
            if (!_votes.TryAdd($"{user}\n{answerId}"))
            {
                Log.FeedbackRepeated(logger, answerId, user);
                continue;
            }

            Log.FeedbackReceived(logger, liked ? "like" : "dislike", answerId, user);
            metrics.Feedback(liked);
            if (responseUrl is not null)
            {
                // Thanks are a courtesy: when the queue is full the click is still recorded.
                queue.TryEnqueue(new ThankForFeedback(responseUrl, liked));
            }
        }

        return SlackAck.Accepted;
    }
}
