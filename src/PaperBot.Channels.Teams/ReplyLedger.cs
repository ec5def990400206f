using System.Collections.Concurrent;

namespace PaperBot.Channels.Teams;

/// <summary>
/// Remembers which answer each recent reply carried, so feedback on a reply (which names only the Teams activity id)
/// can be tied to the answer's id. Bounded: the oldest entries go first.
/// </summary>
public sealed class ReplyLedger
{
    private const int Capacity = 2000;
    private readonly ConcurrentDictionary<string, string> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public void Remember(string replyActivityId, string answerId)
    {
        if (_answers.TryAdd(replyActivityId, answerId))
        {
            _order.Enqueue(replyActivityId);
            while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                _answers.TryRemove(oldest, out _);
            }
        }
    }

    public string? AnswerFor(string replyActivityId) => _answers.TryGetValue(replyActivityId, out var id) ? id : null;
}
