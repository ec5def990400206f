using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Retrieval;

[assembly: AssemblyFixture(typeof(PaperBot.Knowledge.Tests.PaperFixture))]

namespace PaperBot.Knowledge.Tests;

/// <summary>The shipped paper, the embedding model and the index: loaded once for the whole test run.</summary>
public sealed class PaperFixture : IAsyncLifetime
{
    public string KnowledgeFolder { get; } = PathResolver.ResolveFolder("knowledge");

    public string CacheFolder { get; } = Path.Combine(Path.GetTempPath(), "paperbot-tests-" + Guid.NewGuid().ToString("N"));

    public ArcticXsEmbeddingGenerator Embeddings { get; private set; } = null!;

    public PaperDocument Paper { get; private set; } = null!;

    public KnowledgeBase Knowledge { get; private set; } = null!;

    public ChunkingOptions Chunking { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Embeddings = new ArcticXsEmbeddingGenerator(CacheFolder);
        var loaded = DocumentLoader.LoadFolder(KnowledgeFolder);
        Paper = loaded.Documents.Single(d => d.Id == "russia-pakistan-paper");
        Knowledge = await KnowledgeBase.BuildAsync(loaded, Chunking, Embeddings, NewCache(), new EmbeddedChunkStore(), ArcticXsEmbeddingGenerator.QueryPrefix, CancellationToken.None);
    }

    public EmbeddingCache NewCache() => new(CacheFolder, ArcticXsEmbeddingGenerator.ModelId);

    public ValueTask DisposeAsync()
    {
        Embeddings.Dispose();
        try
        {
            Directory.Delete(CacheFolder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
