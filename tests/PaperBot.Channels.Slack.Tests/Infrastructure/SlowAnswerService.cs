using Microsoft.Extensions.DependencyInjection;
using PaperBot.Answering;
using PaperBot.Testing;

namespace PaperBot.Channels.Slack.Tests.Infrastructure;

/// <summary>
/// Wraps whatever answer service the host registered (the real one once it is wired in; the stub otherwise) and
/// holds every answer until <see cref="Release"/>: answering made as slow as the test wants.
/// </summary>
internal sealed class SlowAnswerService(IAnswerService inner) : IAnswerService
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Answer> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IAnswerService Inner => inner;

    public bool IsReal => inner is not StubAnswerService;

    /// <summary>The first answer the inner service gave.</summary>
    public Task<Answer> Answered => _answered.Task;

    public void Release() => _gate.TrySetResult();

    public async Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        await _gate.Task.WaitAsync(cancellationToken);
        var answer = await inner.AskAsync(request, cancellationToken);
        _answered.TrySetResult(answer);
        return answer;
    }

    /// <summary>Replaces the host's <see cref="IAnswerService"/> registration with a slow wrapper around it.</summary>
    public static void Decorate(IServiceCollection services, Action<SlowAnswerService> created)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IAnswerService));
        if (original is not null)
        {
            services.Remove(original);
        }

        // Same lifetime as the original, so a scoped answer service stays scoped.
        services.Add(new ServiceDescriptor(typeof(IAnswerService), sp =>
        {
            IAnswerService inner = original switch
            {
                null => new StubAnswerService(),
                { ImplementationInstance: IAnswerService instance } => instance,
                { ImplementationFactory: { } factory } => (IAnswerService)factory(sp),
                { ImplementationType: { } type } => (IAnswerService)ActivatorUtilities.CreateInstance(sp, type),
                _ => new StubAnswerService(),
            };
            var slow = new SlowAnswerService(inner);
            created(slow);
            return slow;
        }, original?.Lifetime ?? ServiceLifetime.Singleton));
    }
}
