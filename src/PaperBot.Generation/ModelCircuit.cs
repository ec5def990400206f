using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace PaperBot.Generation;

/// <summary>How one call to the language model ended, as the circuit breaker sees it.</summary>
internal sealed record ModelReply(string? Content, bool Failed)
{
    public static ModelReply Failure { get; } = new(null, true);
}

/// <summary>
/// A circuit breaker in front of the language model (Polly's, as the HTTP clients use). A model that fails or times
/// out again and again is skipped for <c>Llm:BreakSeconds</c>: answers are extractive at once instead of each waiting
/// <c>Llm:TimeoutSeconds</c> for nothing. When the break is over one question probes the model; an answer closes the
/// circuit again, a failure opens it for another break.
/// </summary>
internal sealed class ModelCircuit
{
    private readonly ResiliencePipeline<ModelReply> _pipeline;

    public ModelCircuit(IOptions<LlmOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        _pipeline = new ResiliencePipelineBuilder<ModelReply> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<ModelReply>
            {
                // "A few failures, most of the recent calls": the window holds that many timeouts even for a single user.
                FailureRatio = 0.5,
                MinimumThroughput = settings.BreakAfterFailures,
                SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, settings.Timeout.Ticks * (settings.BreakAfterFailures + 1))),
                BreakDuration = TimeSpan.FromSeconds(settings.BreakSeconds),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Failed: true }),
            })
            .Build();
    }

    /// <summary>Calls the model through the breaker; null without calling it while the circuit is open.</summary>
    public async Task<ModelReply?> CallAsync(Func<CancellationToken, Task<ModelReply>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(static async (call, token) => await call(token).ConfigureAwait(false), call, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException)
        {
            return null;
        }
    }
}
