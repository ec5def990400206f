using Microsoft.Extensions.Options;
using PaperBot.Answering;
using PaperBot.Answering.Language;
using PaperBot.Knowledge;

namespace PaperBot.Host;

/// <summary>
/// Builds the index in the background right after start, so the first question does not pay for it. It never
/// blocks start-up and never stops the host: when the store is unreachable (Qdrant down) it tries again with a
/// growing pause, so a bot that started while Qdrant was down is indexed as soon as Qdrant is back, before anyone
/// asks. Questions in the meantime trigger their own attempt and get a clear "store unavailable" reply. The English
/// synonym table the answers use is read right after.
/// </summary>
internal sealed partial class KnowledgeWarmUp(KnowledgeBaseProvider knowledge, IOptions<AnsweringOptions> answering, ILogger<KnowledgeWarmUp> logger) : BackgroundService
{
    internal static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(2);
    internal static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = FirstPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (knowledge.Current is null)
                {
                    await knowledge.GetAsync(stoppingToken);
                }

                ReadSynonyms();
                return;
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return; // shutting down: whatever the build threw while being stopped is not news
            }
            catch (Exception ex)
            {
                LogWarmUpFailed(logger, knowledge.Store.Name, ex.GetType().Name, ex.Message, (int)pause.TotalSeconds);
            }

            try
            {
                await Task.Delay(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    /// <summary>The English synonym table is read now, not on the first question; a table missing from the build is reported once (answers go on without it).</summary>
    private void ReadSynonyms()
    {
        if (!answering.Value.Synonyms)
        {
            return;
        }

        if (Synonyms.TryEnglish() is null)
        {
            LogSynonymsMissing(logger);
        }
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "The English synonym table is missing from the build or damaged: questions are answered without synonyms and irregular forms")]
    private static partial void LogSynonymsMissing(ILogger logger);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "The {Store} index could not be built ({Error}: {Reason}); trying again in {Seconds} s")]
    private static partial void LogWarmUpFailed(ILogger logger, string store, string error, string reason, int seconds);
}
