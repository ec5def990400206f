namespace PaperBot.Channels.Slack.Inbound;

/// <summary>One <c>/paper …</c> invocation, from a form post (HTTP) or a <c>slash_commands</c> envelope (Socket Mode).</summary>
internal sealed record SlashCommand(string Command, string Text, string UserId, string ChannelId, Uri ResponseUrl)
{
    /// <summary>Slash commands cannot be used in threads, so the channel is the conversation.</summary>
    public string ConversationId => ChannelId;

    public static SlashCommand? TryCreate(IReadOnlyDictionary<string, string> fields, out string problem)
    {
        problem = "";
        if (!fields.TryGetValue("command", out var command) || string.IsNullOrWhiteSpace(command))
        {
            problem = "the field 'command' is missing";
            return null;
        }

        if (!fields.TryGetValue("response_url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var responseUrl)
            || (responseUrl.Scheme != Uri.UriSchemeHttps && responseUrl.Scheme != Uri.UriSchemeHttp))
        {
            problem = "the field 'response_url' is missing or not an http(s) URL";
            return null;
        }

        if (!fields.TryGetValue("user_id", out var user) || string.IsNullOrWhiteSpace(user)
            || !fields.TryGetValue("channel_id", out var channel) || string.IsNullOrWhiteSpace(channel))
        {
            problem = "the fields 'user_id' and 'channel_id' are required";
            return null;
        }

        return new SlashCommand(command.Trim(), fields.GetValueOrDefault("text", "").Trim(), user, channel, responseUrl);
    }
}
