using Microsoft.Extensions.Options;
using PaperBot.Web;

namespace PaperBot.Channels.Slack.Processing;

/// <summary>The per-user question limit (<c>Slack:QuestionsPerMinute</c>) and what a person over it is told.</summary>
internal sealed class SlackUserLimits(IOptions<SlackOptions> options) : IDisposable
{
    private readonly PerUserLimiter _limiter = new(options.Value.QuestionsPerMinute);

    public bool TryAcquire(string userId, out TimeSpan retryAfter) => _limiter.TryAcquire(userId, out retryAfter);

    /// <summary>Whether to post a note to a refused user now (once a minute at most).</summary>
    public bool ShouldTell(string userId) => _limiter.ShouldTell(userId);

    public string Text(TimeSpan retryAfter) =>
        $"You're asking faster than I can answer well (at most {_limiter.PerMinute} questions a minute). Please try again in {PerUserLimiter.Seconds(retryAfter)} s.";

    public void Dispose() => _limiter.Dispose();
}
