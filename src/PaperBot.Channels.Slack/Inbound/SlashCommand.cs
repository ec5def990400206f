namespace PaperBot.Channels.Slack.Inbound;

/// <summary>One <c>/paper …</c> invocation, from a form post (HTTP) or a <c>slash_commands</c> envelope (Socket Mode).</summary>
internal sealed record SlashCommand(string Command, string Text, string UserId, string ChannelId, Uri ResponseUrl, string? TriggerId)
{
    /// <summary>Slash commands cannot be used in threads, so the channel is the conversation.</summary>
    public string ConversationId => ChannelId;

    /// <summary>The command, or null with the problem; the <c>response_url</c> must be one <paramref name="options"/> allows.</summary>
    public static SlashCommand? TryCreate(IReadOnlyDictionary<string, string> fields, SlackOptions options, out string problem)
    {
        problem = "";
        if (!fields.TryGetValue("command", out var command) || string.IsNullOrWhiteSpace(command))
        {
            problem = "the field 'command' is missing";
            return null;
        }

        if (!options.IsAllowedResponseUrl(fields.GetValueOrDefault("response_url"), out var responseUrl))
        {
            problem = $"the field 'response_url' is missing or not under {options.ResponseUrlBase}";
            return null;
        }

        if (!fields.TryGetValue("user_id", out var user) || string.IsNullOrWhiteSpace(user)
            || !fields.TryGetValue("channel_id", out var channel) || string.IsNullOrWhiteSpace(channel))
        {
            problem = "the fields 'user_id' and 'channel_id' are required";
            return null;
        }

        return new SlashCommand(command.Trim(), fields.GetValueOrDefault("text", "").Trim(), user, channel, responseUrl, fields.GetValueOrDefault("trigger_id"));
    }
}
