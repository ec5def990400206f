using System.Collections.Concurrent;
using PaperBot.Answering;

namespace PaperBot.Storage;

/// <summary>Conversation memory in this process: bounded in turns and conversations, expiring after the TTL.</summary>
public sealed class InMemoryConversationMemory(ConversationOptions options, TimeProvider time) : IConversationMemory
{
    private readonly ConversationOptions _options = options;
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

/// <summary>Quizzes kept in memory by id so a "Show answer" click can find them; the oldest go first past the cap.</summary>
public sealed class InMemoryQuizStore(int capacity = 500) : IQuizStore
{
    private readonly ConcurrentDictionary<string, QuizCard> _quizzes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public int Count => _quizzes.Count;

    public Task SaveAsync(QuizCard quiz, CancellationToken cancellationToken = default)
    {
        _quizzes[quiz.Id] = quiz;
        _order.Enqueue(quiz.Id);
        while (_quizzes.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _quizzes.TryRemove(oldest, out _);
        }

        return Task.CompletedTask;
    }

    public Task<QuizCard?> FindAsync(string quizId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_quizzes.GetValueOrDefault(quizId.Trim()));
}
