using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PaperBot.Storage;

/// <summary>What was removed: rows per table.</summary>
public sealed record Removed(int Questions, int Feedback, int ConversationTurns, int Quizzes, int Deliveries)
{
    public int Total => Questions + Feedback + ConversationTurns + Quizzes + Deliveries;
}

/// <summary>
/// Retention and deletion on request. Questions and feedback older than <see cref="StorageOptions.RetentionDays"/>
/// go; expired conversation turns, quizzes and delivery claims go too. <see cref="ForgetUserAsync"/> removes every
/// question and vote of one user (found by the user's key: the platform id is never stored).
/// </summary>
public sealed class StoreMaintenance(StoreDatabase database, SqlStore store, StorageOptions options, ConversationOptions conversations, TimeProvider time)
{
    public async Task<Removed> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var retained = (now - TimeSpan.FromDays(options.RetentionDays)).ToUnixTimeMilliseconds();
        var quiet = (now - TimeSpan.FromMinutes(conversations.TtlMinutes)).ToUnixTimeMilliseconds();
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return new Removed(
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM questions WHERE at_ms < @retained", new { retained }, cancellationToken: cancellationToken)).ConfigureAwait(false),
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM feedback WHERE at_ms < @retained", new { retained }, cancellationToken: cancellationToken)).ConfigureAwait(false)
                + await connection.ExecuteAsync(new CommandDefinition("DELETE FROM replies WHERE at_ms < @retained", new { retained }, cancellationToken: cancellationToken)).ConfigureAwait(false),
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM conversation_turns WHERE at_ms <= @quiet", new { quiet }, cancellationToken: cancellationToken)).ConfigureAwait(false),
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM quizzes WHERE expires_ms <= @nowMs", new { nowMs }, cancellationToken: cancellationToken)).ConfigureAwait(false),
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM deliveries WHERE expires_ms <= @nowMs", new { nowMs }, cancellationToken: cancellationToken)).ConfigureAwait(false));
    }

    /// <summary>Removes the questions and votes of the user with this platform id (a Slack <c>U…</c>, a Teams AAD object id).</summary>
    public async Task<Removed> ForgetUserAsync(string platformUserId, CancellationToken cancellationToken = default)
    {
        var key = store.Keys.KeyOf(platformUserId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return new Removed(
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM questions WHERE user_key = @key", new { key }, cancellationToken: cancellationToken)).ConfigureAwait(false),
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM feedback WHERE user_key = @key", new { key }, cancellationToken: cancellationToken)).ConfigureAwait(false),
            0,
            0,
            0);
    }
}

/// <summary>Runs <see cref="StoreMaintenance.PurgeExpiredAsync"/> at start and every hour; a failure is a warning, never a crash.</summary>
public sealed partial class RetentionService(StoreMaintenance maintenance, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                var removed = await maintenance.PurgeExpiredAsync(stoppingToken).ConfigureAwait(false);
                if (removed.Total > 0)
                {
                    Log.Purged(logger, removed.Questions, removed.Feedback, removed.ConversationTurns, removed.Quizzes, removed.Deliveries);
                }
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or TimeoutException or InvalidOperationException)
            {
                Log.PurgeFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7010, Level = LogLevel.Information, Message = "Retention: removed {Questions} question(s), {Feedback} vote(s), {Turns} conversation turn(s), {Quizzes} quiz(zes), {Deliveries} delivery claim(s).")]
        public static partial void Purged(ILogger logger, int questions, int feedback, int turns, int quizzes, int deliveries);

        [LoggerMessage(EventId = 7011, Level = LogLevel.Warning, Message = "Retention could not run this time ({Reason}); it tries again within the hour.")]
        public static partial void PurgeFailed(ILogger logger, string reason);
    }
}
