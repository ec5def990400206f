using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Testing;

namespace PaperBot.Knowledge.Tests.Chunking;

public sealed class ChunkerTests(PaperFixture fixture)
{
    [Theory]
    [InlineData("window", 3, 1)]
    [InlineData("window", 2, 1)]
    [InlineData("paragraph", 3, 1)]
    public void Chunk_AnySettings_NeverCrossesASectionAndCoversEverySentence(string mode, int window, int overlap)
    {
        var chunks = Chunker.Chunk(fixture.Paper, new ChunkingOptions { Mode = mode, WindowSentences = window, OverlapSentences = overlap });

        Assert.All(chunks, c => Assert.All(c.Sentences, s => Assert.Equal(c.SectionId, s.Section.Id)));
        var covered = chunks.SelectMany(c => c.Sentences).Distinct().Count();
        Assert.Equal(fixture.Paper.AllSentences().Count(), covered);
        Assert.Equal(chunks.Count, chunks.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Chunk_Windows_OverlapByTheConfiguredSentences()
    {
        var chunks = Chunker.Chunk(fixture.Paper, new ChunkingOptions { WindowSentences = 3, OverlapSentences = 1 })
            .Where(c => c.SectionId == "3.III")
            .ToList();

        Assert.All(chunks.Take(chunks.Count - 1), c => Assert.Equal(3, c.Sentences.Count));
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.Equal(chunks[i - 1].Sentences[^1], chunks[i].Sentences[0]);
        }
    }

    [Fact]
    public void Chunk_ShippedPaper_StaysInsideTheModelInputLimit()
    {
        var chunks = Chunker.Chunk(fixture.Paper, fixture.Chunking);

        var longest = chunks.Max(c => fixture.Embeddings.CountTokens(c.IndexText));
        Assert.InRange(longest, 10, ArcticXsEmbeddingGenerator.MaxTokens - 1);
    }

    [Fact]
    public void Chunk_SubsectionIndexText_CarriesTheHeadingPath()
    {
        var chunk = Chunker.Chunk(fixture.Paper, fixture.Chunking).First(c => c.SectionId == "3.II");

        Assert.StartsWith("Russia’s Growing Interest in Pakistan. North-South Gas Pipeline (NSGP) Project: ", chunk.IndexText, StringComparison.Ordinal);
        Assert.DoesNotContain("Pipeline (NSGP) Project:", chunk.Text, StringComparison.Ordinal);
    }
}
