using PaperBot.Answering;
using PaperBot.Channels.Slack.Processing;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.WebApi;
using PaperBot.Storage;

namespace PaperBot.Channels.Slack.Handlers;

/// <summary>"Show answer" under a quiz (the button's value is the quiz id): the answer, privately, to whoever pressed it.</summary>
internal sealed class RevealQuizActionHandler(
    SlackWorkQueue queue,
    EventDeduplicator dedupe,
    SlackMetrics metrics,
    SlackResponder responder,
    SlackApiClient api) : ISlackActionHandler
{
    private const string SorryText = SlackResponder.SorryText;

    private const string Kind = "quiz reveal";

    public void Handle(SlackAction action)
    {
        if (action.ResponseUrl is not { } responseUrl
            || action.Value is not { Length: > 0 and <= 40 } quizId || !quizId.All(char.IsAsciiLetterOrDigit))
        {
            return;
        }

        queue.TryEnqueue(new SlackWork(Kind, ct => RevealQuizAsync(responseUrl, quizId, action.UserId, action.Delivery, ct)));
    }

    private async Task RevealQuizAsync(Uri responseUrl, string quizId, string userId, string? delivery, CancellationToken cancellationToken)
    {
        if (delivery is not null && !await dedupe.ClaimAsync(delivery, cancellationToken))
        {
            // A replayed click that reached another replica too: answered there.
            metrics.Message(Kind, "duplicate");
            return;
        }

        var answer = await responder.AskAsync(new AskRequest(new RevealCommand(quizId), userId) { Asker = new Asker(FrontEnds.Slack, userId) }, Kind, cancellationToken);
        var message = answer is null ? SlackMessage.Plain(SorryText) : SlackMessageRenderer.Render(answer);
        var delivered = await api.RespondAsync(responseUrl, message, inChannel: false, cancellationToken);
        metrics.Message(Kind, delivered && answer is not null ? "answered" : "failed");
    }
}
