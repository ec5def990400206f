using System.Text.Json;
using PaperBot.Channels.Slack.Processing;

namespace PaperBot.Channels.Slack.Handlers;

/// <summary>
/// Handles one Events API event type (<c>app_mention</c>, <c>message</c> …), registered with
/// <see cref="SlackServiceCollectionExtensions.AddSlackEventHandler{THandler}"/>. The same handler serves HTTP and
/// Socket Mode.
/// </summary>
internal interface ISlackEventHandler
{
    /// <summary>
    /// The acknowledgement, decided at once (Slack waits 3 seconds at most); slow work goes on the
    /// <see cref="SlackWorkQueue"/>. The envelope is read here only: it is gone once this returns.
    /// </summary>
    SlackAck Handle(SlackEventDelivery delivery);
}

/// <summary>One <c>event_callback</c>: its envelope (<c>event_id</c>, <c>event</c> …) and Slack's retry number when it is a redelivery.</summary>
internal sealed record SlackEventDelivery(JsonElement Envelope, string EventType, string? RetryNum);
