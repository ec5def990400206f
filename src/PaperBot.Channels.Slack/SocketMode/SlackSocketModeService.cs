using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Channels.Slack.Processing;
using PaperBot.Channels.Slack.WebApi;
using PaperBot.Web;

namespace PaperBot.Channels.Slack.SocketMode;

/// <summary>
/// Socket Mode: Slack pushes the same events, commands and interactions over a WebSocket, so no public URL is needed.
/// Opens a URL with <c>apps.connections.open</c>, acknowledges every envelope by its <c>envelope_id</c>, hands the
/// payload to the same <see cref="SlackInbox"/> the HTTP endpoints use, and reconnects after a <c>disconnect</c>
/// (at once) or a dropped socket (with exponential backoff).
/// </summary>
internal sealed class SlackSocketModeService(
    SlackApiClient api,
    SlackInbox inbox,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackSocketModeService> logger) : BackgroundService
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);
    private const int MaxFrameBytes = 4 * 1024 * 1024;

    private enum Ending
    {
        Dropped,
        DisconnectRequested,
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.SocketModeEnabled)
        {
            return;
        }

        var connections = 0;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Exception? error = null;
            try
            {
                var url = await api.OpenConnectionAsync(stoppingToken);
                if (url is not null)
                {
                    using var socket = new ClientWebSocket();
                    await socket.ConnectAsync(url, stoppingToken);
                    Log.SocketConnected(logger, ++connections);
                    failures = 0;
                    if (await ServeAsync(socket, stoppingToken) == Ending.DisconnectRequested)
                    {
                        continue;
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Whatever went wrong with this connection, the next one starts clean.
                error = ex;
            }

            var delay = Backoff(++failures);
            Log.SocketLost(logger, error, delay);
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal static TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(failures - 1, 16)));

    private async Task<Ending> ServeAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            frame.SetLength(0);
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync(socket, "closed by peer");
                    return Ending.Dropped;
                }

                if (frame.Length + received.Count > MaxFrameBytes)
                {
                    Log.SocketFrameIgnored(logger, "frame larger than the limit; reconnecting");
                    await CloseAsync(socket, "frame too large");
                    return Ending.Dropped;
                }

                frame.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (received.MessageType == WebSocketMessageType.Text
                && await HandleFrameAsync(socket, frame.GetBuffer().AsMemory(0, (int)frame.Length), cancellationToken) == Ending.DisconnectRequested)
            {
                await CloseAsync(socket, "reconnecting");
                return Ending.DisconnectRequested;
            }
        }

        return Ending.Dropped;
    }

    private async Task<Ending?> HandleFrameAsync(ClientWebSocket socket, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        JsonObject? ack;
        using (var document = StrictJson.TryParse(frame, out var problem))
        {
            if (document is null)
            {
                Log.SocketFrameIgnored(logger, problem);
                return null;
            }

            var root = document.RootElement;
            switch (root.GetStringOrNull("type"))
            {
                case "hello":
                    return null;
                case "disconnect":
                    Log.SocketDisconnectRequested(logger, root.GetStringOrNull("reason") ?? "unknown");
                    return Ending.DisconnectRequested;
                case { } type when root.GetStringOrNull("envelope_id") is { } envelopeId:
                    ack = Acknowledge(type, envelopeId, root);
                    break;
                default:
                    Log.SocketFrameIgnored(logger, "unknown frame type or no envelope_id");
                    return null;
            }
        }

        if (ack is null)
        {
            // Not acknowledged on purpose: Slack delivers an unacknowledged envelope again, so a full queue loses nothing.
            return null;
        }

        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(ack), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        return null;
    }

    /// <summary>The envelope's ack: its id, plus the inbox's reply when Slack accepts one (a slash command's busy note).</summary>
    private JsonObject? Acknowledge(string type, string envelopeId, JsonElement envelope)
    {
        var payload = envelope.TryGetProperty("payload", out var p) ? p : default;
        var result = type switch
        {
            "events_api" => inbox.AcceptEvent(payload, envelope.TryGetProperty("retry_attempt", out var retry) ? retry.ToString() : null),
            "slash_commands" => inbox.AcceptCommand(Fields(payload)),
            "interactive" => inbox.AcceptInteraction(payload),
            _ => SlackAck.Accepted,
        };
        if (result.StatusCode != 200)
        {
            Log.SocketFrameIgnored(logger, $"{type} envelope refused: {result.Problem}");
        }

        if (result.StatusCode >= 500)
        {
            return null;
        }

        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (result.Body is not null && envelope.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True)
        {
            ack["payload"] = result.Body;
        }

        return ack;
    }

    /// <summary>A slash command envelope carries the same fields as the form post, as a JSON object.</summary>
    private static Dictionary<string, string> Fields(JsonElement payload)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (payload.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in payload.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
            {
                fields[property.Name] = property.Value.GetString()!;
            }
        }

        return fields;
    }

    private static async Task CloseAsync(ClientWebSocket socket, string reason)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The socket is being abandoned anyway.
        }
    }
}
