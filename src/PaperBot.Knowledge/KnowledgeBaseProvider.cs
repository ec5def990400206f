using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Knowledge;

/// <summary>
/// Builds the <see cref="KnowledgeBase"/> on first use and hands the same one to every caller. A build that fails
/// (an unreachable store, say) is not remembered: the next call tries again, so the bot recovers without a restart.
/// </summary>
public sealed class KnowledgeBaseProvider(
    IOptions<KnowledgeOptions> knowledge,
    IOptions<ChunkingOptions> chunking,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    EmbeddingCache cache,
    IChunkStore store,
    ILogger<KnowledgeBaseProvider> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private KnowledgeBase? _built;

    /// <summary>A provider of a knowledge base built already (readings indexed in memory by a test or a tool).</summary>
    public KnowledgeBaseProvider(KnowledgeBase built, IChunkStore store, ILogger<KnowledgeBaseProvider> logger)
        : this(Options.Create(new KnowledgeOptions()), Options.Create(new ChunkingOptions()), NoEmbeddings.Instance, new EmbeddingCache(null, "none"), store, logger)
    {
        _built = built;
    }

    public KnowledgeBase? Current => _built;

    public IChunkStore Store => store;

    public async Task<KnowledgeBase> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_built is not null)
        {
            return _built;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_built is not null)
            {
                return _built;
            }

            var folder = knowledge.Value.ResolveKnowledgePath();
            var loaded = DocumentLoader.LoadFolder(folder);
            foreach (var warning in loaded.Warnings)
            {
                logger.LogWarning("Knowledge: {Warning}", warning);
            }

            var built = await KnowledgeBase.BuildAsync(loaded, chunking.Value, embeddings, cache, store, ArcticXsEmbeddingGenerator.QueryPrefix, cancellationToken).ConfigureAwait(false);
            logger.LogInformation(
                "Knowledge: {Documents} document(s), {Chunks} chunks, {Sentences} sentences from {Folder}; embedded {Embedded} new text(s); store {Store} updated for {Written} document(s) in {Elapsed} ms",
                built.Report.Documents, built.Report.Chunks, built.Report.Sentences, folder, built.Report.Embedded, store.Name, built.Report.DocumentsWritten, (int)built.Report.Elapsed.TotalMilliseconds);
            _built = built;
            return built;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Stands in for the embedding model where a knowledge base was built already and nothing is embedded again.</summary>
internal sealed class NoEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
{
    public static NoEmbeddings Instance { get; } = new();

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The knowledge base was built already; nothing is embedded here.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
