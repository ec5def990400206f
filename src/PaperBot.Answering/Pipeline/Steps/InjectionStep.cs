using PaperBot.Answering.Decision;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>Instructions aimed at the bot inside a question are declined whole, never obeyed.</summary>
public sealed class InjectionStep(AnsweringOptions options, Replies replies) : IAnswerStep
{
    public string Name => "injection";

    public ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken)
    {
        var match = InjectionDetector.Find(context.Question);
        if (match is null)
        {
            return ValueTask.FromResult<Answer?>(null);
        }

        var evidence = new[] { new Evidence("instruction", 1, Detail: $"“{match}”") };
        return ValueTask.FromResult<Answer?>(replies.Decline(context.Asked, AnswerStatus.Rejected, DeclineReasons.Injection, options.InjectionText, context.Readings, evidence));
    }
}
