using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Answering;
using PaperBot.Evaluation;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Configuration;

namespace PaperBot.Cli.Commands;

/// <summary><c>paperbot eval [--gold FILE]</c>: the gold-set evaluation, printed as a table.</summary>
internal static class EvalCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = CliArguments.Parse(args, ["--verbose"], ["--gold"]);
        var verbose = parsed.Has("--verbose");
        var goldPath = PathResolver.ResolveFile(parsed.Value("--gold") ?? GoldSet.DefaultPath);
        if (!File.Exists(goldPath))
        {
            throw new UsageException($"gold set not found: {goldPath}");
        }

        var gold = GoldSet.Load(goldPath);
        using var services = CliServices.Create([]);
        var knowledge = await services.GetRequiredService<KnowledgeBaseProvider>().GetAsync();

        var retrieval = await RetrievalEvaluator.EvaluateAsync(knowledge, gold);
        var answerable = gold.Count(g => g.IsAnswerable);
        Console.WriteLine($"Gold set: {gold.Count} questions ({answerable} answerable, {gold.Count(g => g.IsAnswerable && g.Paraphrased)} of them paraphrased; {gold.Count(g => g.IsDecline)} to decline; {gold.Count(g => g.IsFollowUp)} follow-ups)");
        Console.WriteLine();
        Console.WriteLine("Retrieval (by section, top 10)");
        Console.WriteLine($"  {"retriever",-10} {"hit@1",7} {"hit@3",7} {"MRR",7}");
        foreach (var score in retrieval)
        {
            var name = score.Mode switch
            {
                Knowledge.Retrieval.SearchMode.Lexical => "BM25",
                Knowledge.Retrieval.SearchMode.Dense => "dense",
                _ => "hybrid",
            };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-10} {score.HitAt1,7:F3} {score.HitAt3,7:F3} {score.Mrr,7:F3}"));
        }

        var hybrid = retrieval.Single(r => r.Mode == Knowledge.Retrieval.SearchMode.Hybrid);
        if (hybrid.MissesAt3.Count > 0)
        {
            Console.WriteLine($"  hybrid misses at 3: {string.Join(", ", hybrid.MissesAt3)}");
        }

        var answers = await AnswerEvaluator.EvaluateAsync(services.GetRequiredService<IAnswerService>(), knowledge, gold);
        Console.WriteLine();
        Console.WriteLine($"Answers (extractive; {answers.Answerable} answerable, {answers.ToDecline} to decline)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  fact accuracy        {answers.FactAccuracy,7:F3}   (threshold ≥ 0.90)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  citation hit         {answers.CitationHit,7:F3}   (threshold ≥ 0.95)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  decline accuracy     {answers.DeclineAccuracy,7:F3}   (threshold ≥ 0.90)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  false-decline rate   {answers.FalseDeclineRate,7:F3}   (threshold ≤ 0.05)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  median answer words  {answers.MedianWords,7:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  verbatim-quote rate  {answers.VerbatimQuoteRate,7:F3}   ({answers.Quotes} quotes; threshold 1.000)"));
        foreach (var miss in answers.Outcomes.Where(o => o.Item.IsAnswerable ? !(o.FactsFound && o.CitationHit && !o.Declined) : !o.CorrectDecline))
        {
            Console.WriteLine($"  miss {miss.Item.Id}: {AnswerJson.StatusName(miss.Answer.Status)} facts={miss.FactsFound} cited={string.Join(",", miss.Answer.Citations.Select(c => c.SectionId))} :: {miss.Item.Question}");
            if (verbose)
            {
                Console.WriteLine($"       {miss.Answer.Text.Replace('\n', ' ')}");
            }
        }

        var uncited = answers.Outcomes.SelectMany(o => o.UncitedSentences).ToList();
        if (uncited.Count > 0)
        {
            Console.WriteLine($"  sentences without a citation: {uncited.Count}");
        }

        var followUps = await FollowUpEvaluator.EvaluateAsync(services.GetRequiredService<IAnswerService>(), gold);
        Console.WriteLine();
        Console.WriteLine($"Follow-ups (two-turn conversations; {followUps.FollowUps})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  follow-up accuracy   {followUps.Accuracy,7:F3}   (threshold ≥ 0.85)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  citation hit         {followUps.CitationHit,7:F3}"));
        foreach (var miss in followUps.Outcomes.Where(o => !o.FactsFound))
        {
            Console.WriteLine($"  miss {miss.Item.Id}: {AnswerJson.StatusName(miss.Answer.Status)} cited={string.Join(",", miss.Answer.Citations.Select(c => c.SectionId))} :: {miss.Item.Previous} → {miss.Item.Question}");
            if (verbose)
            {
                Console.WriteLine($"       previous: {AnswerJson.StatusName(miss.Previous.Status)} {miss.Previous.Kind}; read as: {miss.Answer.Interpretation ?? "(standalone)"}");
                Console.WriteLine($"       {miss.Answer.Text.Replace('\n', ' ')}");
            }
        }

        var followUpUncited = followUps.Outcomes.SelectMany(o => o.UncitedSentences).ToList();
        if (followUpUncited.Count > 0)
        {
            Console.WriteLine($"  follow-up sentences without a citation: {followUpUncited.Count}");
        }

        return 0;
    }
}
