using System.Text.Json;
using Dapper;
using PaperBot.Answering;

namespace PaperBot.Storage;

/// <summary>
/// The store in a database (<see cref="StoreDatabase"/>): conversation memory and quizzes here, the question log,
/// feedback and the delivery ledger in the other part. Conversation ids and user ids are kept only as salted hashes.
/// Every call passes <see cref="StoreGuard"/>: while the database is away, memory and logging are off and answers go on.
/// </summary>
public sealed partial class SqlStore(StoreDatabase database, StoreGuard guard, StorageOptions options, ConversationOptions conversations, TimeProvider time)
    : IConversationMemory, IQuizStore, IQuestionLog, IFeedbackStore, IDeliveryLedger
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private SaltedUserKeys? _keys;

    /// <summary>The keys of users and conversations, under the installation's salt.</summary>
    public IUserKeys Keys => _keys ??= new SaltedUserKeys(database.Salt);

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public Task<ConversationTurn?> LastTurnAsync(string conversationId, CancellationToken cancellationToken = default) =>
        guard.RunAsync<ConversationTurn?>("conversation memory", async ct =>
        {
            await using var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var row = await connection.QuerySingleOrDefaultAsync<TurnRow>(new CommandDefinition(
                """
                SELECT question AS Question, subject AS Subject, section_ids AS SectionIds FROM conversation_turns
                WHERE conversation_key = @key AND at_ms > @since ORDER BY at_ms DESC, turn_id DESC LIMIT 1
                """,
                new { key = ConversationKey(conversationId), since = Now - TtlMs },
                cancellationToken: ct)).ConfigureAwait(false);
            return row is null ? null : new ConversationTurn(row.Question, row.Subject, JsonSerializer.Deserialize<List<string>>(row.SectionIds, Json) ?? []);
        }, null, cancellationToken);

    public Task RememberAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken = default) =>
        guard.RunAsync("conversation memory", async ct =>
        {
            var key = ConversationKey(conversationId);
            await using var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            // A turn after the conversation went quiet starts it afresh, as in memory.
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM conversation_turns WHERE conversation_key = @key AND at_ms <= @since",
                new { key, since = Now - TtlMs }, transaction, cancellationToken: ct)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO conversation_turns (conversation_key, turn_id, at_ms, question, subject, section_ids)
                VALUES (@key, @id, @at, @question, @subject, @sections)
                """,
                new { key, id = Guid.CreateVersion7().ToString("N"), at = Now, question = turn.Question, subject = turn.Subject, sections = JsonSerializer.Serialize(turn.SectionIds, Json) },
                transaction, cancellationToken: ct)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                DELETE FROM conversation_turns WHERE conversation_key = @key AND turn_id NOT IN
                    (SELECT turn_id FROM conversation_turns WHERE conversation_key = @key ORDER BY at_ms DESC, turn_id DESC LIMIT @max)
                """,
                new { key, max = conversations.MaxTurns }, transaction, cancellationToken: ct)).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, false, cancellationToken);

    public Task SaveAsync(QuizCard quiz, CancellationToken cancellationToken = default) =>
        guard.RunAsync("quizzes", async ct =>
        {
            await using var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO quizzes (quiz_id, card, created_ms, expires_ms) VALUES (@id, @card, @now, @expires)
                ON CONFLICT (quiz_id) DO UPDATE SET card = excluded.card, expires_ms = excluded.expires_ms
                """,
                new { id = quiz.Id, card = JsonSerializer.Serialize(quiz, Json), now = Now, expires = Now + (long)TimeSpan.FromDays(options.QuizDays).TotalMilliseconds },
                cancellationToken: ct)).ConfigureAwait(false);
            return true;
        }, false, cancellationToken);

    public Task<QuizCard?> FindAsync(string quizId, CancellationToken cancellationToken = default) =>
        guard.RunAsync<QuizCard?>("quizzes", async ct =>
        {
            await using var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var card = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT card FROM quizzes WHERE quiz_id = @id AND expires_ms > @now",
                new { id = quizId.Trim(), now = Now }, cancellationToken: ct)).ConfigureAwait(false);
            return card is null ? null : JsonSerializer.Deserialize<QuizCard>(card, Json);
        }, null, cancellationToken);

    private long TtlMs => (long)TimeSpan.FromMinutes(conversations.TtlMinutes).TotalMilliseconds;

    /// <summary>A Teams conversation id or a Slack thread names its people's ids in places: kept only as a key.</summary>
    private string ConversationKey(string conversationId) => Keys.KeyOf("conversation\n" + conversationId);

    private sealed record TurnRow(string Question, string Subject, string SectionIds);
}
