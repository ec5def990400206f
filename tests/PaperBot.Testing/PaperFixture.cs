using System.Reflection;
using PaperBot.Answering;
using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Answering.Generation;

namespace PaperBot.Testing;

/// <summary>
/// The shipped paper, the real ONNX embedding model and the paper's index over the embedded store: made once per test
/// run of an assembly that registers it (<c>[assembly: AssemblyFixture(typeof(PaperBot.Testing.PaperFixture))]</c>)
/// and handed to every test class that asks for it in its constructor. The embedding cache lives in a temporary
/// folder of its own, so a run never depends on (or disturbs) a developer's cache.
/// </summary>
public sealed class PaperFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _builds = new(1, 1);
    private readonly Lazy<Task<GoldReference>> _gold;
    private IndexedPaper? _indexed;
    private EmbeddingCache? _buildCache;

    public PaperFixture() => _gold = new(() => GoldReference.ComputeAsync(Knowledge, Loaded));

    private IndexedPaper Indexed => _indexed ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public string KnowledgeFolder => Indexed.KnowledgeFolder;

    /// <summary>The embedding cache the paper was indexed through: another index of the same paper built on it embeds nothing.</summary>
    public string CacheFolder => Indexed.CacheFolder;

    /// <summary>The loaded ONNX model, shared so a test never loads a second copy (and never disposes this one).</summary>
    public ArcticXsEmbeddingGenerator Embeddings => Indexed.Embeddings;

    /// <summary>Every reading in the knowledge folder, as loaded.</summary>
    public LoadResult Loaded => Indexed.Loaded;

    /// <summary>The shipped paper itself.</summary>
    public PaperDocument Paper => Loaded.Documents.Single(d => d.Id == "russia-pakistan-paper");

    public KnowledgeBase Knowledge => Indexed.Knowledge;

    public ChunkingOptions Chunking => Indexed.Chunking;

    /// <summary>Every sentence of the paper, for asserting that a quote is the paper's own words.</summary>
    public IReadOnlySet<string> PaperSentences { get; private set; } = new HashSet<string>();

    /// <summary>The paper's text as one string (sentences joined by spaces), for substring checks.</summary>
    public string PaperText { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        _indexed = await IndexedPaper.BuildAsync(SuiteName());
        if (_indexed.Loaded.Documents.Count == 0)
        {
            throw new InvalidOperationException($"No readings were loaded from {_indexed.KnowledgeFolder}.");
        }

        _buildCache = _indexed.NewCache();
        PaperSentences = Knowledge.AllSentences().Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
        PaperText = string.Join(" ", Knowledge.AllSentences().Select(s => s.Text));
    }

    /// <summary>A new cache over the fixture's folder: an index built on it finds every embedding already there.</summary>
    public EmbeddingCache NewCache() => Indexed.NewCache();

    /// <summary>What the answer service would hand a generator for this question: the top passages and the query vector.</summary>
    public async Task<GenerationRequest> RequestAsync(string question, int top = 5)
    {
        var vector = await Knowledge.EmbedQueryAsync(question);
        var hits = await Knowledge.SearchAsync(question, vector, top);
        return new GenerationRequest(question, hits, vector, Knowledge);
    }

    /// <summary>
    /// Indexes readings (the shipped ones unless told otherwise) into <paramref name="store"/> with the fixture's model
    /// and cache. Builds run one at a time, as they share the model and the cache.
    /// </summary>
    public async Task<KnowledgeBase> BuildAsync(IChunkStore store, LoadResult? readings = null)
    {
        await _builds.WaitAsync().ConfigureAwait(false);
        try
        {
            return await KnowledgeBase.BuildAsync(
                readings ?? Loaded, Chunking, Embeddings, _buildCache!, store, ArcticXsEmbeddingGenerator.QueryPrefix, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _builds.Release();
        }
    }

    /// <summary>The gold questions about the shipped readings and the embedded store's answers to them: computed on first use.</summary>
    public Task<GoldReference> GoldReferenceAsync() => _gold.Value;

    public ValueTask DisposeAsync()
    {
        _indexed?.Dispose();
        _builds.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The test assembly's short name (<c>knowledge</c> for PaperBot.Knowledge.Tests), to name the cache folder.</summary>
    private static string SuiteName()
    {
        var name = Assembly.GetEntryAssembly()?.GetName().Name ?? "shared";
        name = name.StartsWith("PaperBot.", StringComparison.Ordinal) ? name["PaperBot.".Length..] : name;
        name = name.EndsWith(".Tests", StringComparison.Ordinal) ? name[..^".Tests".Length] : name;
        return name.ToLowerInvariant();
    }
}
