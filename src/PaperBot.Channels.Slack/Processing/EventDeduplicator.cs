using PaperBot.Storage;
using PaperBot.Web;

namespace PaperBot.Channels.Slack.Processing;

/// <summary>
/// Remembers recently seen deliveries so each is answered once: events by <c>event_id</c> (Slack retries them with
/// <c>X-Slack-Retry-Num</c>), slash commands by <c>trigger_id</c> and interactions by their action's timestamp (a
/// signed request replayed inside the five-minute signature window). Bounded in size and in time: Slack stops
/// retrying within about an hour. A delivery this replica takes on is then claimed in the shared
/// <see cref="IDeliveryLedger"/> before it is answered (<see cref="ClaimAsync"/>), so a retry that reached another
/// replica of the same store is answered once too.
/// </summary>
internal sealed class EventDeduplicator(TimeProvider time, IDeliveryLedger ledger)
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly RecentKeys _seen = new(time, Lifetime, Capacity);

    /// <summary>True the first time an id is seen (within its lifetime); false for a repeat.</summary>
    public bool TryRegister(string eventId) => _seen.TryAdd(eventId);

    /// <summary>True when no replica has taken this delivery on yet; the caller then answers it.</summary>
    public Task<bool> ClaimAsync(string eventId, CancellationToken cancellationToken) =>
        ledger.TryClaimAsync("slack:" + eventId, Lifetime, cancellationToken);

    /// <summary>Forgets an id that was registered but could not be accepted, so Slack's retry is answered.</summary>
    public void Forget(string eventId) => _seen.Remove(eventId);
}
