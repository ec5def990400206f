using PaperBot.Answering.Study;
using PaperBot.Storage;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>
/// Commands, typed in the request (parsed once by <see cref="CommandParser"/>): help, sections and the study commands.
/// A quiz question is kept in the quiz store, so "reveal" finds it on any replica and after a restart.
/// </summary>
public sealed class CommandStep(StudyCommands commands, IQuizStore quizzes) : IAnswerStep
{
    public string Name => "commands";

    public async ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken)
    {
        var command = context.Request.Command;
        if (command is RevealCommand reveal)
        {
            var card = await quizzes.FindAsync(reveal.QuizId.Trim(), cancellationToken).ConfigureAwait(false);
            return commands.Reveal(command.Text, card);
        }

        var answer = commands.TryAnswer(command, context.Knowledge, context.Readings);
        if (answer?.Quiz is { } quiz)
        {
            await quizzes.SaveAsync(quiz, cancellationToken).ConfigureAwait(false);
        }

        return answer;
    }
}
