using Microsoft.Extensions.Logging;

namespace PaperBot.Testing.Logging;

/// <summary>
/// A logger provider for a host under test that hands the message of the first line with <c>eventId</c> to a task:
/// a test waits on what the product says it has done, instead of sleeping.
/// </summary>
public sealed class LogSignal(int eventId) : ILoggerProvider, ILogger
{
    private readonly TaskCompletionSource<string> _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The first such line's message, once it is logged.</summary>
    public Task<string> Logged => _signal.Task;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (id.Id == eventId)
        {
            _signal.TrySetResult(formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
