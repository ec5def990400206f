using PaperBot.Evaluation;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Answering.Tests;

/// <summary>The quality targets the product is held to, measured on the held-out test split of the gold set.</summary>
public sealed class GoldSetEvaluationTests(AnsweringFixture fixture)
{
    [Fact]
    public void GoldSet_Shape_IsBigEnoughAndHonest()
    {
        var gold = fixture.Gold;
        Assert.True(gold.Count >= 300, $"{gold.Count} questions");
        Assert.True(gold.Select(g => g.Category).Distinct().Count() >= 12);
        Assert.True(gold.Count(g => g.Split == GoldSet.Test) >= 150);
        Assert.All(gold.Where(g => g.IsAnswerable || g.IsFollowUp), g => Assert.NotEmpty(g.Facts));
        Assert.All(gold.Where(g => g.IsDecline), g => Assert.NotEmpty(g.Expect));
        Assert.Equal(gold.Count, gold.Select(g => g.Id).Distinct().Count());
        var added = gold.Where(g => fixture.Knowledge.FindDocument(g.Reading) is null).ToList();
        Assert.True(added.Count >= 30, $"{added.Count} questions about a reading the tests add");
        Assert.Contains(added, g => g.IsDecline);
    }

    [Fact]
    public void GoldSet_Facts_OccurInTheirGoldSections()
    {
        var missing = new List<string>();
        foreach (var item in fixture.Gold.Where(g => (g.IsAnswerable || g.IsFollowUp) && g.Sections.Count > 0 && fixture.Knowledge.FindDocument(g.Reading) is not null))
        {
            var text = Readings.ReadingIndex.Normalise(string.Join(" ", fixture.Knowledge.AllSentences()
                .Where(s => s.DocumentId == item.Reading && item.Sections.Contains(s.Section.Id)).Select(s => s.Text)));
            missing.AddRange(item.Facts.Where(f => !text.Contains(Readings.ReadingIndex.Normalise(f), StringComparison.Ordinal))
                .Select(f => $"{item.Id}: “{f}” is not in section(s) {string.Join(", ", item.Sections)} of {item.Reading}"));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Retrieval_Hybrid_MeetsTheBarAndBeatsEachRetrieverAlone()
    {
        var dev = fixture.Gold.Where(g => g.Split == GoldSet.Dev && fixture.Knowledge.FindDocument(g.Reading) is not null).ToList();
        var scores = await RetrievalEvaluator.EvaluateAsync(fixture.Knowledge, dev, TestContext.Current.CancellationToken);
        var hybrid = scores.Single(s => s.Mode == SearchMode.Hybrid);

        Assert.True(hybrid.HitAt3 >= 0.9, $"hybrid hit@3 {hybrid.HitAt3:F3} < 0.9");
        Assert.All(scores.Where(s => s.Mode != SearchMode.Hybrid), single =>
            Assert.True(hybrid.HitAt3 >= single.HitAt3, $"hybrid hit@3 {hybrid.HitAt3:F3} < {single.Mode} {single.HitAt3:F3}"));
    }

    [Fact]
    public async Task Answers_TestSplit_HoldTheGate()
    {
        var report = await fixture.EvaluateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(report.Failures(EvaluationTargets.Gate));
    }
}
