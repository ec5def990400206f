using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Answering;
using PaperBot.Evaluation;
using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Cli.Commands;

/// <summary>
/// <c>paperbot bench</c>: the speed and memory figures the README quotes. Run it with <c>-c Release</c>.
/// Cold build uses an empty cache folder; warm start loads the model and the index with the cache filled.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = CliArguments.Parse(args, ["--no-host", "--slowest", "--stages"], ["--gold", "--rounds", "--host-questions", "--readings"]);
        var course = parsed.Value("--readings");
        if (course is not null && !int.TryParse(course, CultureInfo.InvariantCulture, out _) && !Directory.Exists(PathResolver.ExpandHome(course)))
        {
            throw new UsageException($"--readings takes a number of readings (2–200) or a readings folder; '{course}' is neither");
        }

        var rounds = parsed.IntValue("--rounds", 3, 1, 50);
        var gold = GoldSet.LoadDev(PathResolver.ResolveFolder(parsed.Value("--gold") ?? GoldSet.DefaultFolder));
        var cacheFolder = Path.Combine(Path.GetTempPath(), "paperbot-bench-" + Environment.ProcessId);
        ServiceProvider? services = null;

        try
        {
            // Cold: model load, then the whole index built with nothing cached.
            var watch = Stopwatch.StartNew();
            TimeSpan modelLoad, coldBuild;
            double modelRate, buildRate;
            IndexReport coldReport;
            using (var configurationOnly = CliServices.Create([]))
            using (var generator = new ArcticXsEmbeddingGenerator(cacheFolder))
            {
                modelLoad = watch.Elapsed;
                var chunking = configurationOnly.GetRequiredService<IOptions<ChunkingOptions>>().Value;
                var folder = configurationOnly.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolveKnowledgePath();
                watch.Restart();
                var loaded = DocumentLoader.LoadFolder(folder);
                var cache = new EmbeddingCache(cacheFolder, ArcticXsEmbeddingGenerator.ModelId, ArcticXsEmbeddingGenerator.Dimensions);
                var cold = await KnowledgeBase.BuildAsync(loaded, chunking, generator, cache, new EmbeddedChunkStore(), ArcticXsEmbeddingGenerator.QueryPrefix, CancellationToken.None);
                coldReport = cold.Report;
                coldBuild = watch.Elapsed;

                // The model alone on the same texts, in one call (its own batches): what the build's rate is held to.
                var texts = cold.Chunks.Select(c => c.IndexText)
                    .Concat(cold.AllSentences().Select(x => x.Text))
                    .Concat(Enumerable.Range(0, cold.Words.Count).Select(id => Knowledge.Lexical.WordIndex.EmbeddingText(cold.Words.WordOf(id))))
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                watch.Restart();
                await generator.GenerateAsync(texts);
                modelRate = texts.Count / watch.Elapsed.TotalSeconds;

                // The build again into an empty cache, the model warm as it was for its own rate: the build's rate.
                var again = Path.Combine(cacheFolder, "rate");
                watch.Restart();
                var rebuilt = await KnowledgeBase.BuildAsync(
                    DocumentLoader.LoadFolder(folder), chunking, generator, new EmbeddingCache(again, ArcticXsEmbeddingGenerator.ModelId, ArcticXsEmbeddingGenerator.Dimensions),
                    new EmbeddedChunkStore(), ArcticXsEmbeddingGenerator.QueryPrefix, CancellationToken.None);
                buildRate = rebuilt.Report.Embedded / watch.Elapsed.TotalSeconds;
            }

            GC.Collect();

            // Warm: what a second start of the bot does, through the same services: model, documents, cache, store.
            watch.Restart();
            services = CliServices.Create([$"--Knowledge:CachePath={cacheFolder}"]);
            var knowledge = await services.GetRequiredService<KnowledgeBaseProvider>().GetAsync();
            var warmStart = watch.Elapsed;

            var questions = gold.Select(g => g.Question).ToList();
            var (embedTimes, searchTimes) = await TimeBesideEmbeddingAsync(knowledge, questions, rounds, q => knowledge.SearchAsync(q, 5));

            // End to end through the answer service (guardrails, retrieval, sentence choice, composition).
            var answers = services.GetRequiredService<IAnswerService>();
            foreach (var question in questions.Take(5))
            {
                await answers.AskAsync(question);
            }

            var answerTimes = new List<double>();
            var stages = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var byQuestion = questions.Distinct().ToDictionary(q => q, _ => new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var question in questions)
                {
                    watch.Restart();
                    var answer = await answers.AskAsync(question);
                    answerTimes.Add(watch.Elapsed.TotalMilliseconds);
                    byQuestion[question].Add(watch.Elapsed.TotalMilliseconds);
                    foreach (var (stage, milliseconds) in answer.Stages)
                    {
                        (stages.TryGetValue(stage, out var list) ? list : stages[stage] = []).Add(milliseconds);
                    }
                }
            }

            var embedP50 = Percentile(embedTimes, 50);
            var searchP50 = Percentile(searchTimes, 50);
            Console.WriteLine($"PaperBot benchmark ({Environment.ProcessorCount} cores, {RuntimeLabel()})");
            Console.WriteLine($"  corpus                      {coldReport.Documents} document(s), {coldReport.Chunks} chunks, {coldReport.Sentences} sentences, {coldReport.Embedded} texts embedded cold");
            Row("model load", modelLoad.TotalMilliseconds, "ms");
            Row("index build, cold cache", coldBuild.TotalMilliseconds, "ms", "(target ≤ 5000 ms, model load excluded)");
            Row("index build rate", buildRate, "t/s", string.Create(CultureInfo.InvariantCulture, $"(texts embedded per second of the whole build, empty cache, model warm; {buildRate / modelRate * 100:F0} % of the model's own rate; target ≥ 80 %)"));
            Row("model batch rate", modelRate, "t/s", "(the same texts embedded in one call)");
            Row("start, warm cache", warmStart.TotalMilliseconds, "ms", $"(target ≤ 1500 ms; model load included; {knowledge.Report.Embedded} texts embedded)");
            Row("query embedding p50", embedP50, "ms");
            Row("search p50", searchP50, "ms", string.Create(CultureInfo.InvariantCulture, $"({searchP50 / embedP50:F2} × embedding; target ≤ 1.3 ×)"));
            Row("search p95", Percentile(searchTimes, 95), "ms");
            var answerP50 = Percentile(answerTimes, 50);
            var answerP95 = Percentile(answerTimes, 95);
            Row("answer p50 (end to end)", answerP50, "ms", string.Create(CultureInfo.InvariantCulture, $"({answerP50 / embedP50:F2} × embedding; target ≤ 1.5 ×)"));
            Row("answer p95 (end to end)", answerP95, "ms", string.Create(CultureInfo.InvariantCulture, $"({answerP95 / embedP50:F2} × embedding; target ≤ 3 ×)"));
            Row("peak resident memory", PeakResidentMegabytes(), "MB", "(target ≤ 400 MB)");
            if (parsed.Has("--slowest"))
            {
                foreach (var (question, times) in byQuestion.OrderByDescending(p => Percentile(p.Value, 50)).Take(10))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    slow: {Percentile(times, 50),6:F1} ms  {question}"));
                }
            }

            if (parsed.Has("--stages"))
            {
                // Where an answer's time goes: each stage's mean over the questions that reached it.
                foreach (var (stage, times) in stages)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    stage {stage,-14} mean {times.Average(),6:F2} ms over {times.Count} answers"));
                }
            }

            if (course is not null)
            {
                services.Dispose();
                services = null;
                await CourseBench.RunAsync(course, cacheFolder, questions, rounds, embedP50, answerP50);
            }

            if (!parsed.Has("--no-host"))
            {
                await HostMemoryBench.RunAsync(questions, parsed.IntValue("--host-questions", 1000, 10, 100_000), cacheFolder);
            }

            return 0;
        }
        finally
        {
            services?.Dispose();
            TryDelete(cacheFolder);
        }
    }

    /// <summary>
    /// After five questions to warm the session's kernels, each question of each round timed twice: its query
    /// embedding alone, then the work measured (a search, an answer), so the two can be compared.
    /// </summary>
    internal static async Task<(List<double> Embedding, List<double> Measured)> TimeBesideEmbeddingAsync(
        Knowledge.Retrieval.KnowledgeBase knowledge, IReadOnlyList<string> questions, int rounds, Func<string, Task> measured)
    {
        foreach (var question in questions.Take(5))
        {
            await measured(question);
        }

        var watch = new Stopwatch();
        var embedding = new List<double>();
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var question in questions)
            {
                watch.Restart();
                await knowledge.EmbedQueryAsync(question);
                embedding.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                await measured(question);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (embedding, times);
    }

    internal static void Row(string name, double value, string unit, string note = "") =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-27} {value,9:F1} {unit,-3} {note}"));

    internal static double Percentile(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    /// <summary>The process's peak resident set (VmHWM on Linux; the peak working set elsewhere).</summary>
    internal static double PeakResidentMegabytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && double.TryParse(line[6..].Trim().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var kb))
            {
                return kb / 1024;
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    private static string RuntimeLabel() =>
#if DEBUG
        "Debug build: use -c Release for the README figures";
#else
        "Release";
#endif

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}
