using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Knowledge;

namespace PaperBot.Cli.Commands;

/// <summary><c>paperbot sections [--json] [--paragraphs]</c>: the outline of every reading with its section ids.</summary>
internal static class SectionsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = CliArguments.Parse(args, ["--json", "--paragraphs"], []);
        using var services = CliServices.Create([]);
        var knowledge = await services.GetRequiredService<KnowledgeBaseProvider>().GetAsync();
        if (parsed.Has("--json"))
        {
            var outline = knowledge.Documents.Select(d => new
            {
                documentId = d.Id,
                name = d.DisplayName,
                sections = d.Sections.Select(s => new { sectionId = s.Id, title = s.Title, parentId = s.ParentId, paragraphs = s.Paragraphs.Count }),
            });
            Console.WriteLine(JsonSerializer.Serialize(outline, CliServices.Json));
            return 0;
        }

        foreach (var document in knowledge.Documents)
        {
            Console.WriteLine(document.DisplayName);
            foreach (var section in document.Sections)
            {
                Console.WriteLine($"{new string(' ', section.Level * 2)}{section.Id,-9} {section.Title}");
                if (parsed.Has("--paragraphs"))
                {
                    foreach (var paragraph in section.Paragraphs)
                    {
                        Console.WriteLine($"      ¶{paragraph.Number}");
                        foreach (var sentence in paragraph.Sentences)
                        {
                            Console.WriteLine($"        [{sentence.Index}] {sentence.Text}");
                        }
                    }
                }
            }
        }

        return 0;
    }
}
