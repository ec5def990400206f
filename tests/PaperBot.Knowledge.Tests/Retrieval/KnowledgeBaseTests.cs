using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Testing;

namespace PaperBot.Knowledge.Tests.Retrieval;

public sealed class KnowledgeBaseTests(PaperFixture fixture)
{
    [Fact]
    public async Task SearchAsync_PipelineQuestion_FindsTheNsgpSection()
    {
        var hits = await fixture.Knowledge.SearchAsync("When was the gas pipeline agreement signed?", 5, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("3.II", hits[0].SectionId);
        Assert.Equal("North-South Gas Pipeline (NSGP) Project", hits[0].SectionTitle);
        Assert.Equal("russia-pakistan-paper", hits[0].DocumentId);
        Assert.True(hits[0].Paragraph >= 1);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public async Task BuildAsync_SecondStartWithWarmCache_EmbedsNothing()
    {
        var loaded = DocumentLoader.LoadFolder(fixture.KnowledgeFolder);

        var second = await KnowledgeBase.BuildAsync(loaded, fixture.Chunking, fixture.Embeddings, fixture.NewCache(), new EmbeddedChunkStore(), ArcticXsEmbeddingGenerator.QueryPrefix, TestContext.Current.CancellationToken);

        Assert.Equal(0, second.Report.Embedded);
        Assert.Equal(fixture.Knowledge.Report.Chunks, second.Report.Chunks);
    }

    [Fact]
    public async Task BuildAsync_AddedDocument_EmbedsOnlyTheNewText()
    {
        var paper = DocumentLoader.LoadFolder(fixture.KnowledgeFolder).Documents.Single();
        var extra = DocumentLoader.Parse($"# Notes\n\nA study note written for test {Guid.NewGuid():N}. It mentions nothing else.\n", "notes.md");
        var loaded = new LoadResult([paper, extra], []);

        var built = await KnowledgeBase.BuildAsync(loaded, fixture.Chunking, fixture.Embeddings, fixture.NewCache(), new EmbeddedChunkStore(), ArcticXsEmbeddingGenerator.QueryPrefix, TestContext.Current.CancellationToken);

        // The note's chunk, its two sentences, and the words of it the paper does not have.
        var newWords = PaperBot.Knowledge.Lexical.WordIndex.DistinctWords(extra.AllSentences().Select(s => s.Text).Append("Notes"))
            .Count(w => !fixture.Knowledge.Words.Contains(w) && PaperBot.Knowledge.Lexical.Bm25Encoder.Analyze(w).Count > 0);
        Assert.Equal(built.Report.Chunks - fixture.Knowledge.Report.Chunks + 2 + newWords, built.Report.Embedded);
        Assert.Equal(2, built.Report.DocumentsWritten);
    }

    [Fact]
    public async Task EmbeddingCache_DamagedFile_IsIgnoredAndRebuilt()
    {
        var folder = Directory.CreateTempSubdirectory("paperbot-cache-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, $"embeddings-{ArcticXsEmbeddingGenerator.ModelId}.bin"), [1, 2, 3, 4, 5]);
            var cache = new EmbeddingCache(folder, ArcticXsEmbeddingGenerator.ModelId);

            var vectors = await cache.GetOrAddAsync(["a sentence about pipelines"], fixture.Embeddings, TestContext.Current.CancellationToken);

            Assert.Equal(ArcticXsEmbeddingGenerator.Dimensions, vectors[0].Length);
            Assert.Equal(1, new EmbeddingCache(folder, ArcticXsEmbeddingGenerator.ModelId).Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Embeddings_QueryAndPassage_AreUnitLengthAndRelated()
    {
        var query = await fixture.Knowledge.EmbedQueryAsync("gas pipeline cost", TestContext.Current.CancellationToken);
        var passages = await fixture.Knowledge.EmbedPassagesAsync(["The pipeline is worth $ 1.7 billion.", "Cats like to sleep in the sun."], TestContext.Current.CancellationToken);

        Assert.Equal(1.0, Math.Sqrt(query.Sum(v => v * v)), 3);
        var related = query.Zip(passages[0], (a, b) => a * b).Sum();
        var unrelated = query.Zip(passages[1], (a, b) => a * b).Sum();
        Assert.True(related > unrelated);
    }

    [Fact]
    public async Task Subset_OneOfTwoReadings_OnlyItsTextsAndHits()
    {
        var paper = fixture.Paper;
        var notes = DocumentLoader.Parse("# Notes\n\nThe gas pipeline of the notes runs under the orchard. Beekeepers meet there every spring.\n", "notes.md");
        var both = await KnowledgeBase.BuildAsync(new LoadResult([paper, notes], []), fixture.Chunking, fixture.Embeddings, fixture.NewCache(), new EmbeddedChunkStore(), ArcticXsEmbeddingGenerator.QueryPrefix, TestContext.Current.CancellationToken);

        var view = both.Subset(["NOTES"]);
        var hits = await view.SearchAsync("gas pipeline", 5, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["notes"], view.Documents.Select(d => d.Id));
        Assert.Equal(["notes"], view.DocumentScope);
        Assert.All(view.AllSentences(), sentence => Assert.Equal("notes", sentence.DocumentId));
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.Equal("notes", hit.DocumentId));
        Assert.All(view.AllSentences(), sentence => Assert.Equal(both.SentenceVector(sentence), view.SentenceVector(sentence)));
        Assert.Same(view, both.Subset(["notes"]));
        Assert.Same(both, both.Subset([paper.Id, notes.Id]));
        Assert.Contains(await both.SearchAsync("gas pipeline", 10, cancellationToken: TestContext.Current.CancellationToken), hit => hit.DocumentId == paper.Id);
    }

    [Fact]
    public async Task BuildAsync_ReadingGoneFromTheFolder_LeavesTheStore()
    {
        var notes = DocumentLoader.Parse("# Notes\n\nA note that is removed again.\n", "notes.md");
        var store = new EmbeddedChunkStore();
        await KnowledgeBase.BuildAsync(new LoadResult([fixture.Paper, notes], []), fixture.Chunking, fixture.Embeddings, fixture.NewCache(), store, ArcticXsEmbeddingGenerator.QueryPrefix, TestContext.Current.CancellationToken);

        var after = await KnowledgeBase.BuildAsync(new LoadResult([fixture.Paper], []), fixture.Chunking, fixture.Embeddings, fixture.NewCache(), store, ArcticXsEmbeddingGenerator.QueryPrefix, TestContext.Current.CancellationToken);

        Assert.Equal([fixture.Paper.Id], await store.DocumentIdsAsync(TestContext.Current.CancellationToken));
        Assert.Single(after.Documents);
    }
}
