using System.Text.Json;
using Dapper;
using PaperBot.Answering;

namespace PaperBot.Storage;

public sealed partial class SqlStore
{
    public Task RecordAsync(QuestionRecord record, CancellationToken cancellationToken = default) =>
        guard.RunAsync("the question log", async ct =>
        {
            await using var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO questions (answer_id, at_ms, front_end, user_key, question, status, reason, kind, follow_up, sections)
                VALUES (@id, @at, @frontEnd, @user, @question, @status, @reason, @kind, @followUp, @sections)
                ON CONFLICT (answer_id) DO NOTHING
                """,
                new
                {
                    id = record.AnswerId,
                    at = record.At.ToUnixTimeMilliseconds(),
                    frontEnd = record.FrontEnd,
                    user = record.UserKey,
                    question = record.Question,
                    status = StatusName(record.Status),
                    reason = record.Reason,
                    kind = record.Kind,
                    followUp = record.FollowUp ? 1 : 0,
                    sections = JsonSerializer.Serialize(record.Sections, Json),
                },
                cancellationToken: ct)).ConfigureAwait(false);
            return true;
        }, false, cancellationToken);

    public Task<IReadOnlyList<QuestionRecord>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        guard.ReadAsync<IReadOnlyList<QuestionRecord>>("the question log", async ct =>
        {
            await using var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var rows = await connection.QueryAsync<QuestionRow>(new CommandDefinition(
                """
                SELECT answer_id AS AnswerId, at_ms AS AtMs, front_end AS FrontEnd, user_key AS UserKey, question AS Question,
                       status AS Status, reason AS Reason, kind AS Kind, CAST(follow_up AS BIGINT) AS FollowUp, sections AS Sections
                FROM questions WHERE at_ms >= @since ORDER BY at_ms, answer_id
                """,
                new { since = since.ToUnixTimeMilliseconds() }, cancellationToken: ct)).ConfigureAwait(false);
            return rows.Select(r => new QuestionRecord(
                r.AnswerId,
                DateTimeOffset.FromUnixTimeMilliseconds(r.AtMs),
                r.FrontEnd,
                r.UserKey,
                r.Question,
                ParseStatus(r.Status),
                r.Reason,
                r.Kind,
                r.FollowUp != 0,
                JsonSerializer.Deserialize<List<CitedSection>>(r.Sections, Json) ?? [])).ToList();
        }, cancellationToken);

    public Task<bool> RecordAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default) =>
        guard.RunAsync("feedback", async ct =>
        {
            await using var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var added = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO feedback (answer_id, user_key, liked, comment, front_end, at_ms)
                VALUES (@answer, @user, @liked, @comment, @frontEnd, @at)
                ON CONFLICT (answer_id, user_key) DO NOTHING
                """,
                new { answer = feedback.AnswerId, user = feedback.UserKey, liked = feedback.Liked ? 1 : 0, comment = feedback.Comment, frontEnd = feedback.FrontEnd, at = feedback.At.ToUnixTimeMilliseconds() },
                cancellationToken: ct)).ConfigureAwait(false);
            return added == 1;
        }, true, cancellationToken);

    async Task<IReadOnlyList<FeedbackRecord>> IFeedbackStore.ReadAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        await guard.ReadAsync<IReadOnlyList<FeedbackRecord>>("feedback", async ct =>
        {
            await using var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var rows = await connection.QueryAsync<FeedbackRow>(new CommandDefinition(
                """
                SELECT answer_id AS AnswerId, user_key AS UserKey, CAST(liked AS BIGINT) AS Liked, comment AS Comment,
                       front_end AS FrontEnd, at_ms AS AtMs
                FROM feedback WHERE at_ms >= @since ORDER BY at_ms, answer_id
                """,
                new { since = since.ToUnixTimeMilliseconds() }, cancellationToken: ct)).ConfigureAwait(false);
            return rows.Select(r => new FeedbackRecord(r.AnswerId, r.UserKey, r.Liked != 0, r.Comment, r.FrontEnd, DateTimeOffset.FromUnixTimeMilliseconds(r.AtMs))).ToList();
        }, cancellationToken).ConfigureAwait(false);

    public Task LinkReplyAsync(string replyId, string answerId, CancellationToken cancellationToken = default) =>
        guard.RunAsync("feedback", async ct =>
        {
            await using var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO replies (reply_id, answer_id, at_ms) VALUES (@replyId, @answerId, @now) ON CONFLICT (reply_id) DO NOTHING",
                new { replyId, answerId, now = Now }, cancellationToken: ct)).ConfigureAwait(false);
            return true;
        }, false, cancellationToken);

    public Task<string?> AnswerForReplyAsync(string replyId, CancellationToken cancellationToken = default) =>
        guard.RunAsync<string?>("feedback", async ct =>
        {
            await using var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT answer_id FROM replies WHERE reply_id = @replyId", new { replyId }, cancellationToken: ct)).ConfigureAwait(false);
        }, null, cancellationToken);

    /// <summary>
    /// One statement on both databases: the key is inserted, or taken over when its last claim has expired; a live
    /// claim changes nothing and the caller is told it is taken.
    /// </summary>
    public Task<bool> TryClaimAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default) =>
        guard.RunAsync("the delivery ledger", async ct =>
        {
            await using var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var claimed = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO deliveries (delivery_key, expires_ms) VALUES (@key, @expires)
                ON CONFLICT (delivery_key) DO UPDATE SET expires_ms = excluded.expires_ms WHERE deliveries.expires_ms <= @now
                """,
                new { key = Keys.KeyOf("delivery\n" + key), expires = Now + (long)lifetime.TotalMilliseconds, now = Now },
                cancellationToken: ct)).ConfigureAwait(false);
            return claimed == 1;
        }, true, cancellationToken);

    public Task ReleaseAsync(string key, CancellationToken cancellationToken = default) =>
        guard.RunAsync("the delivery ledger", async ct =>
        {
            await using var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM deliveries WHERE delivery_key = @key",
                new { key = Keys.KeyOf("delivery\n" + key) }, cancellationToken: ct)).ConfigureAwait(false);
            return true;
        }, false, cancellationToken);

    private static string StatusName(AnswerStatus status) => JsonSerializer.Serialize(status).Trim('"');

    private static AnswerStatus ParseStatus(string status) => JsonSerializer.Deserialize<AnswerStatus>($"\"{status}\"");

    private sealed class QuestionRow
    {
        public string AnswerId { get; set; } = "";

        public long AtMs { get; set; }

        public string FrontEnd { get; set; } = "";

        public string? UserKey { get; set; }

        public string Question { get; set; } = "";

        public string Status { get; set; } = "";

        public string? Reason { get; set; }

        public string Kind { get; set; } = "";

        public long FollowUp { get; set; }

        public string Sections { get; set; } = "[]";
    }

    private sealed class FeedbackRow
    {
        public string AnswerId { get; set; } = "";

        public string UserKey { get; set; } = "";

        public long Liked { get; set; }

        public string? Comment { get; set; }

        public string FrontEnd { get; set; } = "";

        public long AtMs { get; set; }
    }
}
