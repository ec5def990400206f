using PaperBot.Knowledge.Lexical;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Retrieval.Qdrant.Tests.Fakes;
using Qdrant.Client.Grpc;
using static PaperBot.Retrieval.Qdrant.Tests.Fakes.QdrantRequests;

namespace PaperBot.Retrieval.Qdrant.Tests;

/// <summary>The queries the store sends Qdrant for each search mode, checked request by request against a recording gRPC invoker.</summary>
public sealed class QdrantSearchRequestTests
{
    private static readonly CancellationToken None = CancellationToken.None;

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

        var scores = await store.SearchAsync(new ChunkQuery(dense, sparse, 5, SearchMode.Hybrid, ["paper"]), None);

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
    public async Task SearchAsync_SeveralReadings_OneAnyKeywordConditionOnDocumentIdForBothPrefetchesAndTheQuery()
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using var store = qdrant.CreateStore();
        string[] readings = ["week-1", "week-2", "week-3"];

        await store.SearchAsync(new ChunkQuery(FakeEmbeddingGenerator.Vector("gas pipeline"), Bm25Encoder.EncodeQuery("gas pipeline"), 5, SearchMode.Hybrid, readings), None);

        var query = Assert.Single(qdrant.Invoker.Requests<QueryPoints>(FakeQdrant.PointsQuery));
        AssertDocumentsFilter(query.Filter, readings);
        Assert.Equal(["dense", "sparse"], query.Prefetch.Select(p => p.Using).Order());
        Assert.All(query.Prefetch, p => AssertDocumentsFilter(p.Filter, readings));
    }

    [Theory]
    [InlineData(SearchMode.Dense, "dense")]
    [InlineData(SearchMode.Lexical, "sparse")]
    public async Task SearchAsync_SingleModeSeveralReadings_FiltersTheQueryByAnyOfThem(SearchMode mode, string vector)
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using var store = qdrant.CreateStore();
        string[] readings = ["week-1", "week-2"];

        await store.SearchAsync(new ChunkQuery(FakeEmbeddingGenerator.Vector("gas"), Bm25Encoder.EncodeQuery("gas"), 3, mode, readings), None);

        var query = Assert.Single(qdrant.Invoker.Requests<QueryPoints>(FakeQdrant.PointsQuery));
        Assert.Equal(vector, query.Using);
        AssertDocumentsFilter(query.Filter, readings);
    }

    [Fact]
    public async Task SearchAsync_ScopeOfNoReadings_ReturnsNothingWithoutACall()
    {
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        using var store = qdrant.CreateStore();

        var scores = await store.SearchAsync(new ChunkQuery(FakeEmbeddingGenerator.Vector("gas"), Bm25Encoder.EncodeQuery("gas"), 5, SearchMode.Hybrid, []), None);

        Assert.Empty(scores);
        Assert.Empty(qdrant.Invoker.Calls);
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

        await store.SearchAsync(new ChunkQuery(FakeEmbeddingGenerator.Vector("gas"), Bm25Encoder.EncodeQuery("gas"), 3, mode, ["paper"]), None);

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

    private static ScoredPoint Scored(string chunkId, float score) => new()
    {
        Id = Guid.NewGuid(),
        Score = score,
        Payload = { ["chunk_id"] = chunkId },
    };
}
