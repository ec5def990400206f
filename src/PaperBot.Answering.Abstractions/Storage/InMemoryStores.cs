using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace PaperBot.Storage;

/// <summary>
/// The user key: HMAC-SHA256 of the platform id under the installation's salt, as 32 hex digits. The same id gives
/// the same key on every replica that shares the salt; the id cannot be read back from it.
/// </summary>
public sealed class SaltedUserKeys : IUserKeys
{
    private readonly byte[] _salt;

    public SaltedUserKeys(byte[] salt)
    {
        ArgumentNullException.ThrowIfNull(salt);
        if (salt.Length < 16)
        {
            throw new ArgumentException("The salt must be at least 16 bytes.", nameof(salt));
        }

        _salt = salt.ToArray();
    }

    public string KeyOf(string platformUserId)
    {
        var hash = HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(platformUserId.Trim()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>A salt for a process that keeps nothing: fresh random bytes, so keys do not outlive the process.</summary>
    public static SaltedUserKeys Ephemeral() => new(RandomNumberGenerator.GetBytes(32));
}

/// <summary>The question log of a process without a store: the last <c>capacity</c> questions, gone at exit.</summary>
public sealed class InMemoryQuestionLog(int capacity = 10_000) : IQuestionLog
{
    private readonly ConcurrentQueue<QuestionRecord> _records = new();

    public Task RecordAsync(QuestionRecord record, CancellationToken cancellationToken = default)
    {
        _records.Enqueue(record);
        while (_records.Count > capacity && _records.TryDequeue(out _))
        {
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QuestionRecord>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QuestionRecord>>(_records.Where(r => r.At >= since).OrderBy(r => r.At).ToList());
}

/// <summary>Feedback of a process without a store: once per user per answer, the last <c>capacity</c> votes.</summary>
public sealed class InMemoryFeedbackStore(int capacity = 100_000) : IFeedbackStore
{
    private readonly ConcurrentDictionary<(string AnswerId, string UserKey), FeedbackRecord> _votes = new();
    private readonly ConcurrentDictionary<string, string> _replies = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _replyOrder = new();

    public Task LinkReplyAsync(string replyId, string answerId, CancellationToken cancellationToken = default)
    {
        if (_replies.TryAdd(replyId, answerId))
        {
            _replyOrder.Enqueue(replyId);
            while (_replyOrder.Count > capacity && _replyOrder.TryDequeue(out var oldest))
            {
                _replies.TryRemove(oldest, out _);
            }
        }

        return Task.CompletedTask;
    }

    public Task<string?> AnswerForReplyAsync(string replyId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_replies.GetValueOrDefault(replyId));

    public Task<bool> RecordAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default)
    {
        if (_votes.Count >= capacity)
        {
            foreach (var oldest in _votes.Values.OrderBy(v => v.At).Take(_votes.Count - capacity + 1).ToList())
            {
                _votes.TryRemove((oldest.AnswerId, oldest.UserKey), out _);
            }
        }

        return Task.FromResult(_votes.TryAdd((feedback.AnswerId, feedback.UserKey), feedback));
    }

    public Task<IReadOnlyList<FeedbackRecord>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FeedbackRecord>>(_votes.Values.Where(v => v.At >= since).OrderBy(v => v.At).ToList());
}

/// <summary>Claims of one process (a single replica): bounded in count, each expiring after its lifetime.</summary>
public sealed class InMemoryDeliveryLedger(TimeProvider time, int capacity = 20_000) : IDeliveryLedger
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _claims = new(StringComparer.Ordinal);

    public Task<bool> TryClaimAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_claims.Count >= capacity)
        {
            foreach (var expired in _claims.Where(c => c.Value <= now).Select(c => c.Key).ToList())
            {
                _claims.TryRemove(expired, out _);
            }
        }

        while (true)
        {
            if (_claims.TryAdd(key, now + lifetime))
            {
                return Task.FromResult(true);
            }

            if (_claims.TryGetValue(key, out var until))
            {
                if (until > now)
                {
                    return Task.FromResult(false);
                }

                if (_claims.TryUpdate(key, now + lifetime, until))
                {
                    return Task.FromResult(true);
                }
            }
        }
    }

    public Task ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        _claims.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}

/// <summary>The channels' readings in this process (a single replica, or a run that keeps nothing): the last <c>capacity</c> channels set.</summary>
public sealed class InMemoryChannelReadings(int capacity = 10_000) : IChannelReadings
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _channels = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<string>?> GetAsync(string channel, CancellationToken cancellationToken = default) =>
        Task.FromResult(_channels.TryGetValue(channel, out var ids) ? ids : null);

    public Task<bool> SetAsync(string channel, IReadOnlyList<string>? documentIds, CancellationToken cancellationToken = default)
    {
        if (documentIds is not { Count: > 0 })
        {
            _channels.TryRemove(channel, out _);
            return Task.FromResult(true);
        }

        if (_channels.Count >= capacity && !_channels.ContainsKey(channel))
        {
            // Past the bound a channel goes back to every reading rather than the process growing without end.
            foreach (var other in _channels.Keys.Take(_channels.Count - capacity + 1).ToList())
            {
                _channels.TryRemove(other, out _);
            }
        }

        _channels[channel] = documentIds.Distinct(StringComparer.Ordinal).ToList();
        return Task.FromResult(true);
    }
}
