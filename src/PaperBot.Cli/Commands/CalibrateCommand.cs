using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Answering;
using PaperBot.Evaluation;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Configuration;

namespace PaperBot.Cli.Commands;

/// <summary>
/// <c>paperbot calibrate --grid "Answering:MinCoverage=0.55,0.6,0.65;Answering:MeaningFull=0.45,0.5"</c>: asks the dev
/// split under every combination of the given settings and prints each combination's measures, best first, by
/// accuracy over all questions with a wrong answer counted twice as bad as a wrong decline. Only the dev split is
/// used: the test split stays held out.
/// </summary>
internal static class CalibrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = CliArguments.Parse(args, [], ["--gold", "--grid", "--top"]);
        var grid = parsed.Value("--grid") ?? throw new UsageException("calibrate needs --grid \"Section:Key=v1,v2;…\"");
        var top = parsed.IntValue("--top", 15, 1, 1000);
        var goldFolder = PathResolver.ResolveFolder(parsed.Value("--gold") ?? GoldSet.DefaultFolder);
        var dev = GoldSet.LoadDev(goldFolder);
        var axes = grid.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => a.Split('=', 2))
            .Select(a => a.Length == 2 ? (Key: a[0].Trim(), Values: a[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) : throw new UsageException($"bad grid axis '{a[0]}'"))
            .ToList();
        var combinations = axes.Aggregate(
            (IEnumerable<List<(string Key, string Value)>>)[[]],
            (acc, axis) => acc.SelectMany(c => axis.Values.Select(v => new List<(string, string)>(c) { (axis.Key, v) })));

        string knowledgeFolder;
        using (var probe = CliServices.Create([]))
        {
            knowledgeFolder = probe.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolveKnowledgePath();
        }

        using var course = CourseFolder.Create(knowledgeFolder, GoldSet.ReadingsFolder(goldFolder));
        var results = new List<(string Settings, double Objective, SplitScores Scores)>();
        foreach (var combination in combinations)
        {
            var settings = combination.Select(c => $"--{c.Key}={c.Value}").ToArray();
            using var services = CliServices.Create([.. settings, $"--Knowledge:Path={course.Path}"]);
            var knowledge = await services.GetRequiredService<KnowledgeBaseProvider>().GetAsync();
            var outcomes = await GoldEvaluator.EvaluateAsync(services.GetRequiredService<IAnswerService>(), knowledge, dev);
            var scores = new EvaluationReport(outcomes).Scores(GoldSet.Dev);
            var wrongAnswers = outcomes.Count(o => !o.Correct && !o.Declined);
            var wrongDeclines = outcomes.Count(o => !o.Correct && o.Declined);
            var objective = 1 - ((2.0 * wrongAnswers) + wrongDeclines) / outcomes.Count;
            results.Add((string.Join(" ", combination.Select(c => $"{c.Key.Split(':')[^1]}={c.Value}")), objective, scores));
        }

        Console.WriteLine($"{"settings",-60} {"objective",9} {"all",6} {"facts",6} {"decl",6} {"false-d",7}");
        foreach (var (settings, objective, s) in results.OrderByDescending(r => r.Objective).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{settings,-60} {objective,9:F3} {s.Accuracy,6:F3} {s.FactAccuracy,6:F3} {s.DeclineAccuracy,6:F3} {s.FalseDeclineRate,7:F3}"));
        }

        return 0;
    }
}
