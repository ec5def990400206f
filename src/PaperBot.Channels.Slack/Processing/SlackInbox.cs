using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Channels.Slack.Handlers;
using PaperBot.Channels.Slack.Inbound;
using PaperBot.Channels.Slack.WebApi;

namespace PaperBot.Channels.Slack.Processing;

/// <summary>
/// Where every Slack request lands once it is trusted, whichever transport brought it (HTTP or Socket Mode): it reads
/// the protocol's envelope and hands the command, the event or each action to the handler registered for its type
/// (<see cref="SlackHandlerRegistry"/>), whose acknowledgement it returns at once, well inside Slack's 3 seconds.
/// What no handler is registered for is acknowledged and ignored.
/// </summary>
internal sealed class SlackInbox(
    SlackHandlerRegistry handlers,
    EventDeduplicator dedupe,
    SlackMetrics metrics,
    IOptionsMonitor<SlackOptions> options,
    ILogger<SlackInbox> logger)
{
    /// <summary>A slash command: its fields from a form post or from a <c>slash_commands</c> envelope.</summary>
    public SlackAck AcceptCommand(IReadOnlyDictionary<string, string> fields)
    {
        var settings = options.CurrentValue;
        var command = SlashCommand.TryCreate(fields, settings, out var problem);
        if (command is null)
        {
            return SlackAck.Malformed(problem);
        }

        if (handlers.ForCommand(command.Command) is not { } handler)
        {
            Log.UnknownCommand(logger, command.Command);
            return SlackAck.Ephemeral($"PaperBot answers {settings.Command}, not {command.Command}.");
        }

        return handler.Handle(command);
    }

    /// <summary>An Events API body: <c>url_verification</c> or an <c>event_callback</c> envelope.</summary>
    public SlackAck AcceptEvent(JsonElement envelope, string? retryNum = null)
    {
        if (envelope.ValueKind != JsonValueKind.Object)
        {
            return SlackAck.Malformed("the event body is not a JSON object");
        }

        var type = envelope.GetStringOrNull("type");
        if (type == "url_verification")
        {
            var challenge = envelope.GetStringOrNull("challenge");
            return challenge is null
                ? SlackAck.Malformed("url_verification without a challenge")
                : SlackAck.Reply(new JsonObject { ["challenge"] = challenge });
        }

        if (type != "event_callback")
        {
            return type is null ? SlackAck.Malformed("the event body has no type") : SlackAck.Accepted;
        }

        if (!envelope.TryGetProperty("event", out var inner) || inner.ValueKind != JsonValueKind.Object)
        {
            return SlackAck.Malformed("event_callback without an event object");
        }

        var eventType = inner.GetStringOrNull("type");
        if (handlers.ForEvent(eventType) is not { } handler)
        {
            // Some other event this app was subscribed to: acknowledged, not answered.
            Log.EventIgnored(logger, envelope.GetStringOrNull("event_id") ?? "-", $"no handler for event type {eventType ?? "(none)"}");
            metrics.Message("message", "ignored");
            return SlackAck.Accepted;
        }

        return handler.Handle(new SlackEventDelivery(envelope, eventType!, retryNum));
    }

    /// <summary>An interaction payload: each action of a <c>block_actions</c> goes to its handler; anything else is acknowledged.</summary>
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

        var message = MessageOf(payload);
        foreach (var action in actions.EnumerateArray())
        {
            var actionId = action.GetStringOrNull("action_id");
            handlers.ForAction(actionId)?.Handle(new SlackAction(actionId!, action.GetStringOrNull("value"), user, responseUrl, message) { Delivery = delivery is null ? null : $"interaction:{delivery}:{actionId}" });
        }

        return SlackAck.Accepted;
    }

    /// <summary>
    /// The message the click was on, from the payload's <c>channel</c>, <c>message</c> and <c>container</c> (an
    /// ephemeral message has no <c>message</c>, only a <c>container</c>); null when the channel or the ts is missing.
    /// </summary>
    private static SlackActionMessage? MessageOf(JsonElement payload)
    {
        var container = payload.TryGetProperty("container", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var message = payload.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var channel = (payload.TryGetProperty("channel", out var ch) && ch.ValueKind == JsonValueKind.Object ? ch.GetStringOrNull("id") : null)
            ?? container.GetStringOrNull("channel_id");
        var ts = message.GetStringOrNull("ts") ?? container.GetStringOrNull("message_ts");
        if (channel is null || ts is null)
        {
            return null;
        }

        var ephemeral = container.ValueKind == JsonValueKind.Object && container.TryGetProperty("is_ephemeral", out var e) && e.ValueKind == JsonValueKind.True;
        return new SlackActionMessage(channel, ts, message.GetStringOrNull("thread_ts") ?? container.GetStringOrNull("thread_ts"), ephemeral);
    }
}
