namespace PaperBot.Channels.Slack.Handlers;

/// <summary>
/// Handles the clicks on one Block Kit element, by its <c>action_id</c>, registered with
/// <see cref="SlackServiceCollectionExtensions.AddSlackActionHandler{THandler}"/>. The interaction is acknowledged
/// whatever the handler does; slow work goes on the queue.
/// </summary>
internal interface ISlackActionHandler
{
    void Handle(SlackAction action);
}

/// <summary>
/// One action of a <c>block_actions</c> interaction: its id and value, who clicked, and the <c>response_url</c> to
/// answer through (already checked against <c>Slack:ResponseUrlBase</c>; null when the payload has none).
/// </summary>
internal sealed record SlackAction(string ActionId, string? Value, string UserId, Uri? ResponseUrl);
