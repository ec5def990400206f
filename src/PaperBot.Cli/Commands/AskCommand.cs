using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Answering;
using PaperBot.Storage;

namespace PaperBot.Cli.Commands;

/// <summary>
/// <c>paperbot ask "question" [--json] [--reading id]…</c>; with <c>--json</c> and no question, one question per input
/// line (exit code 1 when any of them was declined; with <c>--thread</c> the lines are one conversation, so a line may
/// follow up the one before). <c>--reading</c> (repeatable) answers from those readings only.
/// </summary>
internal static class AskCommand
{
    /// <summary>A question typed at this terminal: logged as the CLI's, with no user (the terminal's user is no study-group member id).</summary>
    public static readonly Asker CliAsker = new(FrontEnds.Cli);

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = CliArguments.Parse(args, ["--json", "--explain", "--thread"], ["--reading"]);
        var json = parsed.Has("--json");
        var explain = parsed.Has("--explain");
        var question = parsed.Question;
        if (question is null && !json)
        {
            throw new UsageException("ask needs a question (or --json to read questions from standard input)");
        }

        using var services = CliServices.Create([], withStore: true);
        var answers = services.GetRequiredService<IAnswerService>();
        var readings = await ReadingsAsync(services, parsed.Values("--reading"));
        if (question is not null)
        {
            var answer = await answers.AskAsync(new AskRequest(question) { Asker = CliAsker, Readings = readings });
            Write(answer, json);
            if (explain)
            {
                Explain(answer);
            }

            return ExitCodes.For(answer);
        }

        // With --thread the lines are one conversation, each read as the last one's follow-up where it is one.
        var conversation = parsed.Has("--thread") ? $"cli-{Guid.NewGuid():N}" : null;
        var exitCode = ExitCodes.Answered;
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var answer = await answers.AskAsync(new AskRequest(line, conversation) { Asker = CliAsker, Readings = readings });
            Write(answer, json: true);
            if (explain)
            {
                Explain(answer);
            }

            exitCode = Math.Max(exitCode, ExitCodes.For(answer));
        }

        return exitCode;
    }

    /// <summary>
    /// The readings named by <c>--reading</c>, each a loaded reading's id (case aside); an id that is none is bad usage,
    /// named with the ids there are. Null when none is named: every reading.
    /// </summary>
    private static async Task<IReadOnlyList<string>?> ReadingsAsync(ServiceProvider services, IReadOnlyList<string> named)
    {
        if (named.Count == 0)
        {
            return null;
        }

        var knowledge = await services.GetRequiredService<PaperBot.Knowledge.KnowledgeBaseProvider>().GetAsync();
        var known = knowledge.Documents.Select(d => d.Id).ToList();
        var unknown = named.Where(n => !known.Contains(n.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"no loaded reading has the id {string.Join(", ", unknown.Select(u => $"'{u}'"))} (the readings: {string.Join(", ", known)}; 'paperbot sources' lists them)");
        }

        return named.Select(n => known.First(k => k.Equals(n.Trim(), StringComparison.OrdinalIgnoreCase))).Distinct(StringComparer.Ordinal).ToList();
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
