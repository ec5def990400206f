namespace PaperBot.Channels.Slack.Tests.Infrastructure;

internal static class Test
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>An Events API envelope around one message event, with Slack's field names.</summary>
    public static object EventEnvelope(
        string eventId,
        string text,
        string type = "app_mention",
        string user = "UALICE",
        string? threadTs = null,
        string? botId = null,
        string? subtype = null,
        string? channelType = null,
        string channel = "C123") => new
        {
            type = "event_callback",
            event_id = eventId,
            team_id = "T1",
            api_app_id = "A1",
            @event = new { type, user, text, ts = "1700000100.000200", channel, thread_ts = threadTs, bot_id = botId, subtype, channel_type = channelType },
        };
}
