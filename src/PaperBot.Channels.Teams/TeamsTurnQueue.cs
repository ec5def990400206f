using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaperBot.Channels.Teams;

/// <summary>
/// Turns accepted by <c>POST /api/messages</c> and waiting to be answered.
/// Why not answer inline: the Bot Connector wants its 200 within seconds and retries (so duplicates the question)
/// when it does not get one, while a reply may wait on throttling (429 with Retry-After, several retries). So the
/// endpoint acknowledges at once and the answer is sent from here. Bounded, so a flood is refused with 503 rather
/// than held in memory.
/// </summary>
internal sealed class TeamsTurnQueue
{
    public const string QueueDepthGauge = "paperbot.teams.queue.depth";

    private readonly Channel<TeamsTurn> _turns;

    public TeamsTurnQueue(IMeterFactory meters, IOptions<TeamsOptions> options)
    {
        _turns = Channel.CreateBounded<TeamsTurn>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        meters.Create(FeedbackRecorder.MeterName).CreateObservableGauge(QueueDepthGauge, () => _turns.Reader.Count, "{turn}", "Teams turns waiting to be answered.");
    }

    public bool TryEnqueue(TeamsTurn turn) => _turns.Writer.TryWrite(turn);

    internal ChannelReader<TeamsTurn> Reader => _turns.Reader;
}

/// <summary>Answers queued turns, <see cref="TeamsOptions.MaxConcurrentAnswers"/> at a time, until the host stops.</summary>
internal sealed class TeamsTurnWorker(TeamsTurnQueue queue, TeamsBot bot, IOptions<TeamsOptions> options, ILogger<TeamsTurnWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Parallel.ForEachAsync(
                queue.Reader.ReadAllAsync(stoppingToken),
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentAnswers, CancellationToken = stoppingToken },
                async (turn, ct) => await bot.HandleAsync(turn, ct));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Log.WorkerStopped(logger);
        }
    }
}
