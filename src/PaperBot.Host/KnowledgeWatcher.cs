using Microsoft.Extensions.Options;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Configuration;

namespace PaperBot.Host;

/// <summary>
/// Picks up readings added to, changed in or removed from the readings folder while the host runs
/// (<c>Knowledge:Watch</c>, on by default). File events are debounced (<c>Knowledge:WatchDebounceMs</c> of quiet
/// after the last one), then the provider refreshes: only texts the cache lacks are embedded, and questions keep
/// being answered from the readings loaded before until the new ones are ready. A reading that fails to load is
/// reported in the log and the others keep serving; a refresh that fails (the store away) is tried again at the
/// next change, or after a pause.
/// </summary>
internal sealed partial class KnowledgeWatcher(
    KnowledgeBaseProvider knowledge,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeWatcher> logger) : BackgroundService
{
    private static readonly string[] Watched = [".pdf", ".md", ".txt", ".json"];
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _changed = new(0, int.MaxValue);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch)
        {
            return;
        }

        var folder = knowledge.Folder;
        FileSystemWatcher watcher;
        try
        {
            Directory.CreateDirectory(folder);
            watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            LogCannotWatch(logger, folder, ex.Message);
            return;
        }

        using (watcher)
        {
            watcher.Changed += OnEvent;
            watcher.Created += OnEvent;
            watcher.Deleted += OnEvent;
            watcher.Renamed += OnEvent;
            watcher.Error += (_, e) =>
            {
                // Events were lost (the buffer overflowed): read the folder again to be sure.
                LogWatchError(logger, folder, e.GetException().Message);
                _changed.Release();
            };
            try
            {
                watcher.EnableRaisingEvents = true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // For instance the system's limit of inotify instances reached.
                LogCannotWatch(logger, folder, ex.Message);
                return;
            }

            LogWatching(logger, folder, options.Value.WatchDebounceMs);
            await WatchAsync(stoppingToken);
        }
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        var names = e is RenamedEventArgs renamed ? new[] { e.Name, renamed.OldName } : [e.Name];
        if (names.Any(n => n is not null && Watched.Contains(Path.GetExtension(n), StringComparer.OrdinalIgnoreCase) && !Path.GetFileName(n).StartsWith('.')))
        {
            _changed.Release();
        }
    }

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        var debounce = TimeSpan.FromMilliseconds(options.Value.WatchDebounceMs);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _changed.WaitAsync(stoppingToken);

                // Quiet for the whole debounce: every event inside it starts the wait again.
                do
                {
                    Drain();
                    await Task.Delay(debounce, time, stoppingToken);
                }
                while (_changed.CurrentCount > 0);

                await RefreshAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        try
        {
            var refresh = await knowledge.RefreshAsync(cancellationToken: stoppingToken);
            if (refresh.Unchanged)
            {
                LogUnchanged(logger);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogRefreshFailed(logger, ex.GetType().Name, ex.Message, (int)RetryPause.TotalSeconds);
            _ = RetryLaterAsync(stoppingToken);
        }
    }

    private async Task RetryLaterAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(RetryPause, time, stoppingToken);
            _changed.Release();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Drain()
    {
        while (_changed.Wait(0))
        {
        }
    }

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Knowledge: watching {Folder} for readings added, changed or removed ({Debounce} ms of quiet before reading them)")]
    private static partial void LogWatching(ILogger logger, string folder, int debounce);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Information, Message = "Knowledge: the readings folder changed, but no reading did")]
    private static partial void LogUnchanged(ILogger logger);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Warning, Message = "Knowledge: the readings could not be refreshed ({Error}: {Reason}); the readings loaded before keep serving; trying again in {Seconds} s")]
    private static partial void LogRefreshFailed(ILogger logger, string error, string reason, int seconds);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Warning, Message = "Knowledge: cannot watch {Folder} ({Reason}); readings added there are read at the next start")]
    private static partial void LogCannotWatch(ILogger logger, string folder, string reason);

    [LoggerMessage(EventId = 1024, Level = LogLevel.Warning, Message = "Knowledge: watching {Folder} lost events ({Reason}); reading the folder again")]
    private static partial void LogWatchError(ILogger logger, string folder, string reason);
}
