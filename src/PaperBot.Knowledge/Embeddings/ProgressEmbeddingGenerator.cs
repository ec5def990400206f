using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace PaperBot.Knowledge.Embeddings;

/// <summary>How far the embedding of an index build has got.</summary>
/// <param name="Documents">The documents being indexed.</param>
/// <param name="Embedded">Texts embedded so far.</param>
/// <param name="Total">Texts to embed (those not in the cache).</param>
/// <param name="Elapsed">Time since the embedding started.</param>
public sealed record EmbeddingProgress(int Documents, int Embedded, int Total, TimeSpan Elapsed);

/// <summary>
/// Embeds in slices and reports after each one, so a first start says what it is doing. The slices follow the
/// model's own order (shortest text first) in multiples of its batch size, so the batches, and with them the
/// vectors, are the ones a single call would have made.
/// </summary>
internal sealed class ProgressEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, int documents, IProgress<EmbeddingProgress> progress) : IEmbeddingGenerator<string, Embedding<float>>
{
    internal const int SliceSize = 64;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToArray();
        var watch = Stopwatch.StartNew();
        progress.Report(new EmbeddingProgress(documents, 0, inputs.Length, TimeSpan.Zero));
        var order = Enumerable.Range(0, inputs.Length).OrderBy(i => inputs[i].Length).ToArray();
        var vectors = new Embedding<float>[inputs.Length];
        for (var offset = 0; offset < order.Length; offset += SliceSize)
        {
            var slice = order[offset..Math.Min(offset + SliceSize, order.Length)];
            var generated = await inner.GenerateAsync(slice.Select(i => inputs[i]), options, cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < slice.Length; j++)
            {
                vectors[slice[j]] = generated[j];
            }

            progress.Report(new EmbeddingProgress(documents, offset + slice.Length, inputs.Length, watch.Elapsed));
        }

        return new GeneratedEmbeddings<Embedding<float>>(vectors);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        // The inner generator belongs to whoever made it.
    }
}
