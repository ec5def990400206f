using System.Diagnostics;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge.Lexical;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Retrieval.Qdrant.Tests.Fakes;
using PaperBot.Testing.Loopback;
using Qdrant.Client.Grpc;

namespace PaperBot.Retrieval.Qdrant.Tests;

/// <summary>A real channel to a Qdrant that is not there: answers come quickly and say so; nothing hangs.</summary>
public sealed class UnreachableQdrantTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task CheckHealthAsync_ClosedPort_UnhealthyPromptlyNamingTheEndpoint()
    {
        var endpoint = $"http://127.0.0.1:{LoopbackPorts.Closed()}";
        using var store = Store(endpoint);
        var watch = Stopwatch.StartNew();

        var health = await store.CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.True(watch.Elapsed < Prompt, $"took {watch.Elapsed}");
        Assert.False(health.Healthy);
        Assert.Equal("qdrant", health.Store);
        Assert.Contains(endpoint, health.Location, StringComparison.Ordinal);
        Assert.Contains(endpoint, health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_ClosedPort_ThrowsKnowledgeStoreUnavailablePromptly()
    {
        var endpoint = $"http://127.0.0.1:{LoopbackPorts.Closed()}";
        using var store = Store(endpoint);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => store.SearchAsync(AQuery(), TestContext.Current.CancellationToken));

        Assert.True(watch.Elapsed < Prompt, $"took {watch.Elapsed}");
        Assert.Contains(endpoint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indexing_ClosedPort_ThrowsKnowledgeStoreUnavailablePromptly()
    {
        using var store = Store($"http://127.0.0.1:{LoopbackPorts.Closed()}");
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => store.HasDocumentAsync("paper", "h", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => store.ReplaceDocumentAsync("paper", "h", TestChunks.For("paper", "Gas flows north."), TestContext.Current.CancellationToken));

        Assert.True(watch.Elapsed < Prompt * 2, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task SearchAsync_ServerAcceptsButNeverAnswers_ThrowsAtTheDeadline()
    {
        await using var silent = SilentServer.Start();
        var endpoint = silent.Url().TrimEnd('/');
        using var store = Store(endpoint, new QdrantOptions { SearchTimeout = TimeSpan.FromMilliseconds(500) });
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => store.SearchAsync(AQuery(), TestContext.Current.CancellationToken));

        Assert.True(watch.Elapsed < Prompt, $"took {watch.Elapsed}");
        Assert.Contains("no answer within 0.5 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_CallerCancels_IsACancellationNotAnOutage()
    {
        await using var silent = SilentServer.Start();
        using var store = Store(silent.Url().TrimEnd('/'));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SearchAsync(AQuery(), cancel.Token));
    }

    [Fact]
    public async Task SameStore_QdrantComesBack_HealthyAndSearchableWithoutARestart()
    {
        using var reserved = new ReservedPort();
        var port = reserved.Port;
        using var store = Store($"http://127.0.0.1:{port}");
        var ct = TestContext.Current.CancellationToken;
        Assert.False((await store.CheckHealthAsync(ct)).Healthy);
        await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => store.SearchAsync(AQuery(), ct));

        reserved.Release();
        await using var server = await FakeQdrantServer.StartAsync(port, new Dictionary<string, IMessage>
        {
            ["/qdrant.Qdrant/HealthCheck"] = new HealthCheckReply { Title = "fake qdrant", Version = "1.17.1" },
            ["/qdrant.Points/Query"] = new QueryResponse { Result = { new ScoredPoint { Id = Guid.NewGuid(), Score = 0.5f, Payload = { ["chunk_id"] = "paper#1#0" } } } },
        });

        StoreHealth health;
        var watch = Stopwatch.StartNew();
        do
        {
            health = await store.CheckHealthAsync(ct);
            if (!health.Healthy)
            {
                await Task.Delay(200, ct);
            }
        }
        while (!health.Healthy && watch.Elapsed < TimeSpan.FromSeconds(15));

        Assert.True(health.Healthy, health.Problem);
        var hit = Assert.Single(await store.SearchAsync(AQuery(), ct));
        Assert.Equal("paper#1#0", hit.ChunkId);
    }

    private static QdrantChunkStore Store(string endpoint, QdrantOptions? options = null)
    {
        options ??= new QdrantOptions();
        options.Endpoint = endpoint;
        return new QdrantChunkStore(Options.Create(options), NullLogger<QdrantChunkStore>.Instance);
    }

    private static ChunkQuery AQuery() =>
        new(FakeEmbeddingGenerator.Vector("gas pipeline"), Bm25Encoder.EncodeQuery("gas pipeline"), 5, SearchMode.Hybrid);
}
