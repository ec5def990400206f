using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Embeddings;

namespace PaperBot.Cli.Commands;

/// <summary>
/// <c>paperbot index</c>: builds or refreshes the index and the embedding cache from the readings folder, as the
/// host does at start, printing how far it has got (readings done / total, texts embedded / total, texts per
/// second), then one line per reading. Texts already in the cache are not embedded again, so a second run is quick.
/// </summary>
internal static class IndexCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        CliArguments.Parse(args, [], []);
        using var services = CliServices.Create([]);
        var provider = services.GetRequiredService<KnowledgeBaseProvider>();
        Console.WriteLine($"Indexing the readings in {provider.Folder}");
        var refresh = await provider.RefreshAsync(new Printer());
        var knowledge = refresh.Knowledge;
        var report = knowledge.Report;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Documents} reading(s): {report.Chunks} chunks, {report.Sentences} sentences, {report.Words} words; {report.Embedded} text(s) embedded, {report.Texts - report.Embedded} found in the cache or met before; store {provider.Store.Name} updated for {report.DocumentsWritten} reading(s) in {report.Elapsed.TotalSeconds:F1} s"));
        foreach (var document in knowledge.Documents)
        {
            var title = document.Metadata.Title ?? document.DisplayName;
            var at = knowledge.IndexedAt(document.Id)?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "-";
            Console.WriteLine($"  {document.Id,-32} {document.Sections.Count,3} sections  indexed {at}  {title}");
        }

        foreach (var warning in report.Warnings)
        {
            Console.Error.WriteLine($"paperbot: {warning}");
        }

        return ExitCodes.Answered;
    }

    /// <summary>Prints the embedding's progress: at the start, each time a reading is done, every two seconds, and at the end.</summary>
    private sealed class Printer : IProgress<EmbeddingProgress>
    {
        private int _done = -1;
        private TimeSpan _printed;

        public void Report(EmbeddingProgress value)
        {
            var last = value.Embedded == value.Total;
            if (!last && value.Embedded > 0 && value.DocumentsDone == _done && value.Elapsed - _printed < TimeSpan.FromSeconds(2))
            {
                return;
            }

            _done = value.DocumentsDone;
            _printed = value.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  readings {value.DocumentsDone}/{value.Documents}  texts {value.Embedded}/{value.Total}  {value.TextsPerSecond:F0} texts/s  {value.Elapsed.TotalSeconds:F1} s"));
        }
    }
}
