using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Testing;

[assembly: AssemblyFixture(typeof(PaperBot.Knowledge.Tests.PaperFixture))]

namespace PaperBot.Knowledge.Tests;

/// <summary>The shipped paper, the embedding model and the index: loaded once for the whole test run.</summary>
public sealed class PaperFixture : IAsyncLifetime
{
    private IndexedPaper? _indexed;

    private IndexedPaper Indexed => _indexed ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public string KnowledgeFolder => Indexed.KnowledgeFolder;

    public string CacheFolder => Indexed.CacheFolder;

    public ArcticXsEmbeddingGenerator Embeddings => Indexed.Embeddings;

    public PaperDocument Paper => Indexed.Loaded.Documents.Single(d => d.Id == "russia-pakistan-paper");

    public KnowledgeBase Knowledge => Indexed.Knowledge;

    public ChunkingOptions Chunking => Indexed.Chunking;

    public async ValueTask InitializeAsync() => _indexed = await IndexedPaper.BuildAsync("knowledge");

    public EmbeddingCache NewCache() => Indexed.NewCache();

    public ValueTask DisposeAsync()
    {
        _indexed?.Dispose();
        return ValueTask.CompletedTask;
    }
}
