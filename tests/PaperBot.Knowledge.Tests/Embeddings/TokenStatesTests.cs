using PaperBot.Knowledge.Embeddings;
using PaperBot.Testing;

namespace PaperBot.Knowledge.Tests.Embeddings;

/// <summary>The model's vectors of a text's word pieces in context, and the knowledge base's memo of them.</summary>
public sealed class TokenStatesTests(PaperFixture fixture)
{
    [Fact]
    public void EncodeTokens_PiecesRebuildTheWordsAndEachVectorIsUnitLength()
    {
        var states = fixture.Embeddings.EncodeTokens(["Islamabad raised apprehensions about pipelines."], TestContext.Current.CancellationToken)[0];

        Assert.Equal(["islamabad", "raised", "apprehensions", "about", "pipelines", "."], states.Words().Select(w => w.Word));
        Assert.DoesNotContain(states.Pieces, p => p is "[CLS]" or "[SEP]" or "[PAD]");
        for (var i = 0; i < states.Count; i++)
        {
            var vector = states.Vector(i);
            Assert.Equal(1, Math.Sqrt(vector.ToArray().Sum(v => (double)v * v)), 3);
        }
    }

    [Fact]
    public void EncodeTokens_ABatchOfTextsOfUnlikeLength_SameStatesAsOneByOne()
    {
        string[] texts = ["A short one.", "A much longer sentence about the gas pipeline between two cities of the country."];

        var together = fixture.Embeddings.EncodeTokens(texts, TestContext.Current.CancellationToken);
        var alone = fixture.Embeddings.EncodeTokens([texts[0]], TestContext.Current.CancellationToken)[0];

        Assert.Equal(alone.Pieces, together[0].Pieces);
        Assert.True(alone.Vectors.Zip(together[0].Vectors).All(p => Math.Abs(p.First - p.Second) < 1e-3), "padding must not change a text's states");
        Assert.True(together[1].Count > together[0].Count);
    }

    [Fact]
    public void SentenceTokens_AskedTwice_TheSameStatesKept()
    {
        var knowledge = fixture.Knowledge;

        var first = knowledge.SentenceTokens([0, 1], TestContext.Current.CancellationToken);
        var again = knowledge.SentenceTokens([1], TestContext.Current.CancellationToken);

        Assert.True(knowledge.HasTokenStates);
        Assert.NotNull(first);
        Assert.Same(first[1], again![0]);
        Assert.Equal(knowledge.AllSentences()[0].Sentence.Text.Split(' ')[0].ToLowerInvariant().TrimEnd(',', '.'), first[0].Words()[0].Word);
    }
}
