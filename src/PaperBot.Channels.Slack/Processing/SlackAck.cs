using System.Text.Json.Nodes;

namespace PaperBot.Channels.Slack.Processing;

/// <summary>
/// How a request was acknowledged: 200 with no body (plain ack), 200 with a body Slack shows or reads, or an error
/// status with a problem title. HTTP writes it as the response; Socket Mode puts the body in the envelope ack.
/// </summary>
internal sealed record SlackAck(int StatusCode, JsonObject? Body = null, string? Problem = null)
{
    public static SlackAck Accepted { get; } = new(200);

    public static SlackAck Reply(JsonObject body) => new(200, body);

    public static SlackAck Malformed(string problem) => new(400, null, problem);

    public static SlackAck Ephemeral(string text) => Reply(new JsonObject { ["response_type"] = "ephemeral", ["text"] = text });
}
