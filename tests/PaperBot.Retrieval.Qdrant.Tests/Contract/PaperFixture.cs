using PaperBot.Evaluation;
using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Retrieval;

[assembly: AssemblyFixture(typeof(PaperBot.Retrieval.Qdrant.Tests.Contract.PaperFixture))]

namespace PaperBot.Retrieval.Qdrant.Tests.Contract;

/// <summary>
/// The expensive things the contract suite shares, made once per test run and only when a contract test first asks:
/// the ONNX model, an in-memory embedding cache (nothing is written to the user's cache), the paper, the gold set,
/// the gold questions' vectors, and the embedded store's answers to them (the reference every store is held to).
/// </summary>
public sealed class PaperFixture : IDisposable
{
    private readonly Lazy<Task<PaperData>> _data = new(PaperData.LoadAsync);

    public Task<PaperData> GetAsync() => _data.Value;

    public void Dispose()
    {
        if (_data.IsValueCreated && _data.Value.IsCompletedSuccessfully)
        {
            _data.Value.Result.Dispose();
        }
    }
}

public sealed class PaperData : IDisposable
{
    public const int Depth = 10;

    private readonly ArcticXsEmbeddingGenerator _embeddings = new();
    private readonly EmbeddingCache _cache = new(cacheFolder: null, ArcticXsEmbeddingGenerator.ModelId);
    private readonly SemaphoreSlim _gate = new(1, 1);

    private PaperData(LoadResult paper, IReadOnlyList<GoldItem> gold)
    {
        Paper = paper;
        Gold = gold;
    }

    public LoadResult Paper { get; }

    public ChunkingOptions Chunking { get; } = new();

    /// <summary>The answerable gold questions with gold sections; empty when the gold set is not in the repository.</summary>
    public IReadOnlyList<GoldItem> Gold { get; }

    public IReadOnlyDictionary<string, float[]> QuestionVectors { get; private set; } = new Dictionary<string, float[]>();

    /// <summary>The embedded store's top sections per mode and gold question id.</summary>
    public IReadOnlyDictionary<SearchMode, IReadOnlyDictionary<string, IReadOnlyList<string>>> Reference { get; private set; } =
        new Dictionary<SearchMode, IReadOnlyDictionary<string, IReadOnlyList<string>>>();

    internal static async Task<PaperData> LoadAsync()
    {
        var paper = DocumentLoader.LoadFolder(PathResolver.ResolveFolder("knowledge"));
        var goldFolder = PathResolver.ResolveFolder(GoldSet.DefaultFolder);
        var gold = Directory.Exists(goldFolder)
            ? GoldSet.LoadDev(goldFolder).Where(g => g.IsAnswerable && g.Sections.Count > 0 && paper.Documents.Any(d => d.Id == g.Reading)).ToList()
            : [];
        var data = new PaperData(paper, gold);
        await data.ComputeReferenceAsync().ConfigureAwait(false);
        return data;
    }

    /// <summary>Indexes readings (the paper unless told otherwise) into a store; builds are one at a time, as the model is shared.</summary>
    public async Task<KnowledgeBase> BuildAsync(IChunkStore store, LoadResult? readings = null)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return await KnowledgeBase.BuildAsync(readings ?? Paper, Chunking, _embeddings, _cache, store, ArcticXsEmbeddingGenerator.QueryPrefix, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public static async Task<IReadOnlyList<string>> TopSectionsAsync(KnowledgeBase knowledge, GoldItem item, float[] vector, SearchMode mode) =>
        (await knowledge.SearchAsync(item.Question, vector, Depth, mode).ConfigureAwait(false)).Select(h => h.SectionId).ToList();

    public void Dispose()
    {
        _embeddings.Dispose();
        _gate.Dispose();
    }

    private async Task ComputeReferenceAsync()
    {
        var knowledge = await BuildAsync(new EmbeddedChunkStore()).ConfigureAwait(false);
        var vectors = new Dictionary<string, float[]>();
        foreach (var item in Gold)
        {
            vectors[item.Id] = await knowledge.EmbedQueryAsync(item.Question).ConfigureAwait(false);
        }

        var reference = new Dictionary<SearchMode, IReadOnlyDictionary<string, IReadOnlyList<string>>>();
        foreach (var mode in Enum.GetValues<SearchMode>())
        {
            var byQuestion = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var item in Gold)
            {
                byQuestion[item.Id] = await TopSectionsAsync(knowledge, item, vectors[item.Id], mode).ConfigureAwait(false);
            }

            reference[mode] = byQuestion;
        }

        QuestionVectors = vectors;
        Reference = reference;
    }
}
