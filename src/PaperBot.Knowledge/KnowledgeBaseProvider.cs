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
/// (an unreachable store, a readings folder with nothing to read) is not remembered: the next call tries again, so
/// the bot recovers without a restart once Qdrant is back or readings are added.
/// </summary>
public sealed partial class KnowledgeBaseProvider(
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

    /// <summary>The readings folder, as resolved from <c>Knowledge:Path</c>.</summary>
    public string Folder => knowledge.Value.ResolveKnowledgePath();

    /// <summary>Why the last build failed (one line), until a build succeeds.</summary>
    public string? LastFailure { get; private set; }

    /// <exception cref="NoReadingsException">The readings folder is missing, empty, or none of its files can be read.</exception>
    /// <exception cref="KnowledgeStoreUnavailableException">The store cannot be reached.</exception>
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

            var folder = Folder;
            var loaded = DocumentLoader.LoadReadings(folder);

            foreach (var warning in loaded.Warnings)
            {
                LogLoadWarning(logger, warning);
            }

            var built = await KnowledgeBase.BuildAsync(
                loaded, chunking.Value, embeddings, cache, store, ArcticXsEmbeddingGenerator.QueryPrefix, cancellationToken, new ProgressLog(logger, cache.ModelId)).ConfigureAwait(false);
            LogBuilt(logger, built.Report.Documents, built.Report.Chunks, built.Report.Sentences, folder, built.Report.Embedded, store.Name, built.Report.DocumentsWritten, (int)built.Report.Elapsed.TotalMilliseconds);
            _built = built;
            LastFailure = null;
            return built;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LastFailure = ex.Message;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Logs each step of the embedding as it happens (synchronously, so the lines come in order).</summary>
    private sealed class ProgressLog(ILogger logger, string model) : IProgress<EmbeddingProgress>
    {
        public void Report(EmbeddingProgress value)
        {
            if (value.Embedded == 0)
            {
                LogEmbeddingStarted(logger, value.Total, value.Documents, model);
            }
            else
            {
                LogEmbeddingProgress(logger, value.Embedded, value.Total, Math.Round(value.Elapsed.TotalSeconds, 1));
            }
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Knowledge: {Warning}")]
    private static partial void LogLoadWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Knowledge: embedding {Total} text(s) of {Documents} document(s) with {Model}; they are cached, so later starts skip this")]
    private static partial void LogEmbeddingStarted(ILogger logger, int total, int documents, string model);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Knowledge: embedded {Embedded}/{Total} text(s), {Seconds} s")]
    private static partial void LogEmbeddingProgress(ILogger logger, int embedded, int total, double seconds);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "Knowledge: {Documents} document(s), {Chunks} chunks, {Sentences} sentences from {Folder}; embedded {Embedded} new text(s); store {Store} updated for {Written} document(s) in {Elapsed} ms")]
    private static partial void LogBuilt(ILogger logger, int documents, int chunks, int sentences, string folder, int embedded, string store, int written, int elapsed);
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
