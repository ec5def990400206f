using System.Text.Json;
using Dapper;

namespace PaperBot.Storage;

/// <summary>The readings each channel answers from, shared by every replica; the channel only as its salted key.</summary>
public sealed partial class SqlStore : IChannelReadings
{
    public Task<IReadOnlyList<string>?> GetAsync(string channel, CancellationToken cancellationToken = default) =>
        guard.RunAsync<IReadOnlyList<string>?>("channel readings", async ct =>
        {
            await using var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var ids = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT document_ids FROM channel_readings WHERE channel_key = @key",
                new { key = ChannelKey(channel) }, cancellationToken: ct)).ConfigureAwait(false);
            return ids is null ? null : JsonSerializer.Deserialize<List<string>>(ids, Json) is { Count: > 0 } list ? list : null;
        }, null, cancellationToken);

    public Task<bool> SetAsync(string channel, IReadOnlyList<string>? documentIds, CancellationToken cancellationToken = default) =>
        guard.RunAsync("channel readings", async ct =>
        {
            await using var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            if (documentIds is not { Count: > 0 })
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM channel_readings WHERE channel_key = @key",
                    new { key = ChannelKey(channel) }, cancellationToken: ct)).ConfigureAwait(false);
                return true;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO channel_readings (channel_key, document_ids, updated_ms) VALUES (@key, @ids, @now)
                ON CONFLICT (channel_key) DO UPDATE SET document_ids = excluded.document_ids, updated_ms = excluded.updated_ms
                """,
                new { key = ChannelKey(channel), ids = JsonSerializer.Serialize(documentIds.Distinct(StringComparer.Ordinal).ToList(), Json), now = Now },
                cancellationToken: ct)).ConfigureAwait(false);
            return true;
        }, false, cancellationToken);

    /// <summary>A Slack channel id or a Teams conversation id is a platform id: kept only as a key.</summary>
    private string ChannelKey(string channel) => Keys.KeyOf("channel\n" + channel);
}
