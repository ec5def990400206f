using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PaperBot.Storage;

namespace PaperBot.Answering.Conversations;

/// <summary>Conversation memory in this process: bounded in turns and conversations, expiring after the TTL.</summary>
public sealed class InMemoryConversationMemory(IOptions<ConversationOptions> options, TimeProvider time) : IConversationMemory
{
    private readonly ConversationOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);

    public int Count => _conversations.Count;

    public Task<ConversationTurn?> LastTurnAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(LastTurn(conversationId));

    public Task RememberAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken = default)
    {
        Remember(conversationId, turn);
        return Task.CompletedTask;
    }

    public ConversationTurn? LastTurn(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        lock (conversation)
        {
            if (Expired(conversation))
            {
                _conversations.TryRemove(conversationId, out _);
                return null;
            }

            return conversation.Turns.Count == 0 ? null : conversation.Turns[^1];
        }
    }

    public void Remember(string conversationId, ConversationTurn turn)
    {
        var conversation = _conversations.GetOrAdd(conversationId, _ => new Conversation());
        lock (conversation)
        {
            if (Expired(conversation))
            {
                conversation.Turns.Clear();
            }

            conversation.Turns.Add(turn);
            if (conversation.Turns.Count > _options.MaxTurns)
            {
                conversation.Turns.RemoveRange(0, conversation.Turns.Count - _options.MaxTurns);
            }

            conversation.LastUsed = time.GetUtcNow();
        }

        Trim();
    }

    private bool Expired(Conversation conversation) => time.GetUtcNow() - conversation.LastUsed > TimeSpan.FromMinutes(_options.TtlMinutes);

    private void Trim()
    {
        if (_conversations.Count <= _options.MaxConversations)
        {
            return;
        }

        foreach (var expired in _conversations.Where(c => Expired(c.Value)).Select(c => c.Key).ToList())
        {
            _conversations.TryRemove(expired, out _);
        }

        var excess = _conversations.Count - _options.MaxConversations;
        foreach (var oldest in _conversations.OrderBy(c => c.Value.LastUsed).Take(Math.Max(0, excess)).Select(c => c.Key).ToList())
        {
            _conversations.TryRemove(oldest, out _);
        }
    }

    private sealed class Conversation
    {
        public List<ConversationTurn> Turns { get; } = [];

        public DateTimeOffset LastUsed { get; set; }
    }
}
