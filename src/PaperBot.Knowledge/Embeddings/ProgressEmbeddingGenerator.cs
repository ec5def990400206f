using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace PaperBot.Knowledge.Embeddings;

/// <summary>How far the embedding of an index build has got.</summary>
/// <param name="Documents">The documents being indexed.</param>
/// <param name="Embedded">Texts embedded so far.</param>
/// <param name="Total">Texts to embed (those not in the cache).</param>
/// <param name="Elapsed">Time since the embedding started.</param>
public sealed record EmbeddingProgress(int Documents, int Embedded, int Total, TimeSpan Elapsed)
{
    /// <summary>Readings whose texts are all embedded (or were found in the cache).</summary>
    public int DocumentsDone { get; init; }

    /// <summary>Texts embedded per second so far.</summary>
    public double TextsPerSecond => Elapsed.TotalSeconds > 0 ? Embedded / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Counts an index build's embedding across its calls (one per reading, then the readings' words) and reports
/// after each slice, so a first start, or <c>paperbot index</c>, says how far it has got and how fast it goes.
/// </summary>
internal sealed class EmbeddingTracker(int documents, int total, IProgress<EmbeddingProgress> progress)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public int Embedded { get; private set; }

    public int DocumentsDone { get; private set; }

    public void Start() => Report();

    public void Add(int texts)
    {
        Embedded += texts;
        Report();
    }

    public void DocumentDone()
    {
        DocumentsDone++;
    }

    private void Report() =>
        progress.Report(new EmbeddingProgress(documents, Embedded, total, _watch.Elapsed) { DocumentsDone = DocumentsDone });
}

/// <summary>
/// Embeds in slices and tells the tracker after each one. The slices follow the model's own order (shortest text
/// first) in multiples of its batch size, so the batches are the ones a single call would have made.
/// </summary>
internal sealed class ProgressEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, EmbeddingTracker tracker) : IEmbeddingGenerator<string, Embedding<float>>
{
    internal const int SliceSize = 64;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToArray();
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

            tracker.Add(slice.Length);
        }

        return new GeneratedEmbeddings<Embedding<float>>(vectors);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        // The inner generator belongs to whoever made it.
    }
}
