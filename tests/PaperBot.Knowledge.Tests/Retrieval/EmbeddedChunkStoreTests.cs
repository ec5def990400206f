using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Lexical;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Knowledge.Tests.Retrieval;

public sealed class EmbeddedChunkStoreTests
{
    private static StoredChunk Stored(string documentId, string id, string text, float[] dense)
    {
        var section = new Section("1", "Intro", 1, null, []);
        var sentence = new LocatedSentence(documentId, section, 1, new Sentence(0, text));
        var chunk = new Chunk(id, documentId, "1", "Intro", 1, 0, [sentence], "Intro");
        return new StoredChunk(chunk, dense, new Bm25Encoder(3).EncodePassage(text));
    }

    [Fact]
    public async Task SearchAsync_Hybrid_FusesBothRankings()
    {
        var store = new EmbeddedChunkStore();
        await store.ReplaceDocumentAsync("d", "h1", [
            Stored("d", "lexical", "karachi lahore pipeline", [0f, 1f]),
            Stored("d", "dense", "something else entirely", [1f, 0f]),
            Stored("d", "neither", "unrelated words here", [0f, -1f]),
        ], CancellationToken.None);
        var query = new ChunkQuery([1f, 0f], Bm25Encoder.EncodeQuery("karachi pipeline"), 3, SearchMode.Hybrid);

        var hybrid = await store.SearchAsync(query, CancellationToken.None);
        var lexical = await store.SearchAsync(query with { Mode = SearchMode.Lexical }, CancellationToken.None);
        var dense = await store.SearchAsync(query with { Mode = SearchMode.Dense }, CancellationToken.None);

        Assert.Equal("lexical", Assert.Single(lexical).ChunkId);
        Assert.Equal("dense", dense[0].ChunkId);
        Assert.Equal(["dense", "lexical"], hybrid.Take(2).Select(h => h.ChunkId).Order());
        Assert.Equal(1.0 / 61 + 1.0 / 62, hybrid.First(h => h.ChunkId == "lexical").Score, 6);
    }

    [Fact]
    public async Task ReplaceDocumentAsync_ChangedDocument_OldChunksGone()
    {
        var store = new EmbeddedChunkStore();
        await store.ReplaceDocumentAsync("d", "h1", [Stored("d", "old", "old words", [1f, 0f])], CancellationToken.None);
        await store.ReplaceDocumentAsync("d", "h2", [Stored("d", "new", "new words", [1f, 0f])], CancellationToken.None);

        var hits = await store.SearchAsync(new ChunkQuery([1f, 0f], SparseVector.Empty, 5, SearchMode.Dense), CancellationToken.None);

        Assert.Equal("new", Assert.Single(hits).ChunkId);
        Assert.True(await store.HasDocumentAsync("d", "h2", CancellationToken.None));
        Assert.False(await store.HasDocumentAsync("d", "h1", CancellationToken.None));
    }

    [Fact]
    public async Task SearchAsync_DocumentFilter_OnlyThatDocument()
    {
        var store = new EmbeddedChunkStore();
        await store.ReplaceDocumentAsync("a", "h", [Stored("a", "a1", "gas pipeline", [1f, 0f])], CancellationToken.None);
        await store.ReplaceDocumentAsync("b", "h", [Stored("b", "b1", "gas pipeline", [1f, 0f])], CancellationToken.None);

        var hits = await store.SearchAsync(new ChunkQuery([1f, 0f], Bm25Encoder.EncodeQuery("gas"), 5, SearchMode.Hybrid, ["b"]), CancellationToken.None);

        Assert.Equal("b1", Assert.Single(hits).ChunkId);
    }

    [Fact]
    public async Task SearchAsync_SeveralDocuments_OnlyTheirChunks()
    {
        var store = new EmbeddedChunkStore();
        foreach (var id in new[] { "a", "b", "c" })
        {
            await store.ReplaceDocumentAsync(id, "h", [Stored(id, id + "1", "gas pipeline", [1f, 0f])], CancellationToken.None);
        }

        var hits = await store.SearchAsync(new ChunkQuery([1f, 0f], Bm25Encoder.EncodeQuery("gas"), 5, SearchMode.Hybrid, ["a", "c"]), CancellationToken.None);
        var none = await store.SearchAsync(new ChunkQuery([1f, 0f], Bm25Encoder.EncodeQuery("gas"), 5, SearchMode.Hybrid, []), CancellationToken.None);

        Assert.Equal(["a1", "c1"], hits.Select(h => h.ChunkId).Order());
        Assert.Empty(none);
    }

    [Fact]
    public async Task RemoveDocumentAsync_ItsChunksAndIdGone_OthersKept()
    {
        var store = new EmbeddedChunkStore();
        await store.ReplaceDocumentAsync("a", "h", [Stored("a", "a1", "gas pipeline", [1f, 0f])], CancellationToken.None);
        await store.ReplaceDocumentAsync("b", "h", [Stored("b", "b1", "gas pipeline", [1f, 0f])], CancellationToken.None);

        await store.RemoveDocumentAsync("a", CancellationToken.None);
        await store.RemoveDocumentAsync("never-stored", CancellationToken.None);

        Assert.Equal(["b"], await store.DocumentIdsAsync(CancellationToken.None));
        var hits = await store.SearchAsync(new ChunkQuery([1f, 0f], Bm25Encoder.EncodeQuery("gas"), 5, SearchMode.Hybrid), CancellationToken.None);
        Assert.Equal("b1", Assert.Single(hits).ChunkId);
        Assert.False(await store.HasDocumentAsync("a", "h", CancellationToken.None));
    }

    [Fact]
    public async Task SearchAsync_ManyChunks_BestFirstAndTiesInStoredOrder()
    {
        // More chunks than the ranking keeps: the kept ones are the best, best first, a tie going to the chunk stored first.
        var store = new EmbeddedChunkStore();
        var chunks = Enumerable.Range(0, 60)
            .Select(i => Stored("d", $"c{i:00}", i % 2 == 0 ? "gas gas pipeline" : "pipeline", [MathF.Cos(i / 100f), MathF.Sin(i / 100f)]))
            .ToList();
        await store.ReplaceDocumentAsync("d", "h", chunks, CancellationToken.None);

        var dense = await store.SearchAsync(new ChunkQuery([1f, 0f], SparseVector.Empty, 5, SearchMode.Dense), CancellationToken.None);
        var lexical = await store.SearchAsync(new ChunkQuery([], Bm25Encoder.EncodeQuery("gas"), 3, SearchMode.Lexical), CancellationToken.None);

        Assert.Equal(["c00", "c01", "c02", "c03", "c04"], dense.Select(h => h.ChunkId));
        Assert.Equal(["c00", "c02", "c04"], lexical.Select(h => h.ChunkId));
    }
}
