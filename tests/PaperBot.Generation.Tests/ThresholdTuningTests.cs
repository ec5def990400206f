using System.Globalization;
using System.Text;
using PaperBot.Testing;

namespace PaperBot.Generation.Tests;

/// <summary>
/// How <c>Llm:MinSupportSimilarity</c> was chosen: on every answerable gold question, the similarity of grounded
/// paraphrases to their passage (which must be kept) against that of paper sentences cited to a passage that does not
/// say them (which must go). The facts check handles invented numbers, names and quotations on its own.
/// </summary>
public sealed class ThresholdTuningTests(PaperFixture paper)
{
    [Fact]
    public async Task MinSupportSimilarity_Default_SeparatesGroundedFromMisattributedOnGoldSet()
    {
        var replies = await GoldReplies.BuildAsync(paper);
        var grounded = new List<double>();
        var reworded = new List<double>();
        var compressed = new List<double>();
        var misattributed = new List<double>();
        foreach (var reply in replies)
        {
            grounded.AddRange(await SimilaritiesAsync(reply, reply.Grounded));
            reworded.AddRange(await SimilaritiesAsync(reply, reply.Reworded));
            compressed.AddRange(await SimilaritiesAsync(reply, reply.Compressed));
            misattributed.AddRange(await SimilaritiesAsync(reply, reply.Misattributed));
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"grounded n={grounded.Count} {Describe(grounded)}");
        report.AppendLine(CultureInfo.InvariantCulture, $"reworded n={reworded.Count} {Describe(reworded)}");
        report.AppendLine(CultureInfo.InvariantCulture, $"compressed n={compressed.Count} {Describe(compressed)}");
        report.AppendLine(CultureInfo.InvariantCulture, $"misattributed (facts passed) n={misattributed.Count} {Describe(misattributed)}");
        for (var t = 0.70; t <= 0.951; t += 0.01)
        {
            var threshold = t;
            report.AppendLine(CultureInfo.InvariantCulture, $"t={threshold:F2} keeps grounded {grounded.Count(s => s >= threshold)}/{grounded.Count}, reworded {reworded.Count(s => s >= threshold)}/{reworded.Count}, compressed {compressed.Count(s => s >= threshold)}/{compressed.Count}, keeps misattributed {misattributed.Count(s => s >= threshold)}/{misattributed.Count}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "paperbot-threshold-tuning.txt"), report.ToString());

        // The bars the default was chosen against: paraphrases all kept, nine in ten short answers kept, and at most
        // one in five misattributed sentences that slipped past the facts check kept.
        var min = LlmOptions.DefaultMinSupportSimilarity;
        Assert.True(grounded.Count(s => s >= min) >= grounded.Count * 0.99, report.ToString());
        Assert.True(reworded.Count(s => s >= min) >= reworded.Count * 0.99, report.ToString());
        Assert.True(compressed.Count(s => s >= min) >= compressed.Count * 0.90, report.ToString());
        // Measured on the dev split (over 200 answerable questions), no threshold keeps nine in ten short answers and
        // drops seven in eight misattributed sentences at once; 0.86 keeps the short answers and drops four in five.
        Assert.True(misattributed.Count(s => s >= min) <= misattributed.Count * 0.2, report.ToString());
    }

    /// <summary>The similarity of each sentence that passed the facts check (threshold 0 keeps every such sentence).</summary>
    private async Task<IEnumerable<double>> SimilaritiesAsync(GoldReply reply, IReadOnlyList<string> sentences)
    {
        if (sentences.Count == 0)
        {
            return [];
        }

        var report = await GroundingCheck.RunAsync(string.Join(" ", sentences), reply.Request.Passages, paper.Knowledge, 0, TestContext.Current.CancellationToken);
        return report.Sentences.Where(s => s.Kept).Select(s => s.Similarity);
    }

    private static string Describe(List<double> values)
    {
        if (values.Count == 0)
        {
            return "(none)";
        }

        var sorted = values.Order().ToList();
        double At(double q) => sorted[(int)Math.Clamp(Math.Round(q * (sorted.Count - 1)), 0, sorted.Count - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"min {sorted[0]:F3} p05 {At(0.05):F3} p25 {At(0.25):F3} median {At(0.5):F3} p75 {At(0.75):F3} p95 {At(0.95):F3} max {sorted[^1]:F3}");
    }
}
