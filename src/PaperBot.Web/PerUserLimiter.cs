using System.Threading.RateLimiting;

namespace PaperBot.Web;

/// <summary>
/// How many questions one user may ask per minute, on ASP.NET Core's rate limiter (one token bucket per user: a burst of
/// the whole minute's allowance, then one question every <c>60 s / limit</c>). A channel asks it after reading who is
/// asking, which is inside the body, and answers a refusal its own way. A limit of 0 lets everyone through.
/// </summary>
public sealed class PerUserLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly RecentKeys _told;

    public PerUserLimiter(int questionsPerMinute, TimeProvider? time = null)
    {
        PerMinute = questionsPerMinute;
        _told = new RecentKeys(time ?? TimeProvider.System, TimeSpan.FromMinutes(1), 100_000);
        if (questionsPerMinute > 0)
        {
            _limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = questionsPerMinute,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromTicks(TimeSpan.FromMinutes(1).Ticks / questionsPerMinute),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        }
    }

    public int PerMinute { get; }

    /// <summary>True when the user may ask now; otherwise how long until they may.</summary>
    public bool TryAcquire(string user, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (_limiter is null)
        {
            return true;
        }

        using var lease = _limiter.AttemptAcquire(user);
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromTicks(TimeSpan.FromMinutes(1).Ticks / PerMinute);
        return false;
    }

    /// <summary>
    /// Whether a refused user should be told now: once a minute at most, so a flood from one user costs one note, not a
    /// reply per message that would queue ahead of everyone else's answers.
    /// </summary>
    public bool ShouldTell(string user) => _told.TryAdd(user);

    /// <summary>Whole seconds to wait, at least one: what a person is told.</summary>
    public static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    public void Dispose() => _limiter?.Dispose();
}
