namespace PaperBot.Web;

/// <summary>
/// Keys seen recently (a delivery id, a click), bounded in count and in time: the first sighting of a key is news,
/// a repeat within its lifetime is not. Thread-safe.
/// </summary>
public sealed class RecentKeys(TimeProvider time, TimeSpan lifetime, int capacity = 10_000)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset Expires)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True the first time a key is seen (within its lifetime); false for a repeat.</summary>
    public bool TryAdd(string key)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            while (_order.Count > 0 && (_order.Peek().Expires <= now || _order.Count >= capacity))
            {
                var (old, expires) = _order.Dequeue();
                if (_seen.TryGetValue(old, out var current) && current == expires)
                {
                    _seen.Remove(old);
                }
            }

            if (_seen.TryGetValue(key, out var until) && until > now)
            {
                return false;
            }

            var expiry = now + lifetime;
            _seen[key] = expiry;
            _order.Enqueue((key, expiry));
            return true;
        }
    }

    /// <summary>Forgets a key that was added but whose work could not be accepted, so a retry is taken.</summary>
    public void Remove(string key)
    {
        lock (_lock)
        {
            _seen.Remove(key);
        }
    }
}
