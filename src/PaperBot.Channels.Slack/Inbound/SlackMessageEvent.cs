using System.Text.Json;

namespace PaperBot.Channels.Slack.Inbound;

/// <summary>The parts of an <c>app_mention</c> or <c>message</c> event the bot acts on.</summary>
internal sealed record SlackMessageEvent(
    string EventId,
    string Type,
    string Channel,
    string Ts,
    string Text,
    string? User = null,
    string? BotId = null,
    string? Subtype = null,
    string? ChannelType = null,
    string? ThreadTs = null)
{
    /// <summary>Replies go into the thread the message started or belongs to.</summary>
    public string ReplyThreadTs => ThreadTs ?? Ts;

    /// <summary><c>channel:thread_ts</c>: follow-ups in one thread share the answer service's memory.</summary>
    public string ConversationId => $"{Channel}:{ReplyThreadTs}";

    /// <summary>Reads an <c>event_callback</c> envelope; null when it carries no usable message.</summary>
    public static SlackMessageEvent? TryRead(JsonElement envelope)
    {
        if (!envelope.TryGetProperty("event", out var evt) || evt.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var type = evt.GetString("type");
        var channel = evt.GetString("channel");
        var ts = evt.GetString("ts");
        if (type is null || channel is null || ts is null)
        {
            return null;
        }

        return new SlackMessageEvent(
            EventId: envelope.GetString("event_id") ?? $"{channel}:{ts}",
            Type: type,
            Channel: channel,
            Ts: ts,
            Text: evt.GetString("text") ?? "",
            User: evt.GetString("user"),
            BotId: evt.GetString("bot_id"),
            Subtype: evt.GetString("subtype"),
            ChannelType: evt.GetString("channel_type"),
            ThreadTs: evt.GetString("thread_ts"));
    }
}

internal static class JsonElementExtensions
{
    /// <summary>A string property, or null when it is missing or not a string.</summary>
    public static string? GetString(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
