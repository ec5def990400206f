namespace PaperBot.Channels.Slack.Processing;

/// <summary>
/// Remembers recently seen <c>event_id</c>s so a delivery Slack retries (<c>X-Slack-Retry-Num</c>) is answered once.
/// Bounded in size and in time: Slack stops retrying within about an hour.
/// </summary>
internal sealed class EventDeduplicator(TimeProvider time)
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset Expires)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True the first time an id is seen (within its lifetime); false for a repeat.</summary>
    public bool TryRegister(string eventId)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            while (_order.Count > 0 && (_order.Peek().Expires <= now || _order.Count >= Capacity))
            {
                var (id, expires) = _order.Dequeue();
                if (_seen.TryGetValue(id, out var current) && current == expires)
                {
                    _seen.Remove(id);
                }
            }

            if (_seen.TryGetValue(eventId, out var until) && until > now)
            {
                return false;
            }

            var expiry = now + Lifetime;
            _seen[eventId] = expiry;
            _order.Enqueue((eventId, expiry));
            return true;
        }
    }

    /// <summary>Forgets an id that was registered but could not be accepted, so Slack's retry is answered.</summary>
    public void Forget(string eventId)
    {
        lock (_lock)
        {
            _seen.Remove(eventId);
        }
    }
}
