using System.Net.WebSockets;
using System.Text.Json;

namespace PaperBot.Testing.Loopback;

/// <summary>JSON frames over a WebSocket, as Slack's Socket Mode sends and reads them.</summary>
public static class WebSocketJson
{
    public static Task SendJsonAsync(this WebSocket socket, object value, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(value), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>The next text frame as JSON, or null when the socket closed.</summary>
    public static async Task<JsonElement?> ReceiveJsonAsync(this WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            frame.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonDocument.Parse(frame.ToArray()).RootElement.Clone();
    }

    /// <summary>Reads until the client closes, then completes the close handshake.</summary>
    public static async Task DrainUntilClosedAsync(this WebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            while (await socket.ReceiveJsonAsync(cancellationToken) is not null)
            {
            }

            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
    }
}
