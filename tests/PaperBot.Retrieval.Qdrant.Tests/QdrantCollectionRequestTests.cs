using PaperBot.Knowledge.Retrieval;
using PaperBot.Retrieval.Qdrant.Tests.Fakes;
using Qdrant.Client.Grpc;

namespace PaperBot.Retrieval.Qdrant.Tests;

/// <summary>What the store asks Qdrant for about its collection (made once, in PaperBot's shape, never dropped) and its health, checked against a recording gRPC invoker.</summary>
public sealed class QdrantCollectionRequestTests
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
    public async Task HasDocumentAsync_CollectionWithoutTheDocumentIndex_AddsAKeywordIndexOnDocumentIdOnly()
    {
        var info = FakeQdrant.ExistingPaperBotCollection();
        info.PayloadSchema.Remove("document_id");
        var qdrant = new FakeQdrant(info);
        using var store = qdrant.CreateStore();

        await store.HasDocumentAsync("paper", "hash-1", None);

        var index = Assert.Single(qdrant.Invoker.Requests<CreateFieldIndexCollection>(FakeQdrant.PointsCreateFieldIndex));
        Assert.Equal("document_id", index.FieldName);
        Assert.Equal(FieldType.Keyword, index.FieldType);
        Assert.True(index.Wait);
        Assert.DoesNotContain(FakeQdrant.CollectionsCreate, qdrant.Invoker.Calls.Select(c => c.Method));
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
}
