using PaperBot.Evaluation;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Answering.Tests;

/// <summary>The quality thresholds the product is held to, measured on the gold set.</summary>
public sealed class GoldSetEvaluationTests(AnsweringFixture fixture)
{
    [Fact]
    public void GoldSet_Shape_IsBigEnoughAndHonest()
    {
        var answerable = fixture.Gold.Where(g => g.IsAnswerable).ToList();
        Assert.True(answerable.Count >= 60);
        Assert.True(answerable.Count(g => g.Paraphrased) * 3 >= answerable.Count);
        Assert.True(fixture.Gold.Count(g => !g.IsAnswerable) >= 20);
        Assert.All(answerable, g => Assert.NotEmpty(g.Sections));
        Assert.All(answerable, g => Assert.NotEmpty(g.Facts));
    }

    [Fact]
    public void GoldSet_Facts_OccurInTheirGoldSections()
    {
        foreach (var item in fixture.Gold.Where(g => g.IsAnswerable))
        {
            var text = Guardrails.PaperVocabulary.Normalise(string.Join(" ", fixture.Knowledge.AllSentences()
                .Where(s => item.Sections.Contains(s.Section.Id)).Select(s => s.Text)));
            Assert.All(item.Facts, f => Assert.Contains(Guardrails.PaperVocabulary.Normalise(f), text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Retrieval_Hybrid_MeetsTheBarAndBeatsEachRetrieverAlone()
    {
        var scores = await RetrievalEvaluator.EvaluateAsync(fixture.Knowledge, fixture.Gold, TestContext.Current.CancellationToken);
        var hybrid = scores.Single(s => s.Mode == SearchMode.Hybrid);

        Assert.True(hybrid.HitAt3 >= 0.95, $"hybrid hit@3 {hybrid.HitAt3:F3} < 0.95");
        Assert.All(scores.Where(s => s.Mode != SearchMode.Hybrid), single =>
            Assert.True(hybrid.HitAt3 >= single.HitAt3, $"hybrid hit@3 {hybrid.HitAt3:F3} < {single.Mode} {single.HitAt3:F3}"));
    }

    [Fact]
    public async Task Answers_GoldSet_MeetEveryThreshold()
    {
        var scores = await AnswerEvaluator.EvaluateAsync(fixture.Answers, fixture.Knowledge, fixture.Gold, TestContext.Current.CancellationToken);

        Assert.True(scores.FactAccuracy >= 0.90, $"fact accuracy {scores.FactAccuracy:F3} < 0.90");
        Assert.True(scores.CitationHit >= 0.95, $"citation hit {scores.CitationHit:F3} < 0.95");
        Assert.True(scores.DeclineAccuracy >= 0.90, $"decline accuracy {scores.DeclineAccuracy:F3} < 0.90");
        Assert.True(scores.FalseDeclineRate <= 0.05, $"false-decline rate {scores.FalseDeclineRate:F3} > 0.05");
        Assert.Equal(1.0, scores.VerbatimQuoteRate);
        Assert.Empty(scores.Outcomes.SelectMany(o => o.UncitedSentences));
    }
}
