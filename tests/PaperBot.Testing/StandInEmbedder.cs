using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using PaperBot.Knowledge.Lexical;

namespace PaperBot.Testing;

/// <summary>
/// A deterministic stand-in for the embedding model, for tests that run in milliseconds: a text's vector is the
/// normalised sum of one fixed pseudo-random vector per word stem (64 dimensions), so texts that share words are
/// close and texts that share none are nearly orthogonal. Words a test declares synonyms share one vector, so
/// "meaning" can be tested without the real model. Query prefixes and the word frame ("meaning of") are ignored.
/// </summary>
public sealed class StandInEmbedder(IReadOnlyDictionary<string, string>? synonyms = null) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 64;
    public const string QueryPrefix = "query: ";

    private readonly IReadOnlyDictionary<string, string> _synonyms = synonyms ?? new Dictionary<string, string>();

    public int Calls { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var embeddings = values.Select(v => new Embedding<float>(Embed(v))).ToList();
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(embeddings));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("stand-in", null, "stand-in", Dimensions) : null;

    public void Dispose()
    {
    }

    public float[] Embed(string text)
    {
        if (text.StartsWith(QueryPrefix, StringComparison.Ordinal))
        {
            text = text[QueryPrefix.Length..];
        }

        if (text.StartsWith("meaning of ", StringComparison.Ordinal))
        {
            text = text["meaning of ".Length..];
        }

        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split([' ', ',', '.', '?', '!', ':', ';', '(', ')', '“', '”', '"', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            var concept = _synonyms.TryGetValue(word, out var shared) ? shared : Bm25Encoder.Analyze(word).FirstOrDefault();
            if (concept is null)
            {
                continue;
            }

            TensorPrimitives.Add(vector, WordVector(concept), vector);
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm == 0)
        {
            vector[0] = 1;
            return vector;
        }

        TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    private static float[] WordVector(string concept)
    {
        var random = new Random((int)Bm25Encoder.TermIndex(concept));
        var vector = new float[Dimensions];
        for (var i = 0; i < Dimensions; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return vector;
    }
}
