using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Configuration;

namespace PaperBot.Retrieval.Qdrant;

/// <summary>
/// When Qdrant is the store, indexes the readings in the background right after start, so the first question does
/// not pay for it. It never blocks start-up and never stops the host: while Qdrant is down it tries again with a
/// growing pause (the provider keeps no failed build), and a question asked meanwhile tries too.
/// </summary>
public sealed class KnowledgeWarmUpService(
    KnowledgeBaseProvider provider,
    IOptions<RetrievalOptions> retrieval,
    ILogger<KnowledgeWarmUpService> logger) : BackgroundService
{
    internal static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    internal static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (retrieval.Value.Store != RetrievalStores.Qdrant)
        {
            return;
        }

        await Task.Yield();
        var delay = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await provider.GetAsync(stoppingToken).ConfigureAwait(false);
                Log.WarmUpSucceeded(logger, provider.Store.Name);
                return;
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: whatever the build threw while being stopped is not news.
                return;
            }
            catch (Exception ex)
            {
                // A background warm-up survives any failure: the next try, or the next question, reports it again.
                Log.WarmUpFailed(logger, provider.Store.Name, ex.Message, (int)delay.TotalSeconds);
            }

            try
            {
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetry.Ticks));
        }
    }
}
