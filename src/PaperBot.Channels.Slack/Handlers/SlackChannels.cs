namespace PaperBot.Channels.Slack.Handlers;

/// <summary>
/// How a Slack channel (a channel, a group DM, a DM) is named to the answer service: <c>slack:C0123</c>, so the
/// readings it chose with <c>/paper use …</c> apply to every question asked in it, by slash command, @mention, DM or
/// a click, and to no other channel. The store keeps only a salted key of it.
/// </summary>
internal static class SlackChannels
{
    public static string? Key(string? channelId) => channelId is { Length: > 0 } id ? "slack:" + id : null;
}
