using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Testing;
using Qdrant.Client;

namespace PaperBot.Retrieval.Qdrant.Tests.Contract;

/// <summary>
/// The contract against a live Qdrant, when <c>QDRANT_ENDPOINT</c> names one (e.g. <c>http://localhost:6334</c>;
/// <c>QDRANT_API_KEY</c> if it needs a key); skipped otherwise. Each test gets its own collection, dropped afterwards.
/// </summary>
public sealed class QdrantChunkStoreContractTests(PaperFixture paper) : ChunkStoreContractTests(paper), IAsyncDisposable
{
    private static readonly string? Endpoint = Environment.GetEnvironmentVariable("QDRANT_ENDPOINT");
    private static readonly string? ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY");

    private readonly List<QdrantChunkStore> _stores = [];
    private readonly HashSet<string> _collections = [];
    private QdrantClient? _admin;

    protected override Task<IChunkStore> CreateEmptyStoreAsync()
    {
        Assert.SkipWhen(string.IsNullOrWhiteSpace(Endpoint), "QDRANT_ENDPOINT is not set; set it (e.g. http://localhost:6334) to run the contract suite against a live Qdrant.");
        return Task.FromResult<IChunkStore>(Open($"paperbot-contract-{Guid.NewGuid():N}"));
    }

    protected override IChunkStore Reopen(IChunkStore store) => Open(((QdrantChunkStore)store).Collection);

    protected override async Task<long> CountAsync(IChunkStore store, string documentId) =>
        (long)await Admin.CountAsync(((QdrantChunkStore)store).Collection, QdrantSchema.DocumentFilter(documentId), exact: true);

    public async ValueTask DisposeAsync()
    {
        foreach (var collection in _collections)
        {
            await Admin.DeleteCollectionAsync(collection);
        }

        foreach (var store in _stores)
        {
            store.Dispose();
        }

        _admin?.Dispose();
    }

    private QdrantClient Admin => _admin ??= new QdrantClient(new Uri(Endpoint!), apiKey: ApiKey);

    private QdrantChunkStore Open(string collection)
    {
        _collections.Add(collection);
        var store = new QdrantChunkStore(
            Options.Create(new QdrantOptions { Endpoint = Endpoint!, ApiKey = ApiKey, Collection = collection }),
            NullLogger<QdrantChunkStore>.Instance);
        _stores.Add(store);
        return store;
    }
}
