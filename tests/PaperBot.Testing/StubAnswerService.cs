using PaperBot.Answering;

namespace PaperBot.Testing;

/// <summary>
/// An answer service double for the channel tests: answers with <see cref="Next"/> (by default the
/// <see cref="CannedAnswers.ByQuestion"/> answers), records every question it is asked, can be held back on purpose
/// with <see cref="Gate"/>, and lets a test wait until a number of questions have come in.
/// </summary>
public sealed class StubAnswerService : IAnswerService
{
    private readonly Lock _lock = new();
    private readonly List<AskRequest> _asked = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    /// <summary>What the service answers a request with; may throw, as a failing service does.</summary>
    public Func<AskRequest, Answer> Next { get; set; } = CannedAnswers.ByQuestion;

    /// <summary>When set, every question waits until this completes (or the caller gives up): answering made slow on purpose.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Every question asked so far, in order (recorded before the gate).</summary>
    public IReadOnlyList<AskRequest> Asked
    {
        get
        {
            lock (_lock)
            {
                return [.. _asked];
            }
        }
    }

    public async Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        List<TaskCompletionSource> ready;
        lock (_lock)
        {
            _asked.Add(request);
            ready = _waiters.Where(w => w.Count <= _asked.Count).Select(w => w.Signal).ToList();
            _waiters.RemoveAll(w => w.Count <= _asked.Count);
        }

        ready.ForEach(s => s.TrySetResult());
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return Next(request);
    }

    /// <summary>Completes once at least <paramref name="count"/> questions have been asked; fails after the bound.</summary>
    public Task WaitForAskedAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_asked.Count >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, signal));
        }

        return signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(15), cancellationToken);
    }
}
