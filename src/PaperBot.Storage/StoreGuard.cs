using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace PaperBot.Storage;

/// <summary>
/// Every call to the database passes here: it may take <see cref="StorageOptions.TimeoutSeconds"/>, and once the
/// database fails the store is left alone for <see cref="StorageOptions.RetrySeconds"/> (a circuit breaker), so a
/// database that goes away costs answers nothing. While it is away, memory and logging are off: one warning when it
/// goes, one line when it is back, never a stack trace.
/// </summary>
public sealed partial class StoreGuard
{
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<StoreGuard> _logger;

    /// <summary>1 once a failure has been warned of, until the store is back: one warning per outage, not one per call.</summary>
    private int _warned;

    public StoreGuard(StorageOptions options, ILogger<StoreGuard> logger, TimeProvider time)
    {
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(1, options.RetrySeconds)),
                BreakDuration = TimeSpan.FromSeconds(options.RetrySeconds),
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsStoreFailure),
                OnOpened = args =>
                {
                    Log.StoreUnavailable(_logger, args.BreakDuration.TotalSeconds, Describe(args.Outcome.Exception));
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    Interlocked.Exchange(ref _warned, 0);
                    Log.StoreBack(_logger);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds))
            .Build();
    }

    /// <summary>The value of <paramref name="call"/>, or <paramref name="fallback"/> while the database is away.</summary>
    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> call, T fallback, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async ct => await call(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException)
        {
            Log.Skipped(_logger, what);
            return fallback;
        }
        catch (Exception ex) when (IsStoreFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            if (Interlocked.Exchange(ref _warned, 1) == 0)
            {
                Log.CallFailed(_logger, what, Describe(ex));
            }

            return fallback;
        }
    }

    /// <summary>The value of <paramref name="call"/>; a failure is thrown as <see cref="StoreUnavailableException"/> (for reads a person waits on: the report).</summary>
    public async Task<T> ReadAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async ct => await call(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new StoreUnavailableException($"the store is unavailable, so {what} cannot be read; try again shortly", ex);
        }
        catch (Exception ex) when (IsStoreFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new StoreUnavailableException($"{what} cannot be read ({Describe(ex)})", ex);
        }
    }

    private static bool IsStoreFailure(Exception ex) =>
        ex is DbException or StoreOpenException or TimeoutRejectedException or SocketException or IOException or TimeoutException
            || (ex is InvalidOperationException && ex.Source is "Npgsql" or "Microsoft.Data.Sqlite");

    private static string Describe(Exception? ex) => ex switch
    {
        null => "no reason given",
        TimeoutRejectedException => "it did not answer in time",
        _ => string.Join(' ', ex.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)),
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Storage unavailable ({Reason}): conversation memory, quizzes, feedback and the question log are off; trying again in {Seconds} s. Answers go on.")]
        public static partial void StoreUnavailable(ILogger logger, double seconds, string reason);

        [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Storage is back: memory and the question log are on again.")]
        public static partial void StoreBack(ILogger logger);

        [LoggerMessage(EventId = 7003, Level = LogLevel.Debug, Message = "Storage unavailable: {What} skipped.")]
        public static partial void Skipped(ILogger logger, string what);

        [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Storage call failed: {What} skipped ({Reason}).")]
        public static partial void CallFailed(ILogger logger, string what, string reason);
    }
}

/// <summary>The store could not be read; the message is one line for a person.</summary>
public sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);
