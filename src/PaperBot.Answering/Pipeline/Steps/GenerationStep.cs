using PaperBot.Answering.Decision;
using PaperBot.Answering.Generation;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>
/// Generative mode, when a language model is configured: it gets only questions that passed every decision step,
/// with the retrieved passages; its answer is checked sentence by sentence by the generator. When it says the
/// passages do not answer, that is a decline (<c>model_declined</c>); when it fails, the extractive answer stands in.
/// </summary>
public sealed class GenerationStep(IAnswerGenerator? generator) : IAnswerStep
{
    public string Name => "generation";

    public async ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken)
    {
        if (generator is null || context.QueryVector is null || context.Verifying)
        {
            return null;
        }

        var generated = await generator.GenerateAsync(new GenerationRequest(context.Question, context.Hits, context.QueryVector, context.Knowledge), cancellationToken).ConfigureAwait(false);
        if (generated is null)
        {
            return null;
        }

        return generated.Status == AnswerStatus.Answered
            ? generated with { Question = context.Asked }
            : generated with { Question = context.Asked, Reason = generated.Reason ?? DeclineReasons.ModelDeclined };
    }
}
