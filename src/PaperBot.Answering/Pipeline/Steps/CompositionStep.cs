using PaperBot.Answering.Composition;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>The extractive answer: the chosen sentences, in reading order, each cited.</summary>
public sealed class CompositionStep : IAnswerStep
{
    public string Name => "composition";

    public ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken)
    {
        var sentences = context.Selection.Sentences.Select(s => s.Sentence).ToList();
        var (text, citations) = AnswerComposer.Compose(sentences, context.Readings);
        return ValueTask.FromResult<Answer?>(new Answer { Question = context.Asked, Status = AnswerStatus.Answered, Text = text, Citations = citations });
    }
}
