using Microsoft.Extensions.Options;
using PaperBot.Web;

namespace PaperBot.Channels.Teams;

/// <summary>The per-user question limit of the Teams channel (<c>Teams:QuestionsPerMinute</c>).</summary>
internal sealed class TeamsUserLimits(IOptions<TeamsOptions> options) : IDisposable
{
    private readonly PerUserLimiter _limiter = new(options.Value.QuestionsPerMinute);

    public bool TryAcquire(string userId, out TimeSpan retryAfter) => _limiter.TryAcquire(userId, out retryAfter);

    /// <summary>Whether to tell a refused user now (once a minute at most); otherwise the message is dropped quietly.</summary>
    public bool ShouldTell(string userId) => _limiter.ShouldTell(userId);

    public void Dispose() => _limiter.Dispose();
}
