using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Configuration;

namespace PaperBot.Retrieval.Qdrant;

/// <summary>
/// When Qdrant is the store, keeps trying to index the readings in the background until it works, so a bot that
/// started while Qdrant was down is indexed as soon as Qdrant is back, before anyone asks. It never blocks start-up
/// and never stops the host. It waits a moment before its first try, so the host's own start-up build goes first;
/// once an index is built it has nothing to do.
/// </summary>
public sealed class KnowledgeWarmUpService(
    KnowledgeBaseProvider provider,
    IOptions<RetrievalOptions> retrieval,
    ILogger<KnowledgeWarmUpService> logger) : BackgroundService
{
    internal static readonly TimeSpan FirstTry = TimeSpan.FromSeconds(2);
    internal static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (retrieval.Value.Store != RetrievalStores.Qdrant)
        {
            return;
        }

        var pause = FirstTry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(pause, stoppingToken).ConfigureAwait(false);
                if (provider.Current is not null)
                {
                    return;
                }

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
                // Any failure is survived: the next try, or the next question, reports it again.
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
                Log.WarmUpFailed(logger, provider.Store.Name, ex.Message, (int)pause.TotalSeconds);
            }
        }
    }
}
