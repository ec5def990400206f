using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PaperBot.Answering.Conversations;

/// <summary>What a conversation remembers of one answered turn: the question as understood, its subject, the sections cited.</summary>
public sealed record ConversationTurn(string Question, string Subject, IReadOnlyList<string> SectionIds);

/// <summary>Settings of conversation memory (<c>Conversations</c> in appsettings.json).</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>A conversation idle for longer than this is forgotten.</summary>
    public double TtlMinutes { get; set; } = 30;

    /// <summary>Turns kept per conversation.</summary>
    public int MaxTurns { get; set; } = 5;

    /// <summary>Conversations kept at once; past it the least recently used is forgotten.</summary>
    public int MaxConversations { get; set; } = 1000;
}

/// <summary>The last few turns of each conversation (a Teams conversation, a Slack thread), so a follow-up can be understood.</summary>
public interface IConversationMemory
{
    /// <summary>The most recent turn of a conversation that has not expired, or null.</summary>
    ConversationTurn? LastTurn(string conversationId);

    void Remember(string conversationId, ConversationTurn turn);
}

/// <summary>Conversation memory in this process: bounded in turns and conversations, expiring after the TTL.</summary>
public sealed class InMemoryConversationMemory(IOptions<ConversationOptions> options, TimeProvider time) : IConversationMemory
{
    private readonly ConversationOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);

    public int Count => _conversations.Count;

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
