using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Answering;

namespace PaperBot.Channels.Slack.Processing;

/// <summary>
/// Asks the answer service for the Slack handlers, whichever transport brought the question: within
/// <c>Slack:AnswerTimeout</c>, the answer logged; a failure or a timeout is logged and comes back as null, and the
/// handler apologises instead of answering.
/// </summary>
internal sealed class SlackResponder(
    IServiceScopeFactory scopes,
    IOptionsMonitor<SlackOptions> options,
    ILogger<SlackResponder> logger)
{
    internal const string SorryText = "Sorry, I couldn't answer that just now. Please try again in a minute.";

    public async Task<Answer?> AskAsync(AskRequest request, string kind, CancellationToken cancellationToken)
    {
        var timeout = options.CurrentValue.AnswerTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            // Resolved per question, in a scope, so the host starts even before an answer service is wired in,
            // and a scoped answer service works too.
            await using var scope = scopes.CreateAsyncScope();
            var service = scope.ServiceProvider.GetService<IAnswerService>()
                ?? throw new InvalidOperationException("No IAnswerService is registered in the host.");
            var answer = await service.AskAsync(request, deadline.Token);
            Log.Answered(logger, kind, answer.Status.ToString(), answer.Id);
            return answer;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.AnswerTimedOut(logger, kind, timeout);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AnswerFailed(logger, ex, kind);
            return null;
        }
    }
}
