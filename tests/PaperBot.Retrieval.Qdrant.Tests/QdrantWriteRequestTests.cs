using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Retrieval.Qdrant.Tests.Fakes;
using Qdrant.Client.Grpc;
using static PaperBot.Retrieval.Qdrant.Tests.Fakes.QdrantRequests;

namespace PaperBot.Retrieval.Qdrant.Tests;

/// <summary>How the store writes a document to Qdrant and tells whether it is already there, checked against a recording gRPC invoker.</summary>
public sealed class QdrantWriteRequestTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ReplaceDocumentAsync_DeletesByDocumentFilterThenUpsertsInBatchesWithDeterministicIdsAndPayload()
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using var store = qdrant.CreateStore(new QdrantOptions { UpsertBatchSize = 2 });
        var chunks = TestChunks.For("paper", "Gas flows north.", "Helicopters were sold.", "Lahore gets the gas.", "Exercises followed.", "Karachi has a terminal.");

        await store.ReplaceDocumentAsync("paper", "hash-2", chunks, None);

        var writes = qdrant.Invoker.Calls.Where(c => c.Method is FakeQdrant.PointsDelete or FakeQdrant.PointsUpsert).ToList();
        Assert.Equal([FakeQdrant.PointsDelete, FakeQdrant.PointsUpsert, FakeQdrant.PointsUpsert, FakeQdrant.PointsUpsert], writes.Select(w => w.Method));
        var delete = (DeletePoints)writes[0].Request;
        Assert.True(delete.Wait);
        AssertDocumentFilter(delete.Points.Filter, "paper");

        var points = qdrant.Invoker.Requests<UpsertPoints>(FakeQdrant.PointsUpsert).SelectMany(u => u.Points).ToList();
        Assert.Equal(5, points.Count);
        Assert.All(qdrant.Invoker.Requests<UpsertPoints>(FakeQdrant.PointsUpsert), u => Assert.True(u.Wait));
        Assert.Equal(chunks.Select(c => PointIds.ForChunk("paper", c.Chunk.SectionId, c.Chunk.Ordinal).ToString()), points.Select(p => p.Id.Uuid));
        Assert.Equal(5, points.Select(p => p.Id.Uuid).Distinct().Count());

        var first = points[0];
        Assert.Equal("paper#1#0", first.Payload["chunk_id"].StringValue);
        Assert.Equal("paper", first.Payload["document_id"].StringValue);
        Assert.Equal("1", first.Payload["section_id"].StringValue);
        Assert.Equal("Pipelines", first.Payload["section_title"].StringValue);
        Assert.Equal(1, first.Payload["paragraph"].IntegerValue);
        Assert.Equal("Gas flows north.", first.Payload["text"].StringValue);
        Assert.Equal("hash-2", first.Payload["content_hash"].StringValue);
        Assert.Equal(5, first.Payload["chunk_count"].IntegerValue);
        Assert.Equal(chunks[0].Dense, first.Vectors.Vectors_.Vectors["dense"].Dense.Data);
        Assert.Equal(chunks[0].Sparse.Indices, first.Vectors.Vectors_.Vectors["sparse"].Sparse.Indices);
    }

    [Fact]
    public async Task ReplaceDocumentAsync_SameChunksTwice_WritesTheSamePointIds()
    {
        var chunks = TestChunks.For("paper", "Gas flows north.", "Helicopters were sold.");
        var firstRun = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        var secondRun = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using (var store = firstRun.CreateStore())
        {
            await store.ReplaceDocumentAsync("paper", "h", chunks, None);
        }

        using (var store = secondRun.CreateStore())
        {
            await store.ReplaceDocumentAsync("paper", "h", chunks, None);
        }

        Assert.Equal(
            firstRun.Invoker.Requests<UpsertPoints>(FakeQdrant.PointsUpsert).SelectMany(u => u.Points).Select(p => p.Id.Uuid),
            secondRun.Invoker.Requests<UpsertPoints>(FakeQdrant.PointsUpsert).SelectMany(u => u.Points).Select(p => p.Id.Uuid));
    }

    [Fact]
    public async Task ReplaceDocumentAsync_WrongDenseSize_ThrowsBeforeDeletingAnything()
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using var store = qdrant.CreateStore();
        var chunk = TestChunks.For("paper", "Gas flows north.")[0] with { Dense = new float[768] };

        await Assert.ThrowsAsync<ArgumentException>(() => store.ReplaceDocumentAsync("paper", "h", [chunk], None));

        Assert.DoesNotContain(qdrant.Invoker.Calls, c => c.Method == FakeQdrant.PointsDelete);
    }

    [Fact]
    public async Task RemoveDocumentAsync_DeletesByDocumentFilterAndWaits()
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using var store = qdrant.CreateStore(new QdrantOptions { Collection = "papers" });

        await store.RemoveDocumentAsync("week-2", None);

        var delete = Assert.Single(qdrant.Invoker.Requests<DeletePoints>(FakeQdrant.PointsDelete));
        Assert.Equal("papers", delete.CollectionName);
        Assert.True(delete.Wait);
        AssertDocumentFilter(delete.Points.Filter, "week-2");
        Assert.Empty(qdrant.Invoker.Requests<UpsertPoints>(FakeQdrant.PointsUpsert));
    }

    [Fact]
    public async Task RemoveDocumentAsync_TwoDocumentsStored_OnlyThatDocumentsPointsGo()
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using var store = qdrant.CreateStore();
        var kept = TestChunks.For("week-1", "Gas flows north.", "Lahore gets the gas.");
        await store.ReplaceDocumentAsync("week-1", "h1", kept, None);
        await store.ReplaceDocumentAsync("week-2", "h2", TestChunks.For("week-2", "Helicopters were sold."), None);

        await store.RemoveDocumentAsync("week-2", None);

        Assert.Empty(qdrant.PointsWhere("document_id", "week-2"));
        Assert.Equal(kept.Count, qdrant.PointsWhere("document_id", "week-1").Count);
        Assert.Equal(["week-1"], await store.DocumentIdsAsync(None));
    }

    [Fact]
    public async Task DocumentIdsAsync_AsksAnExactFacetOnDocumentIdAndReturnsEachStoredDocument()
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using var store = qdrant.CreateStore(new QdrantOptions { Collection = "papers" });
        string[] documents = ["week-1", "week-2", "week-3"];
        foreach (var (document, i) in documents.Select((d, i) => (d, i)))
        {
            // Documents of different sizes: the facet orders by count, and the ids come back whatever the order.
            await store.ReplaceDocumentAsync(document, "h", TestChunks.For(document, [.. Enumerable.Range(0, i + 1).Select(n => $"Sentence {n} of {document}.")]), None);
        }

        var ids = await store.DocumentIdsAsync(None);

        Assert.Equal(documents, ids.Order(StringComparer.Ordinal));
        var facet = Assert.Single(qdrant.Invoker.Requests<FacetCounts>(FakeQdrant.PointsFacet));
        Assert.Equal("papers", facet.CollectionName);
        Assert.Equal("document_id", facet.Key);
        Assert.True(facet.Exact);
        Assert.Null(facet.Filter);
    }

    [Fact]
    public async Task DocumentIdsAsync_MoreDocumentsThanOneFacetAnswers_PagesLeavingOutTheListedOnes()
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using var store = qdrant.CreateStore(documentIdsPage: 2);
        var documents = Enumerable.Range(1, 5).Select(n => $"week-{n}").ToList();
        foreach (var document in documents)
        {
            await store.ReplaceDocumentAsync(document, "h", TestChunks.For(document, $"Readings of {document}."), None);
        }

        var ids = await store.DocumentIdsAsync(None);

        Assert.Equal(documents.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var facets = qdrant.Invoker.Requests<FacetCounts>(FakeQdrant.PointsFacet);
        Assert.Equal(3, facets.Count);
        Assert.All(facets, f => Assert.Equal(2UL, f.Limit));
        Assert.Null(facets[0].Filter);
        var listedBefore = new List<string>();
        for (var page = 1; page < facets.Count; page++)
        {
            listedBefore.AddRange(ids.Skip((page - 1) * 2).Take(2));
            var excluded = Assert.Single(facets[page].Filter.MustNot);
            Assert.Equal("document_id", excluded.Field.Key);
            Assert.Equal(listedBefore.Order(StringComparer.Ordinal), excluded.Field.Match.Keywords.Strings.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task DocumentIdsAsync_CollectionWithoutTheDocumentIndex_IndexesItBeforeTheFacet()
    {
        var info = FakeQdrant.ExistingPaperBotCollection();
        info.PayloadSchema.Remove("document_id");
        var qdrant = new FakeQdrant(info);
        using var store = qdrant.CreateStore();

        // The fake, like Qdrant, refuses a facet on a field without a payload index.
        Assert.Empty(await store.DocumentIdsAsync(None));

        var methods = qdrant.Invoker.Calls.Select(c => c.Method).ToList();
        Assert.True(methods.IndexOf(FakeQdrant.PointsCreateFieldIndex) < methods.IndexOf(FakeQdrant.PointsFacet));
    }

    [Fact]
    public async Task HasDocumentAsync_AllPointsAtThisHash_TrueAndAsksByDocumentAndHash()
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        StoredAs(qdrant, chunkCount: 4, pointsStored: 4);
        using var store = qdrant.CreateStore();

        Assert.True(await store.HasDocumentAsync("paper", "hash-1", None));

        var scroll = Assert.Single(qdrant.Invoker.Requests<ScrollPoints>(FakeQdrant.PointsScroll));
        Assert.Contains(scroll.Filter.Must, c => c.Field.Key == "document_id" && c.Field.Match.Keyword == "paper");
        Assert.Contains(scroll.Filter.Must, c => c.Field.Key == "content_hash" && c.Field.Match.Keyword == "hash-1");
        var count = Assert.Single(qdrant.Invoker.Requests<CountPoints>(FakeQdrant.PointsCount));
        Assert.True(count.Exact);
        AssertDocumentFilter(count.Filter, "paper");
    }

    [Fact]
    public async Task HasDocumentAsync_WriteCutShort_False()
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        StoredAs(qdrant, chunkCount: 4, pointsStored: 3);
        using var store = qdrant.CreateStore();

        Assert.False(await store.HasDocumentAsync("paper", "hash-1", None));
    }

    [Fact]
    public async Task BuildAsync_UnchangedDocument_WritesNothing()
    {
        using var readings = TestChunks.Readings("paper.md", TestChunks.SmallPaper);
        var loaded = DocumentLoader.LoadFolder(readings.Path);
        var chunkCount = Chunker.Chunk(loaded.Documents[0], new ChunkingOptions()).Count;
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        StoredAs(qdrant, chunkCount, chunkCount);
        using var store = qdrant.CreateStore();

        var knowledge = await BuildAsync(loaded, store);

        Assert.Equal(0, knowledge.Report.DocumentsWritten);
        var methods = qdrant.Invoker.Calls.Select(c => c.Method).ToList();
        Assert.DoesNotContain(FakeQdrant.PointsDelete, methods);
        Assert.DoesNotContain(FakeQdrant.PointsUpsert, methods);
    }

    [Fact]
    public async Task BuildAsync_ChangedDocument_DeletesByDocumentThenUpsertsItsChunks()
    {
        using var readings = TestChunks.Readings("paper.md", TestChunks.SmallPaper);
        var loaded = DocumentLoader.LoadFolder(readings.Path);
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using var store = qdrant.CreateStore();

        var knowledge = await BuildAsync(loaded, store);

        Assert.Equal(1, knowledge.Report.DocumentsWritten);
        var writes = qdrant.Invoker.Calls.Where(c => c.Method is FakeQdrant.PointsDelete or FakeQdrant.PointsUpsert).ToList();
        Assert.Equal(FakeQdrant.PointsDelete, writes[0].Method);
        AssertDocumentFilter(((DeletePoints)writes[0].Request).Points.Filter, "paper");
        Assert.Equal(knowledge.Chunks.Count, writes.Skip(1).Sum(w => ((UpsertPoints)w.Request).Points.Count));
    }

    private static Task<KnowledgeBase> BuildAsync(LoadResult loaded, IChunkStore store) =>
        KnowledgeBase.BuildAsync(loaded, new ChunkingOptions(), new FakeEmbeddingGenerator(), new EmbeddingCache(null, "fake-384"), store, string.Empty, None);

    private static void StoredAs(FakeQdrant qdrant, int chunkCount, int pointsStored)
    {
        qdrant.Invoker
            .On<ScrollPoints, ScrollResponse>(FakeQdrant.PointsScroll, _ => new ScrollResponse
            {
                Result = { new RetrievedPoint { Id = PointIds.ForChunk("paper", "1", 0), Payload = { ["chunk_count"] = chunkCount } } },
            })
            .On<CountPoints, CountResponse>(FakeQdrant.PointsCount, _ => new CountResponse { Result = new CountResult { Count = (ulong)pointsStored } });
    }
}
