using Microsoft.Extensions.AI;

namespace PaperBot.Retrieval.Qdrant.Tests.Fakes;

/// <summary>
/// A deterministic 384-dimension "embedding" (hashed words, unit length) for tests that need vectors of the right
/// shape but not the model's meaning: indexing shape tests and the host tests.
/// </summary>
internal sealed class FakeEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 384;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Vector(v)))));

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("fake", defaultModelId: "fake-384") : null;

    public void Dispose()
    {
    }

    public static float[] Vector(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            vector[(int)(Knowledge.Lexical.Bm25Encoder.TermIndex(word.ToLowerInvariant()) % Dimensions)] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        vector[0] += norm == 0 ? 1 : 0;
        norm = norm == 0 ? 1 : norm;
        return vector.Select(x => x / norm).ToArray();
    }
}
