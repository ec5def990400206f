using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Testing;

/// <summary>
/// The shipped paper indexed the way the bot indexes it: the real ONNX model, the embedded store, and an embedding
/// cache in a temporary folder of its own, so a test run never depends on (or disturbs) a developer's cache.
/// </summary>
public sealed class IndexedPaper : IDisposable
{
    private IndexedPaper(string cacheFolder, string knowledgeFolder, ArcticXsEmbeddingGenerator embeddings, LoadResult loaded, KnowledgeBase knowledge)
    {
        CacheFolder = cacheFolder;
        KnowledgeFolder = knowledgeFolder;
        Embeddings = embeddings;
        Loaded = loaded;
        Knowledge = knowledge;
    }

    public string CacheFolder { get; }

    public string KnowledgeFolder { get; }

    public ArcticXsEmbeddingGenerator Embeddings { get; }

    public LoadResult Loaded { get; }

    public KnowledgeBase Knowledge { get; }

    public ChunkingOptions Chunking { get; } = new();

    /// <param name="name">Part of the temporary cache folder's name, so a leftover folder says which suite left it.</param>
    public static async Task<IndexedPaper> BuildAsync(string name)
    {
        var cacheFolder = Path.Combine(Path.GetTempPath(), $"paperbot-{name}-tests-{Guid.NewGuid():N}");
        var knowledgeFolder = PathResolver.ResolveFolder("knowledge");
        var embeddings = new ArcticXsEmbeddingGenerator(cacheFolder);
        var loaded = DocumentLoader.LoadFolder(knowledgeFolder);
        var knowledge = await KnowledgeBase.BuildAsync(
            loaded, new ChunkingOptions(), embeddings, new EmbeddingCache(cacheFolder, ArcticXsEmbeddingGenerator.ModelId, ArcticXsEmbeddingGenerator.Dimensions),
            new EmbeddedChunkStore(), ArcticXsEmbeddingGenerator.QueryPrefix, CancellationToken.None);
        return new IndexedPaper(cacheFolder, knowledgeFolder, embeddings, loaded, knowledge);
    }

    /// <summary>
    /// A new cache holding every embedding of the shared one (an index built on it finds the paper's texts already
    /// there), in a folder of its own: what a test embeds stays out of what other tests count on, in any order.
    /// </summary>
    public EmbeddingCache NewCache()
    {
        var folder = Path.Combine(CacheFolder, "copies", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(CacheFolder, "embeddings-*.bin"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return new(folder, ArcticXsEmbeddingGenerator.ModelId, ArcticXsEmbeddingGenerator.Dimensions);
    }

    public void Dispose()
    {
        Embeddings.Dispose();
        try
        {
            Directory.Delete(CacheFolder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
