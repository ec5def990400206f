using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PaperBot.Channels.Slack.Handlers;
using PaperBot.Channels.Slack.Inbound;
using PaperBot.Channels.Slack.Processing;

namespace PaperBot.Channels.Slack.Tests.Handlers;

/// <summary>What the test handlers were handed, in order.</summary>
internal sealed class HandlerLog
{
    public ConcurrentQueue<string> Entries { get; } = new();
}

/// <summary>Records the events it is given and acknowledges with a body that says who handled them.</summary>
internal sealed class RecordingEventHandler(HandlerLog log) : ISlackEventHandler
{
    public SlackAck Handle(SlackEventDelivery delivery)
    {
        log.Entries.Enqueue($"event {delivery.EventType} {delivery.Envelope.GetProperty("event_id").GetString()}");
        return SlackAck.Reply(new JsonObject { ["handled_by"] = "test" });
    }
}

/// <summary>Answers a slash command in its acknowledgement, without the answer service.</summary>
internal sealed class EchoCommandHandler(HandlerLog log) : ISlackCommandHandler
{
    public SlackAck Handle(SlashCommand command)
    {
        log.Entries.Enqueue($"command {command.Command} {command.Text}");
        return SlackAck.Ephemeral($"echo: {command.Text}");
    }
}

/// <summary>Records the clicks it is given.</summary>
internal sealed class RecordingActionHandler(HandlerLog log) : ISlackActionHandler
{
    public void Handle(SlackAction action) =>
        log.Entries.Enqueue($"action {action.ActionId} {action.Value} {action.UserId} {action.ResponseUrl}");
}
