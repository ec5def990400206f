using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Lexical;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Retrieval.Qdrant.Tests.Fakes;
using Qdrant.Client.Grpc;

namespace PaperBot.Retrieval.Qdrant.Tests;

/// <summary>What the store asks Qdrant for, checked request by request against a recording gRPC invoker.</summary>
public sealed class QdrantChunkStoreRequestTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task HasDocumentAsync_CollectionMissing_CreatesNamedDenseAndSparseIdfVectorsAndKeywordIndexes()
    {
        var qdrant = new FakeQdrant(existing: null);
        using var store = qdrant.CreateStore(new QdrantOptions { Collection = "papers" });

        Assert.False(await store.HasDocumentAsync("paper", "hash-1", None));

        var create = Assert.Single(qdrant.Invoker.Requests<CreateCollection>(FakeQdrant.CollectionsCreate));
        Assert.Equal("papers", create.CollectionName);
        var dense = Assert.Single(create.VectorsConfig.ParamsMap.Map);
        Assert.Equal("dense", dense.Key);
        Assert.Equal(384UL, dense.Value.Size);
        Assert.Equal(Distance.Cosine, dense.Value.Distance);
        var sparse = Assert.Single(create.SparseVectorsConfig.Map);
        Assert.Equal("sparse", sparse.Key);
        Assert.Equal(Modifier.Idf, sparse.Value.Modifier);

        var indexes = qdrant.Invoker.Requests<CreateFieldIndexCollection>(FakeQdrant.PointsCreateFieldIndex);
        Assert.Equal(["document_id", "section_id"], indexes.Select(i => i.FieldName).Order());
        Assert.All(indexes, i => Assert.Equal(FieldType.Keyword, i.FieldType));
        Assert.All(indexes, i => Assert.Equal("papers", i.CollectionName));
    }

    [Fact]
    public async Task HasDocumentAsync_ClusterSettings_CreateTheCollectionShardedAndReplicated()
    {
        var qdrant = new FakeQdrant(existing: null);
        using var store = qdrant.CreateStore(new QdrantOptions { ShardNumber = 6, ReplicationFactor = 2, WriteConsistencyFactor = 2 });

        await store.HasDocumentAsync("paper", "hash-1", None);

        var create = Assert.Single(qdrant.Invoker.Requests<CreateCollection>(FakeQdrant.CollectionsCreate));
        Assert.Equal(6U, create.ShardNumber);
        Assert.Equal(2U, create.ReplicationFactor);
        Assert.Equal(2U, create.WriteConsistencyFactor);
    }

    [Fact]
    public async Task HasDocumentAsync_NoClusterSettings_LeavesShardingToTheServer()
    {
        var qdrant = new FakeQdrant(existing: null);
        using var store = qdrant.CreateStore();

        await store.HasDocumentAsync("paper", "hash-1", None);

        var create = Assert.Single(qdrant.Invoker.Requests<CreateCollection>(FakeQdrant.CollectionsCreate));
        Assert.False(create.HasShardNumber);
        Assert.False(create.HasReplicationFactor);
        Assert.False(create.HasWriteConsistencyFactor);
    }

    [Fact]
    public async Task HasDocumentAsync_CollectionExists_NeitherRecreatesNorDropsIt()
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using var store = qdrant.CreateStore();

        await store.HasDocumentAsync("paper", "hash-1", None);
        await store.HasDocumentAsync("paper", "hash-1", None);

        var methods = qdrant.Invoker.Calls.Select(c => c.Method).ToList();
        Assert.DoesNotContain(FakeQdrant.CollectionsCreate, methods);
        Assert.DoesNotContain(FakeQdrant.CollectionsDelete, methods);
        Assert.DoesNotContain(FakeQdrant.PointsCreateFieldIndex, methods);
        Assert.DoesNotContain(FakeQdrant.PointsDelete, methods);
        // The collection is checked once per process, not before every call.
        Assert.Single(methods, m => m == FakeQdrant.CollectionsExists);
    }

    [Fact]
    public async Task HasDocumentAsync_CollectionOfAnotherShape_FailsWithAMessageAndTouchesNothing()
    {
        var info = FakeQdrant.ExistingPaperBotCollection();
        info.Config.Params.VectorsConfig.ParamsMap.Map["dense"].Size = 768;
        var qdrant = new FakeQdrant(info);
        using var store = qdrant.CreateStore();

        var error = await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => store.HasDocumentAsync("paper", "hash-1", None));

        Assert.Contains("Qdrant:Collection", error.Message, StringComparison.Ordinal);
        var methods = qdrant.Invoker.Calls.Select(c => c.Method).ToList();
        Assert.DoesNotContain(FakeQdrant.CollectionsCreate, methods);
        Assert.DoesNotContain(FakeQdrant.CollectionsDelete, methods);
        Assert.DoesNotContain(FakeQdrant.PointsDelete, methods);
    }

    [Fact]
    public async Task SearchAsync_Hybrid_OneQueryWithDenseAndSparsePrefetchesFusedByRrfUnderTheDocumentFilter()
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        qdrant.Invoker.On<QueryPoints, QueryResponse>(FakeQdrant.PointsQuery, _ => new QueryResponse
        {
            Result =
            {
                Scored("paper#2#0", 0.032f),
                Scored("paper#1#3", 0.016f),
            },
        });
        using var store = qdrant.CreateStore();
        var dense = FakeEmbeddingGenerator.Vector("gas pipeline");
        var sparse = Bm25Encoder.EncodeQuery("gas pipeline");

        var scores = await store.SearchAsync(new ChunkQuery(dense, sparse, 5, SearchMode.Hybrid, "paper"), None);

        var query = Assert.Single(qdrant.Invoker.Requests<QueryPoints>(FakeQdrant.PointsQuery));
        Assert.Single(qdrant.Invoker.Calls);
        Assert.Equal("paperbot", query.CollectionName);
        Assert.Equal(Query.VariantOneofCase.Rrf, query.Query.VariantCase);
        Assert.Equal(61U, query.Query.Rrf.K);
        Assert.Equal(5UL, query.Limit);
        Assert.Equal(["chunk_id"], query.WithPayload.Include.Fields);
        AssertDocumentFilter(query.Filter, "paper");

        Assert.Equal(2, query.Prefetch.Count);
        var densePrefetch = Assert.Single(query.Prefetch, p => p.Using == "dense");
        Assert.Equal(dense, densePrefetch.Query.Nearest.Dense.Data);
        Assert.Equal(20UL, densePrefetch.Limit);
        AssertDocumentFilter(densePrefetch.Filter, "paper");
        var sparsePrefetch = Assert.Single(query.Prefetch, p => p.Using == "sparse");
        Assert.Equal(sparse.Indices, sparsePrefetch.Query.Nearest.Sparse.Indices);
        Assert.Equal(sparse.Values, sparsePrefetch.Query.Nearest.Sparse.Values);
        Assert.Equal(20UL, sparsePrefetch.Limit);
        AssertDocumentFilter(sparsePrefetch.Filter, "paper");

        Assert.Equal(["paper#2#0", "paper#1#3"], scores.Select(s => s.ChunkId));
        Assert.Equal(0.032, scores[0].Score, 3);
    }

    [Fact]
    public async Task SearchAsync_NoDocument_QueriesWithoutFilter()
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using var store = qdrant.CreateStore();

        await store.SearchAsync(new ChunkQuery(FakeEmbeddingGenerator.Vector("gas"), Bm25Encoder.EncodeQuery("gas"), 12, SearchMode.Hybrid), None);

        var query = Assert.Single(qdrant.Invoker.Requests<QueryPoints>(FakeQdrant.PointsQuery));
        Assert.Null(query.Filter);
        Assert.All(query.Prefetch, p => Assert.Null(p.Filter));
        Assert.All(query.Prefetch, p => Assert.Equal(48UL, p.Limit));
    }

    [Theory]
    [InlineData(SearchMode.Dense, "dense")]
    [InlineData(SearchMode.Lexical, "sparse")]
    public async Task SearchAsync_SingleMode_QueriesOneNamedVectorWithoutFusion(SearchMode mode, string vector)
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using var store = qdrant.CreateStore();

        await store.SearchAsync(new ChunkQuery(FakeEmbeddingGenerator.Vector("gas"), Bm25Encoder.EncodeQuery("gas"), 3, mode, "paper"), None);

        var query = Assert.Single(qdrant.Invoker.Requests<QueryPoints>(FakeQdrant.PointsQuery));
        Assert.Equal(vector, query.Using);
        Assert.Empty(query.Prefetch);
        Assert.Equal(Query.VariantOneofCase.Nearest, query.Query.VariantCase);
        Assert.Equal(3UL, query.Limit);
        AssertDocumentFilter(query.Filter, "paper");
    }

    [Fact]
    public async Task SearchAsync_LexicalQueryOfStopWordsOnly_ReturnsNothingWithoutACall()
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using var store = qdrant.CreateStore();

        var scores = await store.SearchAsync(new ChunkQuery([], Bm25Encoder.EncodeQuery("the of and"), 5, SearchMode.Lexical), None);

        Assert.Empty(scores);
        Assert.Empty(qdrant.Invoker.Calls);
    }

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

    [Fact]
    public async Task CheckHealthAsync_ServerAnswers_HealthyNamingEndpointAndCollection()
    {
        var qdrant = new FakeQdrant();
        using var store = qdrant.CreateStore(new QdrantOptions { Endpoint = "http://qdrant:6334", Collection = "papers", ApiKey = "secret-key" });

        var health = await store.CheckHealthAsync(None);

        Assert.True(health.Healthy);
        Assert.Equal("qdrant", health.Store);
        Assert.Equal("http://qdrant:6334, collection papers", health.Location);
        Assert.DoesNotContain("secret-key", health.Location, StringComparison.Ordinal);
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

    private static ScoredPoint Scored(string chunkId, float score) => new()
    {
        Id = Guid.NewGuid(),
        Score = score,
        Payload = { ["chunk_id"] = chunkId },
    };

    private static void AssertDocumentFilter(Filter? filter, string documentId)
    {
        Assert.NotNull(filter);
        var condition = Assert.Single(filter.Must);
        Assert.Equal("document_id", condition.Field.Key);
        Assert.Equal(documentId, condition.Field.Match.Keyword);
    }
}
