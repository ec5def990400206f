using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace PaperBot.Testing.Logging;

/// <summary>
/// A logger provider for a host under test that passes on every line with one of the given event ids, in order: a
/// test waits for the next thing the product says it has done (each refresh of the readings, say), never sleeps.
/// </summary>
public sealed class LogStream(params int[] eventIds) : ILoggerProvider, ILogger
{
    private readonly Channel<(int EventId, string Message)> _lines = Channel.CreateUnbounded<(int, string)>();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventIds.Contains(id.Id))
        {
            _lines.Writer.TryWrite((id.Id, formatter(state, exception)));
        }
    }

    /// <summary>The next line with one of these event ids (earlier lines with other ids of the stream are passed over).</summary>
    public async Task<string> NextAsync(int eventId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var (id, message) = await _lines.Reader.ReadAsync(limit.Token).ConfigureAwait(false);
                if (id == eventId)
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no log line with event id {eventId} within {timeout.TotalSeconds} s");
        }
    }

    public void Dispose()
    {
    }
}
