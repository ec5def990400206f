using PaperBot.Answering.Study;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>Commands: help, sections and the study commands (summary, timeline, glossary, define, quiz, reveal, sources).</summary>
public sealed class CommandStep(StudyCommands commands) : IAnswerStep
{
    public string Name => "commands";

    public ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(commands.TryAnswer(context.Question, context.Knowledge, context.Readings));
}
