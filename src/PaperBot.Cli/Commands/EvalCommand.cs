using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Answering;
using PaperBot.Evaluation;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Cli.Commands;

/// <summary>
/// <c>paperbot eval [--gold FOLDER] [--misses]</c>: the gold-set evaluation. Questions about the shipped readings are
/// asked with those readings loaded; questions about the readings the tests add are asked with every reading
/// loaded. Prints each split's measures, the dev–test gap, every category in both splits and the misses by reason
/// (individual misses of the dev split only: the test split is read in totals). Exits 1 when a measure of the test
/// split falls below the gate.
/// </summary>
internal static class EvalCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = CliArguments.Parse(args, ["--misses", "--verbose"], ["--gold", "--features"]);
        var goldFolder = PathResolver.ResolveFolder(parsed.Value("--gold") ?? GoldSet.DefaultFolder);
        if (!Directory.Exists(goldFolder))
        {
            throw new UsageException($"gold folder not found: {goldFolder}");
        }

        var gold = GoldSet.LoadFolder(goldFolder);
        var outcomes = new List<ItemOutcome>();
        IReadOnlyList<RetrievalScores> retrieval;
        string knowledgeFolder;
        using (var services = CliServices.Create([]))
        {
            knowledgeFolder = services.GetRequiredService<IOptions<Knowledge.Configuration.KnowledgeOptions>>().Value.ResolveKnowledgePath();
            var knowledge = await services.GetRequiredService<KnowledgeBaseProvider>().GetAsync();
            var shipped = gold.Where(g => knowledge.FindDocument(g.Reading) is not null).ToList();
            outcomes.AddRange(await GoldEvaluator.EvaluateAsync(services.GetRequiredService<IAnswerService>(), knowledge, shipped));
            retrieval = await RetrievalEvaluator.EvaluateAsync(knowledge, shipped.Where(g => g.Split == GoldSet.Dev).ToList());
        }

        var added = gold.Where(g => outcomes.All(o => o.Item.Reading != g.Reading)).ToList();
        if (added.Count > 0)
        {
            using var course = CourseFolder.Create(knowledgeFolder, GoldSet.ReadingsFolder(goldFolder));
            using var services = CliServices.Create([$"--Knowledge:Path={course.Path}"]);
            var knowledge = await services.GetRequiredService<KnowledgeBaseProvider>().GetAsync();
            var asked = added.Where(g => knowledge.FindDocument(g.Reading) is not null).ToList();
            outcomes.AddRange(await GoldEvaluator.EvaluateAsync(services.GetRequiredService<IAnswerService>(), knowledge, asked));
            foreach (var missing in added.Except(asked).Select(g => g.Reading).Distinct())
            {
                Console.Error.WriteLine($"paperbot: no reading '{missing}' in {knowledgeFolder} or {GoldSet.ReadingsFolder(goldFolder)}; its questions are skipped");
            }
        }

        var report = new EvaluationReport(outcomes);
        if (parsed.Value("--features") is { } featureFile)
        {
            WriteFeatures(featureFile, report);
        }

        Print(report, retrieval, parsed.Has("--misses"), parsed.Has("--verbose"));
        var unmet = report.Failures(EvaluationTargets.Goals);
        Console.WriteLine();
        Console.WriteLine(unmet.Count == 0 ? "Every goal is met on the test split." : $"Goals not yet met on the test split ({unmet.Count}):");
        foreach (var miss in unmet)
        {
            Console.WriteLine($"  {miss}");
        }

        // The gate is what CI holds the product to: below it, answers got worse on questions nobody tuned for.
        var failures = report.Failures(EvaluationTargets.Gate);
        Console.WriteLine();
        if (failures.Count == 0)
        {
            Console.WriteLine("The gate holds on the test split.");
            return ExitCodes.Answered;
        }

        Console.WriteLine($"Below the gate on the test split ({failures.Count}):");
        foreach (var failure in failures)
        {
            Console.WriteLine($"  {failure}");
        }

        return ExitCodes.Declined;
    }

    private static void Print(EvaluationReport report, IReadOnlyList<RetrievalScores> retrieval, bool misses, bool verbose)
    {
        var dev = report.Scores(GoldSet.Dev);
        var test = report.Scores(GoldSet.Test);
        Console.WriteLine($"Gold set: {report.Outcomes.Count} questions ({dev.Items} dev, {test.Items} test), {report.Outcomes.Select(o => o.Item.Reading).Distinct().Count()} readings, {report.Categories.Count} categories");
        Console.WriteLine();
        Console.WriteLine("Retrieval on the dev split (by section, top 10)");
        Console.WriteLine($"  {"retriever",-10} {"hit@1",7} {"hit@3",7} {"MRR",7}");
        foreach (var score in retrieval)
        {
            var name = score.Mode switch { SearchMode.Lexical => "BM25", SearchMode.Dense => "dense", _ => "hybrid" };
            Console.WriteLine(Invariant($"  {name,-10} {score.HitAt1,7:F3} {score.HitAt3,7:F3} {score.Mrr,7:F3}"));
        }

        Console.WriteLine();
        Console.WriteLine($"  {"measure",-22} {"dev",7} {"test",7} {"gap",7}   target (test)");
        Row("fact accuracy", dev.FactAccuracy, test.FactAccuracy, "≥ 0.93");
        Row("citation hit", dev.CitationHit, test.CitationHit, "≥ 0.95");
        Row("decline accuracy", dev.DeclineAccuracy, test.DeclineAccuracy, "≥ 0.95");
        Row("false-decline rate", dev.FalseDeclineRate, test.FalseDeclineRate, "≤ 0.03");
        Row("follow-up accuracy", dev.FollowUpAccuracy, test.FollowUpAccuracy, "≥ 0.85");
        Row("small talk", dev.SmallTalkAccuracy, test.SmallTalkAccuracy, "≥ 0.85");
        Row("all questions", dev.Accuracy, test.Accuracy, string.Empty);
        Row("verbatim quotes", dev.VerbatimQuoteRate, test.VerbatimQuoteRate, "= 1");
        Console.WriteLine(Invariant($"  {"median answer words",-22} {dev.MedianWords,7:F0} {test.MedianWords,7:F0}"));
        Console.WriteLine(Invariant($"  {"uncited sentences",-22} {dev.UncitedSentences,7} {test.UncitedSentences,7}"));
        Console.WriteLine();
        Console.WriteLine($"  {"category",-22} {"dev",11} {"test",11}   (share correct, questions)");
        foreach (var category in report.Categories)
        {
            var d = report.Scores(GoldSet.Dev, category);
            var t = report.Scores(GoldSet.Test, category);
            Console.WriteLine(Invariant($"  {category,-22} {d.Accuracy,5:F3} ({d.Items,3}) {t.Accuracy,5:F3} ({t.Items,3})"));
        }

        Console.WriteLine();
        Console.WriteLine("Misses by reason:");
        foreach (var split in new[] { GoldSet.Dev, GoldSet.Test })
        {
            Console.WriteLine($"  {split,-5} {string.Join(", ", report.MissesByReason(split).Select(p => $"{p.Key} {p.Value}"))}");
        }

        if (misses)
        {
            Console.WriteLine();
            Console.WriteLine("Dev misses:");
            foreach (var miss in report.Outcomes.Where(o => o.Item.Split == GoldSet.Dev && !o.Correct))
            {
                var status = GoldEvaluator.StatusName(miss.Answer.Status);
                Console.WriteLine($"  {miss.Item.Id} [{miss.Item.Category}] {status}/{miss.Answer.Reason ?? miss.Answer.Kind} facts={miss.FactsFound} cited={string.Join(",", miss.Answer.Citations.Select(c => c.SectionId))} :: {(miss.Item.Previous is null ? string.Empty : miss.Item.Previous + " → ")}{miss.Item.Question}");
                if (verbose)
                {
                    Console.WriteLine($"       {miss.Answer.Text.Replace('\n', ' ')}");
                    foreach (var evidence in miss.Answer.Evidence)
                    {
                        Console.WriteLine($"         {evidence}");
                    }
                }
            }
        }

        static void Row(string name, double dev, double test, string target) =>
            Console.WriteLine(Invariant($"  {name,-22} {dev,7:F3} {test,7:F3} {Math.Abs(dev - test),7:F3}   {target}"));
    }

    /// <summary>The decision's evidence for every dev question, one row each, for calibrating its thresholds.</summary>
    private static void WriteFeatures(string path, EvaluationReport report)
    {
        var rows = report.Outcomes.Where(o => o.Item.Split == GoldSet.Dev && o.Answer.Evidence.Count > 0).ToList();
        var measures = rows.SelectMany(o => o.Answer.Evidence.Select(e => e.Measure)).Where(m => !m.StartsWith("word ", StringComparison.Ordinal)).Distinct().ToList();
        using var writer = new StreamWriter(path);
        writer.WriteLine("id\tkind\tcategory\tcorrect\tstatus\treason\t" + string.Join("\t", measures) + "\twords");
        foreach (var row in rows)
        {
            var values = measures.Select(m => row.Answer.Evidence.FirstOrDefault(e => e.Measure == m)?.Value.ToString("0.####", CultureInfo.InvariantCulture) ?? string.Empty);
            var words = string.Join(" | ", row.Answer.Evidence.Where(e => e.Measure.StartsWith("word ", StringComparison.Ordinal)).Select(e => Invariant($"{e.Measure[5..]}={e.Value:0.##};{e.Detail}")));
            writer.WriteLine($"{row.Item.Id}\t{row.Item.Kind}\t{row.Item.Category}\t{row.Correct}\t{GoldEvaluator.StatusName(row.Answer.Status)}\t{row.Answer.Reason}\t{string.Join("\t", values)}\t{words}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
