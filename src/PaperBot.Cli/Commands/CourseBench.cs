using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Answering;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Configuration;

namespace PaperBot.Cli.Commands;

/// <summary>
/// <c>paperbot bench --readings N|FOLDER</c>: the answer path with a whole course loaded, beside the one-reading
/// figures of the same run. N builds a course of N readings from the shipped paper (each a copy under its own id and
/// title, so the index, the store and every per-reading structure hold N readings); a folder is read as it is.
/// </summary>
internal static class CourseBench
{
    public static async Task RunAsync(string course, string cacheFolder, IReadOnlyList<string> questions, int rounds, double oneEmbedP50, double oneAnswerP50)
    {
        string folder;
        string? made = null;
        if (int.TryParse(course, CultureInfo.InvariantCulture, out var count))
        {
            if (count is < 2 or > 200)
            {
                throw new UsageException("--readings takes a number of readings from 2 to 200");
            }

            using var configurationOnly = CliServices.Create([]);
            var shipped = configurationOnly.GetRequiredService<Microsoft.Extensions.Options.IOptions<KnowledgeOptions>>().Value.ResolveKnowledgePath();
            folder = made = Path.Combine(Path.GetTempPath(), "paperbot-course-" + Environment.ProcessId);
            MakeCourse(shipped, folder, count);
        }
        else
        {
            folder = Path.GetFullPath(PathResolver.ExpandHome(course));
        }

        try
        {
            var watch = Stopwatch.StartNew();
            using var services = CliServices.Create([$"--Knowledge:CachePath={cacheFolder}", $"--Knowledge:Path={folder}"]);
            var knowledge = await services.GetRequiredService<KnowledgeBaseProvider>().GetAsync();
            var start = watch.Elapsed;
            var answers = services.GetRequiredService<IAnswerService>();
            var (embedTimes, answerTimes) = await BenchCommand.TimeBesideEmbeddingAsync(knowledge, questions, rounds, q => answers.AskAsync(q));

            var embedP50 = BenchCommand.Percentile(embedTimes, 50);
            var answerP50 = BenchCommand.Percentile(answerTimes, 50);
            var report = knowledge.Report;
            Console.WriteLine($"  course                      {report.Documents} reading(s), {report.Chunks} chunks, {report.Sentences} sentences, {report.Words} words ({report.Texts} embedded texts; {report.Embedded} embedded now)");
            BenchCommand.Row("course start, warm model", start.TotalMilliseconds, "ms", "(index of every reading built; texts from the cache)");
            BenchCommand.Row("course query embedding p50", embedP50, "ms");
            BenchCommand.Row("course answer p50", answerP50, "ms", string.Create(CultureInfo.InvariantCulture,
                $"({answerP50 / oneAnswerP50:F2} × one reading, target ≤ 1.25 ×; {answerP50 / oneEmbedP50:F2} × embedding, target ≤ 1.5 ×)"));
            BenchCommand.Row("course answer p95", BenchCommand.Percentile(answerTimes, 95), "ms");
            BenchCommand.Row("peak resident memory", BenchCommand.PeakResidentMegabytes(), "MB", "(after the course)");
        }
        finally
        {
            if (made is not null)
            {
                try
                {
                    Directory.Delete(made, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    /// <summary>The shipped readings, and copies of the first until there are <paramref name="count"/>, each with its own id and title.</summary>
    internal static void MakeCourse(string shipped, string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var readings = Directory.EnumerateFiles(shipped)
            .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var file in Directory.EnumerateFiles(shipped))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        var first = readings[0];
        var extension = Path.GetExtension(first);
        var stem = Path.GetFileNameWithoutExtension(first);
        var sidecar = File.Exists(first + ".json") ? JsonNode.Parse(File.ReadAllText(first + ".json"))?.AsObject() ?? [] : [];
        var title = sidecar["title"]?.GetValue<string>() ?? stem;
        for (var k = readings.Count + 1; k <= count; k++)
        {
            var copy = Path.Combine(folder, $"{stem}-week{k}{extension}");
            File.Copy(first, copy, overwrite: true);
            var own = JsonNode.Parse(sidecar.ToJsonString())!.AsObject();
            own["title"] = $"{title} (week {k})";
            File.WriteAllText(copy + ".json", own.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
    }
}
