using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Answering;
using PaperBot.Channels.Slack.Inbound;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.WebApi;

namespace PaperBot.Channels.Slack.Processing;

/// <summary>
/// Does the work Slack was already told about: asks the answer service, renders Block Kit and delivers it (slash
/// commands through <c>response_url</c>, mentions and DMs with <c>chat.postMessage</c> in the thread). The same for
/// HTTP and Socket Mode.
/// </summary>
internal sealed class SlackResponder(
    IServiceScopeFactory scopes,
    SlackApiClient api,
    SlackBotIdentity identity,
    SlackMetrics metrics,
    IOptionsMonitor<SlackOptions> options,
    ILogger<SlackResponder> logger)
{
    internal const string SorryText = "Sorry, I couldn't answer that just now. Please try again in a minute.";

    public Task HandleAsync(SlackWork work, CancellationToken cancellationToken) => work switch
    {
        AnswerCommand command => AnswerCommandAsync(command.Command, cancellationToken),
        AnswerMessage message => AnswerMessageAsync(message.Event, cancellationToken),
        RevealQuiz reveal => RevealQuizAsync(reveal, cancellationToken),
        NoteThrottled note => (Task)api.PostEphemeralAsync(note.Event.Channel, note.Event.User!, note.Event.ReplyThreadTs, SlackMessage.Plain(note.Text), cancellationToken),
        ThankForFeedback thanks => api.RespondAsync(thanks.ResponseUrl, SlackMessage.Plain(thanks.Liked
            ? "Thanks for the feedback! 👍"
            : "Thanks, noted. 👎 helps us improve the answers."), inChannel: false, cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task AnswerCommandAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        const string Kind = "slash command";
        var answer = await AskAsync(command.Text, command.ConversationId, Kind, cancellationToken);
        if (answer is null)
        {
            await api.RespondAsync(command.ResponseUrl, SlackMessage.Plain(SorryText), inChannel: false, cancellationToken);
            metrics.Message(Kind, "failed");
            return;
        }

        // Answers, summaries, definitions and quizzes are for the group; help, lists and declines for the one who asked.
        var inChannel = options.CurrentValue.AnswersInChannel && SharedKind(answer.Kind) && !answer.IsDeclined;
        var message = SlackMessageRenderer.Render(answer, inChannel ? (command.UserId, command.Text) : null);
        var delivered = await api.RespondAsync(command.ResponseUrl, message, inChannel, cancellationToken);
        metrics.Message(Kind, delivered ? "answered" : "failed");
    }

    private static bool SharedKind(string kind) =>
        kind is AnswerKinds.Answer or AnswerKinds.Summary or AnswerKinds.Define or AnswerKinds.Quiz;

    private async Task RevealQuizAsync(RevealQuiz reveal, CancellationToken cancellationToken)
    {
        const string Kind = "quiz reveal";
        var answer = await AskAsync($"reveal {reveal.QuizId}", reveal.UserId, Kind, cancellationToken);
        var message = answer is null ? SlackMessage.Plain(SorryText) : SlackMessageRenderer.Render(answer);
        var delivered = await api.RespondAsync(reveal.ResponseUrl, message, inChannel: false, cancellationToken);
        metrics.Message(Kind, delivered && answer is not null ? "answered" : "failed");
    }

    private async Task AnswerMessageAsync(SlackMessageEvent evt, CancellationToken cancellationToken)
    {
        const string Kind = "message";
        await identity.Settled.WaitAsync(cancellationToken);
        if (SlackEventFilter.ReasonToIgnore(evt, identity) is { } reason)
        {
            Log.EventIgnored(logger, evt.EventId, reason);
            metrics.Message(Kind, "ignored");
            return;
        }

        var question = SlackText.QuestionFrom(evt.Text, identity.UserId);
        var answer = await AskAsync(question, evt.ConversationId, Kind, cancellationToken);
        var message = answer is null ? SlackMessage.Plain(SorryText) : SlackMessageRenderer.Render(answer);
        var result = await api.PostMessageAsync(evt.Channel, evt.ReplyThreadTs, message, cancellationToken);
        metrics.Message(Kind, answer is not null && result.Ok ? "answered" : "failed");
    }

    private async Task<Answer?> AskAsync(string question, string conversationId, string kind, CancellationToken cancellationToken)
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
            var answer = await service.AskAsync(new AskRequest(question, conversationId), deadline.Token);
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
