namespace PaperBot.Channels.Teams.Connector;

/// <summary>The bearer token PaperBot shows the Bot Connector when it replies.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>A token for <c>https://api.botframework.com</c>, or null when the bot has no app id (local development).</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
