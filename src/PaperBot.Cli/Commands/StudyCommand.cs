using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Answering;
using PaperBot.Storage;

namespace PaperBot.Cli.Commands;

/// <summary>
/// <c>paperbot summary [id]</c>, <c>timeline</c>, <c>glossary</c>, <c>define &lt;term&gt;</c>, <c>quiz [id] [--reveal]</c>,
/// <c>sources</c> (each with <c>--json</c>): the same study commands the chat front ends answer, through the answer service.
/// </summary>
internal static class StudyCommand
{
    public static async Task<int> RunAsync(string command, string[] args)
    {
        var parsed = CliArguments.Parse(args, command == "quiz" ? ["--json", "--reveal"] : ["--json"], []);
        var argument = parsed.Question;
        if (command == "define" && argument is null)
        {
            throw new UsageException("define needs a term, e.g. paperbot define RLNG");
        }

        if (command is "timeline" or "glossary" or "sources" && argument is not null)
        {
            throw new UsageException($"{command} takes no arguments");
        }

        using var services = CliServices.Create([], withStore: true);
        var answers = services.GetRequiredService<IAnswerService>();
        var answer = await answers.AskAsync(new AskRequest(Typed(command, argument)) { Asker = AskCommand.CliAsker });
        var json = parsed.Has("--json");
        var revealRequested = parsed.Has("--reveal");
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(AnswerJson.From(answer), CliServices.Json));
        }
        else
        {
            AskCommand.Write(answer, json: false, revealed: revealRequested);
        }

        if (answer.Quiz is { } quiz && revealRequested)
        {
            var reveal = await answers.AskAsync(new AskRequest(new RevealCommand(quiz.Id)) { Asker = AskCommand.CliAsker });
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(AnswerJson.From(reveal), CliServices.Json));
            }
            else
            {
                Console.WriteLine();
                AskCommand.Write(reveal, json: false);
            }
        }

        return ExitCodes.For(answer);
    }

    /// <summary>The typed command of a study verb and its argument.</summary>
    internal static Command Typed(string command, string? argument) => command switch
    {
        "summary" => new SummaryCommand(argument is null ? null : CommandParser.SectionReference(argument)),
        "timeline" => new TimelineCommand(),
        "glossary" => new GlossaryCommand(),
        "define" => new DefineCommand(argument!.Trim()),
        "quiz" => new QuizCommand(argument is null ? null : CommandParser.SectionReference(argument)),
        "sources" => new SourcesCommand(),
        _ => throw new UsageException($"unknown study command {command}"),
    };
}
