using PaperBot.Knowledge.Lexical;

namespace PaperBot.Knowledge.Tests.Lexical;

public sealed class Bm25EncoderTests
{
    [Fact]
    public void Analyze_EnglishText_StemsAndDropsStopWords()
    {
        var terms = Bm25Encoder.Analyze("The pipelines was signed by Russia’s companies");

        Assert.Contains("pipelin", terms);
        Assert.Contains("russia", terms);
        Assert.DoesNotContain("the", terms);
        Assert.DoesNotContain("was", terms);
    }

    [Fact]
    public void EncodePassage_RepeatedTerm_WeighsMoreButSaturates()
    {
        var encoder = new Bm25Encoder(averageLength: 5);
        var once = encoder.EncodePassage("gas pipeline project");
        var thrice = encoder.EncodePassage("gas gas gas pipeline project");
        var gas = Bm25Encoder.TermIndex("ga");

        var weightOnce = once.Values[Array.IndexOf(once.Indices, gas)];
        var weightThrice = thrice.Values[Array.IndexOf(thrice.Indices, gas)];
        Assert.True(weightThrice > weightOnce);
        Assert.True(weightThrice < Bm25Encoder.K1 + 1);
    }

    [Fact]
    public void EncodeQuery_DistinctTerms_AscendingIndicesWeightOne()
    {
        var query = Bm25Encoder.EncodeQuery("pipeline pipeline Karachi");

        Assert.Equal(2, query.Indices.Length);
        Assert.True(query.Indices[0] < query.Indices[1]);
        Assert.All(query.Values, v => Assert.Equal(1f, v));
    }

    [Fact]
    public void TermIndex_SameTerm_SameIndexEveryTime()
    {
        Assert.Equal(Bm25Encoder.TermIndex("karachi"), Bm25Encoder.TermIndex("karachi"));
        Assert.NotEqual(Bm25Encoder.TermIndex("karachi"), Bm25Encoder.TermIndex("lahor"));
    }
}
