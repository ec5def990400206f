using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Answering;
using PaperBot.Storage;

namespace PaperBot.Cli.Commands;

/// <summary>
/// <c>paperbot ask "question" [--json]</c>; with <c>--json</c> and no question, one question per input line (exit code 1
/// when any of them was declined).
/// </summary>
internal static class AskCommand
{
    /// <summary>A question typed at this terminal: logged as the CLI's, with no user (the terminal's user is no study-group member id).</summary>
    public static readonly Asker CliAsker = new(FrontEnds.Cli);

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = CliArguments.Parse(args, ["--json", "--explain"], []);
        var json = parsed.Has("--json");
        var explain = parsed.Has("--explain");
        var question = parsed.Question;
        if (question is null && !json)
        {
            throw new UsageException("ask needs a question (or --json to read questions from standard input)");
        }

        using var services = CliServices.Create([], withStore: true);
        var answers = services.GetRequiredService<IAnswerService>();
        if (question is not null)
        {
            var answer = await answers.AskAsync(new AskRequest(question) { Asker = CliAsker });
            Write(answer, json);
            if (explain)
            {
                Explain(answer);
            }

            return ExitCodes.For(answer);
        }

        var exitCode = ExitCodes.Answered;
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var answer = await answers.AskAsync(new AskRequest(line) { Asker = CliAsker });
            Write(answer, json: true);
            if (explain)
            {
                Explain(answer);
            }

            exitCode = Math.Max(exitCode, ExitCodes.For(answer));
        }

        return exitCode;
    }

    /// <summary>What the decision saw, on standard error: each measure with the threshold it was held to, each question word and how it was accounted for.</summary>
    private static void Explain(Answer answer)
    {
        Console.Error.WriteLine($"decision: {AnswerJson.StatusName(answer.Status)}{(answer.Reason is null ? string.Empty : $" ({answer.Reason})")}, {answer.Kind}");
        foreach (var evidence in answer.Evidence)
        {
            Console.Error.WriteLine($"  {evidence}");
        }

        Console.Error.WriteLine("  stages: " + string.Join(", ", answer.Stages.Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Key} {s.Value:0.00} ms"))));
    }

    internal static void Write(Answer answer, bool json, bool revealed = false)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(AnswerJson.From(answer), CliServices.Json));
            return;
        }

        Console.WriteLine(answer.Text);
        if (answer.Quiz is { } quiz && !revealed)
        {
            Console.WriteLine();
            Console.WriteLine($"(quiz {quiz.Id}: the answer is hidden; run paperbot quiz --reveal to see the answer after the question)");
        }

        if (answer.Citations.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Sources:");
            foreach (var citation in answer.Citations)
            {
                Console.WriteLine($"  [{citation.Marker}] {CitationFormat.Source(citation)}, paragraph {citation.Paragraph}");
                Console.WriteLine($"      “{citation.Quote}”");
            }
        }

        if (answer.Suggestions.Count > 0)
        {
            // An answer's suggestions are follow-ups the readings answer; a decline's and help's are questions to try instead.
            Console.WriteLine();
            Console.WriteLine(answer.Status == AnswerStatus.Answered && answer.Kind == AnswerKinds.Answer ? "Follow-up questions:" : "You could ask:");
            foreach (var suggestion in answer.Suggestions)
            {
                Console.WriteLine($"  - {suggestion}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"({AnswerJson.StatusName(answer.Status)}, {answer.Mode}, {answer.ElapsedMs} ms)");
    }
}
