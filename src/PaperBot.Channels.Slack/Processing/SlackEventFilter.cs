using PaperBot.Channels.Slack.Inbound;
using PaperBot.Channels.Slack.WebApi;

namespace PaperBot.Channels.Slack.Processing;

/// <summary>
/// Which messages the bot answers: mentions in channels and direct messages from people. Never its own messages,
/// never another bot's (two bots answering each other would loop), never edits, joins or other subtypes.
/// </summary>
internal static class SlackEventFilter
{
    /// <summary>Why the event is not answered, or null when it should be.</summary>
    public static string? ReasonToIgnore(SlackMessageEvent evt, SlackBotIdentity identity)
    {
        var supported = evt.Type == "app_mention" || (evt.Type == "message" && evt.ChannelType == "im");
        if (!supported)
        {
            return $"event type {evt.Type}/{evt.ChannelType ?? "-"} is not answered";
        }

        if ((evt.BotId is not null && evt.BotId == identity.BotId) || (evt.User is not null && evt.User == identity.UserId))
        {
            return "the bot's own message";
        }

        if (evt.BotId is not null || evt.Subtype == "bot_message")
        {
            return "another bot's message";
        }

        if (evt.Subtype is not null)
        {
            return $"message subtype {evt.Subtype}";
        }

        return evt.User is null ? "no user" : null;
    }
}
