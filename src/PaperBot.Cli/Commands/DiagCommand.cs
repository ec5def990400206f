using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Answering.Guardrails;
using PaperBot.Evaluation;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Configuration;

namespace PaperBot.Cli.Commands;

internal static class DiagCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var gold = GoldSet.Load(PathResolver.ResolveFile(GoldSet.DefaultPath));
        using var services = CliServices.Create([]);
        var kb = await services.GetRequiredService<KnowledgeBaseProvider>().GetAsync();
        var vocab = new PaperVocabulary(kb);
        var centroid = new float[384];
        var sentences = kb.AllSentences().ToList();
        foreach (var s in sentences) { var v = kb.SentenceVector(s)!; for (int i = 0; i < 384; i++) centroid[i] += v[i]; }
        var norm = MathF.Sqrt(centroid.Sum(x => x * x)); for (int i = 0; i < 384; i++) centroid[i] /= norm;
        foreach (var g in gold)
        {
            var a = QuestionAnalyzer.Analyze(g.Question, vocab);
            var q = await kb.EmbedQueryAsync(g.Question);
            var maxSent = sentences.Max(s => Dot(q, kb.SentenceVector(s)!));
            var cent = Dot(q, centroid);
            var unk = new List<string>();
            foreach (var u in a.UnknownTerms)
            {
                var uv = (await kb.EmbedPassagesAsync([u]))[0];
                unk.Add(u + ":" + sentences.Max(s => Dot(uv, kb.SentenceVector(s)!)).ToString("F2", CultureInfo.InvariantCulture));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{g.Id} {g.Category ?? "",-13} maxS {maxSent:F3} cent {cent:F3} cov {a.Coverage:F2} inj {InjectionDetector.LooksLikeInjection(g.Question)} type {a.AnswerType} absent [{string.Join("|", a.AbsentSubjects)}] unk [{string.Join(" ", unk)}] :: {g.Question}"));
        }
        return 0;
    }

    private static float Dot(float[] a, float[] b) { float s = 0; for (int i = 0; i < a.Length; i++) s += a[i] * b[i]; return s; }
}
