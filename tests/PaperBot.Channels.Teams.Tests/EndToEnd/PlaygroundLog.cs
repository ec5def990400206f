using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;

namespace PaperBot.Channels.Teams.Tests.EndToEnd;

/// <summary>
/// The Agents Playground's log stream: a WebSocket that carries every activity in both directions, read in the
/// background and kept, so a test can wait for the event it expects (woken by each new event, bounded in time).
/// </summary>
internal sealed class PlaygroundLog : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonElement> _log = new();
    private readonly Channel<bool> _arrived = Channel.CreateUnbounded<bool>();
    private readonly CancellationTokenSource _stop = new();
    private readonly ClientWebSocket _socket = new();
    private Task _reader = Task.CompletedTask;

    /// <summary>Every log event so far.</summary>
    public IReadOnlyList<JsonElement> Events => [.. _log];

    public static async Task<PlaygroundLog> ConnectAsync(Uri stream)
    {
        var log = new PlaygroundLog();
        await log._socket.ConnectAsync(stream, CancellationToken.None);
        log._reader = Task.Run(log.ReadAsync);
        return log;
    }

    /// <summary>
    /// The bot's reply to the message whose text is <paramref name="sentText"/>: the log gives the id the Playground
    /// gave that message, and the reply is the bot's message activity with that <c>replyToId</c>.
    /// </summary>
    public async Task<JsonElement> WaitForReplyToAsync(string sentText)
    {
        var sent = await WaitForAsync(log => From(log, "Microsoft 365 Agents Playground") && Body(log) is { } body
            && body.TryGetProperty("text", out var text) && text.GetString() == sentText);
        var id = Body(sent)!.Value.GetProperty("id").GetString();
        var reply = await WaitForAsync(log => From(log, "User Application") && Body(log) is { } body
            && body.TryGetProperty("type", out var type) && type.GetString() == "message"
            && body.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == id);
        return Body(reply)!.Value;
    }

    /// <summary>The first log event that matches, waiting for it: bounded, and woken by each new event rather than by a timer.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            foreach (var entry in _log)
            {
                if (entry.TryGetProperty("log", out var log) && log.ValueKind == JsonValueKind.Object && match(log))
                {
                    return log;
                }
            }

            try
            {
                await _arrived.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No matching event in the Playground's log. Last events:\n" + string.Join('\n', _log.Select(e => e.GetRawText()).TakeLast(10)));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        _socket.Dispose();
        await _reader;
        _stop.Dispose();
    }

    private static bool From(JsonElement log, string sender) => log.TryGetProperty("from", out var from) && from.GetString() == sender;

    private static JsonElement? Body(JsonElement log) =>
        log.TryGetProperty("request", out var request) && request.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object ? body : null;

    private async Task ReadAsync()
    {
        var buffer = new byte[256 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                try
                {
                    _log.Enqueue(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                    _arrived.Writer.TryWrite(true);
                }
                catch (JsonException)
                {
                }

                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
    }
}
