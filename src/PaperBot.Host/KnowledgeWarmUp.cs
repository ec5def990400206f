using PaperBot.Knowledge;

namespace PaperBot.Host;

/// <summary>
/// Builds the index in the background right after start, so the first question does not pay for it. A failure
/// (an unreachable store) is logged, not fatal: the next question or health check tries again.
/// </summary>
internal sealed partial class KnowledgeWarmUp(KnowledgeBaseProvider knowledge, ILogger<KnowledgeWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await knowledge.GetAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogWarmUpFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "The index could not be built at start ({Error}: {Reason}); the next question will try again")]
    private static partial void LogWarmUpFailed(ILogger logger, string error, string reason);
}
