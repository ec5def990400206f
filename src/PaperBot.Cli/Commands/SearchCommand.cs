using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Cli.Commands;

/// <summary><c>paperbot search "question" [--top N] [--json]</c>; with <c>--json</c> and no question, one question per input line.</summary>
internal static class SearchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = CliArguments.Parse(args, ["--json"], ["--top"]);
        var json = parsed.Has("--json");
        var question = parsed.Question;
        if (question is null && !json)
        {
            throw new UsageException("search needs a question (or --json to read questions from standard input)");
        }

        using var services = CliServices.Create([]);
        var top = parsed.IntValue("--top", services.GetRequiredService<IOptions<RetrievalOptions>>().Value.Top, 1, 50);
        var knowledge = await services.GetRequiredService<KnowledgeBaseProvider>().GetAsync();

        if (question is not null)
        {
            return await SearchOneAsync(knowledge, question, top, json) ? 0 : 1;
        }

        var failures = 0;
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (!await SearchOneAsync(knowledge, line, top, json: true))
            {
                failures++;
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task<bool> SearchOneAsync(KnowledgeBase knowledge, string question, int top, bool json)
    {
        var problem = QuestionInput.Validate(question);
        if (problem is not null)
        {
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { question = Shorten(question), error = problem }, CliServices.Json));
            }
            else
            {
                Console.Error.WriteLine($"paperbot: {problem}");
            }

            return false;
        }

        var hits = await knowledge.SearchAsync(question, top);
        if (json)
        {
            var payload = new
            {
                question,
                hits = hits.Select(h => new { documentId = h.DocumentId, sectionId = h.SectionId, sectionTitle = h.SectionTitle, paragraph = h.Paragraph, text = h.Text, score = Math.Round(h.Score, 4) }),
            };
            Console.WriteLine(JsonSerializer.Serialize(payload, CliServices.Json));
            return true;
        }

        Console.WriteLine($"Top {hits.Count} passage(s) for: {question}");
        var rank = 1;
        foreach (var hit in hits)
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rank++}. {SectionLabel.Format(hit.SectionId, hit.SectionTitle)}, paragraph {hit.Paragraph} (score {hit.Score:F4})"));
            Console.WriteLine($"   {hit.Text}");
        }

        return true;
    }

    /// <summary>Echoes at most the first 200 characters of a rejected question.</summary>
    internal static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
