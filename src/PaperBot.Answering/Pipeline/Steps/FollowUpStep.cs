using PaperBot.Answering.Conversations;
using PaperBot.Storage;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>A follow-up ("When was it signed?") is read as the question it stands for, from the thread's last turn.</summary>
public sealed class FollowUpStep(IConversationMemory? conversations) : IAnswerStep
{
    public string Name => "follow_up";

    public async ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken)
    {
        if (conversations is null || context.Request.ConversationId is not { Length: > 0 } conversationId)
        {
            return null;
        }

        context.Previous = await conversations.LastTurnAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (context.Previous is not null && FollowUps.Read(context.Question, context.Previous, context.Readings) is { } reading)
        {
            context.FollowUp = reading;
            context.Question = reading.ResolvedQuestion;
            context.AddNote(reading.Interpretation);
        }

        return null;
    }
}
