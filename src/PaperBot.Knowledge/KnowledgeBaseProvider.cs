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
            return _built ?? await BuildLockedAsync(null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Reads the folder again and swaps in a new knowledge base when the readings changed (a file added, changed or
    /// removed while the bot runs): only texts not in the cache are embedded, only changed readings are written to
    /// the store, removed ones leave it. Questions asked meanwhile are answered from the previous one. A folder left
    /// with nothing to read keeps the previous readings serving (and says so).
    /// </summary>
    /// <param name="progress">Told how the embedding goes, besides the log (for <c>paperbot index</c>).</param>
    /// <exception cref="NoReadingsException">Nothing to read and nothing built before.</exception>
    public async Task<KnowledgeRefresh> RefreshAsync(IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var previous = _built;
            var now = DocumentLoader.LoadFolder(Folder);
            if (previous is not null && !ReadingsChanged(previous, now))
            {
                // Nothing to rebuild, but a file that could not be read is still worth saying.
                foreach (var warning in now.Warnings)
                {
                    LogLoadWarning(logger, warning);
                }

                return new KnowledgeRefresh(previous, [], [], [], 0);
            }

            KnowledgeBase built;
            try
            {
                built = await BuildLockedAsync(progress, cancellationToken, now).ConfigureAwait(false);
            }
            catch (NoReadingsException ex) when (previous is not null)
            {
                LogKeptPrevious(logger, ex.Message, previous.Documents.Count);
                return new KnowledgeRefresh(previous, [], [], [], 0);
            }

            var before = previous?.Documents.ToDictionary(d => d.Id, d => d.ContentHash, StringComparer.Ordinal) ?? [];
            var after = built.Documents.ToDictionary(d => d.Id, d => d.ContentHash, StringComparer.Ordinal);
            var refresh = new KnowledgeRefresh(
                built,
                after.Keys.Where(id => !before.ContainsKey(id)).ToList(),
                after.Keys.Where(id => before.TryGetValue(id, out var hash) && hash != after[id]).ToList(),
                before.Keys.Where(id => !after.ContainsKey(id)).ToList(),
                built.Report.Embedded);
            if (previous is not null)
            {
                LogRefreshed(logger, refresh.Added.Count, refresh.Changed.Count, refresh.Removed.Count, refresh.Embedded, built.Documents.Count);
            }

            return refresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether what the folder holds now differs from what is built: other readings, or other content.</summary>
    private static bool ReadingsChanged(KnowledgeBase built, LoadResult now) =>
        now.Documents.Count != built.Documents.Count
        || now.Documents.Any(d => built.FindDocument(d.Id) is not { } same || same.ContentHash != d.ContentHash || Describe(same.Metadata) != Describe(d.Metadata));

    private static string Describe(DocumentMetadata metadata) => System.Text.Json.JsonSerializer.Serialize(metadata);

    /// <param name="read">The folder as just read (a refresh compared it already), so it is not parsed twice.</param>
    private async Task<KnowledgeBase> BuildLockedAsync(IProgress<EmbeddingProgress>? extra, CancellationToken cancellationToken, LoadResult? read = null)
    {
        try
        {
            var folder = Folder;
            var loaded = read is null ? DocumentLoader.LoadReadings(folder) : DocumentLoader.RequireReadings(folder, read);

            foreach (var warning in loaded.Warnings)
            {
                LogLoadWarning(logger, warning);
            }

            IProgress<EmbeddingProgress> progress = new ProgressLog(logger, cache.ModelId);
            if (extra is not null)
            {
                progress = new Both(progress, extra);
            }

            var built = await KnowledgeBase.BuildAsync(
                loaded, chunking.Value, embeddings, cache, store, ArcticXsEmbeddingGenerator.QueryPrefix, cancellationToken, progress, _built).ConfigureAwait(false);
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
    }

    private sealed class Both(IProgress<EmbeddingProgress> first, IProgress<EmbeddingProgress> second) : IProgress<EmbeddingProgress>
    {
        public void Report(EmbeddingProgress value)
        {
            first.Report(value);
            second.Report(value);
        }
    }

    /// <summary>
    /// Logs the embedding as it goes (synchronously, so the lines come in order): its start, each time another
    /// reading is done or five seconds have passed, and its end.
    /// </summary>
    private sealed class ProgressLog(ILogger logger, string model) : IProgress<EmbeddingProgress>
    {
        private int _done = -1;
        private TimeSpan _logged;

        public void Report(EmbeddingProgress value)
        {
            if (value.Embedded == 0)
            {
                LogEmbeddingStarted(logger, value.Total, value.Documents, model);
                _done = 0;
                return;
            }

            if (value.Embedded < value.Total && value.DocumentsDone == _done && value.Elapsed - _logged < TimeSpan.FromSeconds(5))
            {
                return;
            }

            _done = value.DocumentsDone;
            _logged = value.Elapsed;
            LogEmbeddingProgress(logger, value.DocumentsDone, value.Documents, value.Embedded, value.Total, Math.Round(value.Elapsed.TotalSeconds, 1), Math.Round(value.TextsPerSecond));
        }
    }

    [LoggerMessage(EventId = 1014, Level = LogLevel.Information, Message = "Knowledge: readings refreshed: {Added} added, {Changed} changed, {Removed} removed; embedded {Embedded} new text(s); {Documents} reading(s) serving")]
    private static partial void LogRefreshed(ILogger logger, int added, int changed, int removed, int embedded, int documents);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning, Message = "Knowledge: {Problem}; the {Documents} reading(s) loaded before keep serving")]
    private static partial void LogKeptPrevious(ILogger logger, string problem, int documents);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Knowledge: {Warning}")]
    private static partial void LogLoadWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Knowledge: embedding {Total} text(s) of {Documents} document(s) with {Model}; they are cached, so later starts skip this")]
    private static partial void LogEmbeddingStarted(ILogger logger, int total, int documents, string model);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Knowledge: embedded {Embedded}/{Total} text(s), {Done}/{Documents} reading(s) done, {Seconds} s, {Rate} texts/s")]
    private static partial void LogEmbeddingProgress(ILogger logger, int done, int documents, int embedded, int total, double seconds, double rate);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "Knowledge: {Documents} document(s), {Chunks} chunks, {Sentences} sentences from {Folder}; embedded {Embedded} new text(s); store {Store} updated for {Written} document(s) in {Elapsed} ms")]
    private static partial void LogBuilt(ILogger logger, int documents, int chunks, int sentences, string folder, int embedded, string store, int written, int elapsed);
}

/// <summary>What a refresh of the readings did: the knowledge base now serving, and which readings changed.</summary>
public sealed record KnowledgeRefresh(KnowledgeBase Knowledge, IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed, int Embedded)
{
    public bool Unchanged => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;
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
