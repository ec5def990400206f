namespace PaperBot.Channels.Slack.WebApi;

/// <summary>
/// Who the bot is in this workspace (from <c>auth.test</c>), so its own messages are never answered. Handlers wait on
/// <see cref="Settled"/>, which completes once the first <c>auth.test</c> has succeeded or failed.
/// </summary>
internal sealed class SlackBotIdentity
{
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? UserId { get; private set; }

    public string? BotId { get; private set; }

    public Task Settled => _settled.Task;

    public void Learn(SlackAuthIdentity? identity)
    {
        if (identity is not null)
        {
            UserId = identity.UserId;
            BotId = identity.BotId;
        }

        _settled.TrySetResult();
    }
}
