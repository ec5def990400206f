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
/// One action of a <c>block_actions</c> interaction: its id and value, who clicked, the <c>response_url</c> to
/// answer through (already checked against <c>Slack:ResponseUrlBase</c>; null when the payload has none), and the
/// message the clicked element is on (null when the payload does not say).
/// </summary>
internal sealed record SlackAction(string ActionId, string? Value, string UserId, Uri? ResponseUrl, SlackActionMessage? Message = null)
{
    /// <summary>
    /// The click's delivery key (its trigger id and action), for a handler that posts to claim in the shared ledger
    /// (<see cref="Processing.EventDeduplicator.ClaimAsync"/>) so a replay that reached another replica posts once.
    /// </summary>
    public string? Delivery { get; init; }
}

/// <summary>The message a clicked element is on: its channel, its <c>ts</c>, the thread it is in, and whether only the clicker sees it.</summary>
internal sealed record SlackActionMessage(string Channel, string Ts, string? ThreadTs, bool Ephemeral)
{
    /// <summary>A reply goes into the thread the message is in, or starts one under it.</summary>
    public string ReplyThreadTs => ThreadTs ?? Ts;

    /// <summary><c>channel:thread_ts</c>, as for a question asked in that thread: follow-ups there share memory.</summary>
    public string ConversationId => $"{Channel}:{ReplyThreadTs}";
}
