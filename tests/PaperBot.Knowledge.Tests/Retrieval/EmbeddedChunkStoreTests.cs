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
}
