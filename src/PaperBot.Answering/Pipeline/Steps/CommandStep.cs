using PaperBot.Answering.Study;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>Commands, typed in the request (parsed once by <see cref="CommandParser"/>): help, sections and the study commands.</summary>
public sealed class CommandStep(StudyCommands commands) : IAnswerStep
{
    public string Name => "commands";

    public ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(commands.TryAnswer(context.Request.Command, context.Knowledge, context.Readings));
}
