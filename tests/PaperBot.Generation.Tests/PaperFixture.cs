using Microsoft.Extensions.AI;
using PaperBot.Answering;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Testing;

[assembly: AssemblyFixture(typeof(PaperBot.Generation.Tests.PaperFixture))]

namespace PaperBot.Generation.Tests;

/// <summary>
/// The real paper, indexed once per test run with the real ONNX embedding model and the embedded store. The
/// embedding cache lives in a temporary folder, so a run never depends on (or disturbs) a developer's cache.
/// </summary>
public sealed class PaperFixture : IAsyncLifetime
{
    private IndexedPaper? _indexed;

    private IndexedPaper Indexed => _indexed ?? throw new InvalidOperationException("The fixture has not been initialised.");

    /// <summary>The embedding cache the paper was indexed through: another index of the same paper built on it embeds nothing.</summary>
    public string CacheFolder => Indexed.CacheFolder;

    /// <summary>The loaded ONNX model, shared so a test never loads a second copy.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Embeddings => Indexed.Embeddings;

    public KnowledgeBase Knowledge => Indexed.Knowledge;

    /// <summary>Every sentence of the paper, for asserting that a quote is the paper's own words.</summary>
    public IReadOnlySet<string> PaperSentences { get; private set; } = new HashSet<string>();

    /// <summary>The paper's text as one string (sentences joined by spaces), for substring checks.</summary>
    public string PaperText { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        _indexed = await IndexedPaper.BuildAsync("generation");
        Assert.NotEmpty(_indexed.Loaded.Documents);
        PaperSentences = Knowledge.AllSentences().Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
        PaperText = string.Join(" ", Knowledge.AllSentences().Select(s => s.Text));
    }

    /// <summary>What the answer service would hand a generator for this question: the top passages and the query vector.</summary>
    public async Task<GenerationRequest> RequestAsync(string question, int top = 5)
    {
        var vector = await Knowledge.EmbedQueryAsync(question);
        var hits = await Knowledge.SearchAsync(question, vector, top);
        return new GenerationRequest(question, hits, vector, Knowledge);
    }

    public ValueTask DisposeAsync()
    {
        _indexed?.Dispose();
        return ValueTask.CompletedTask;
    }
}
