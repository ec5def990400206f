using PaperBot.Answering.Readings;
using PaperBot.Answering.Study;
using PaperBot.Storage;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>
/// Commands, typed in the request (parsed once by <see cref="CommandParser"/>): help, sections and the study commands.
/// A quiz question is kept in the quiz store, so "reveal" finds it on any replica and after a restart; the readings a
/// channel chose with <c>use …</c> are kept in the channels' store, so every replica answers that channel from them.
/// </summary>
public sealed class CommandStep(StudyCommands commands, IQuizStore quizzes, IChannelReadings channels) : IAnswerStep
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

        if (command is UseCommand use)
        {
            return await UseAsync(context, use, cancellationToken).ConfigureAwait(false);
        }

        if (command is SourcesCommand)
        {
            return StudyCommands.Sources(command.Text, context.Loaded, context.InUse, context.Request.Channel is not null);
        }

        var answer = command is QuestionCommand
            ? commands.AcronymAsked(command.Text, context.Knowledge, context.Readings)
            : commands.TryAnswer(command, context.Knowledge, context.Readings);
        if (answer?.Quiz is { } quiz)
        {
            await quizzes.SaveAsync(quiz, cancellationToken).ConfigureAwait(false);
        }

        return answer;
    }

    /// <summary>Resolves the readings named against every loaded reading and, when each name matched one, keeps the channel's choice.</summary>
    private async Task<Answer> UseAsync(QuestionContext context, UseCommand use, CancellationToken cancellationToken)
    {
        var loaded = context.Loaded.Documents;
        if (context.Request.Channel is not { Length: > 0 } channel)
        {
            return commands.UseOutsideAChannel(use.Text, loaded);
        }

        var choice = ReadingNames.Resolve(use.Readings, loaded);
        if (!choice.Resolved)
        {
            return commands.UseUnresolved(use.Text, use.Readings, choice, loaded);
        }

        var every = choice.All || choice.Readings.Count == loaded.Count;
        if (!await channels.SetAsync(channel, every ? null : choice.Readings.Select(d => d.Id).ToList(), cancellationToken).ConfigureAwait(false))
        {
            return commands.UseNotKept(use.Text);
        }

        return commands.UseChosen(use.Text, every ? loaded : choice.Readings, every);
    }
}
