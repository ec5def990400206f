using System.Diagnostics;
using Microsoft.Extensions.AI;
using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Lexical;

namespace PaperBot.Knowledge.Retrieval;

/// <summary>What indexing did, for logs and the benchmark.</summary>
public sealed record IndexReport(int Documents, int Chunks, int Sentences, int Embedded, int DocumentsWritten, TimeSpan Elapsed, IReadOnlyList<string> Warnings);

/// <summary>
/// The loaded readings and the way to search them: documents, chunks, sentence vectors, the BM25 encoder, and the
/// store. Built once at start; searches are safe from many threads.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly Dictionary<string, Chunk> _chunksById;
    private readonly IReadOnlyList<LocatedSentence> _sentences;
    private readonly Dictionary<(string Document, string Section, int Paragraph, int Index), int> _sentenceIndex;
    private readonly float[][] _sentenceVectors;
    private readonly HashSet<string>[] _sentenceTerms;
    private readonly string _queryPrefix;

    private KnowledgeBase(
        IReadOnlyList<PaperDocument> documents,
        IReadOnlyList<Chunk> chunks,
        IReadOnlyList<LocatedSentence> sentences,
        float[][] sentenceVectors,
        Bm25Encoder bm25,
        IChunkStore store,
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        string queryPrefix,
        IndexReport report)
    {
        Documents = documents;
        Chunks = chunks;
        _chunksById = chunks.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _sentences = sentences;
        _sentenceVectors = sentenceVectors;
        _sentenceIndex = new Dictionary<(string, string, int, int), int>(sentences.Count);
        _sentenceTerms = new HashSet<string>[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            _sentenceIndex[Key(sentences[i])] = i;
            _sentenceTerms[i] = Bm25Encoder.Analyze(sentences[i].Text).ToHashSet(StringComparer.Ordinal);
        }
        Bm25 = bm25;
        Store = store;
        _embeddings = embeddings;
        _queryPrefix = queryPrefix;
        Report = report;
    }

    public IReadOnlyList<PaperDocument> Documents { get; }

    public IReadOnlyList<Chunk> Chunks { get; }

    public Bm25Encoder Bm25 { get; }

    public IChunkStore Store { get; }

    public IndexReport Report { get; }

    /// <summary>
    /// Loads the readings, cuts chunks, embeds chunks and sentences (through the on-disk cache), and writes each
    /// document whose content changed into the store.
    /// </summary>
    /// <param name="progress">Told how the embedding of texts missing from the cache goes; not called when none is missing.</param>
    public static async Task<KnowledgeBase> BuildAsync(
        LoadResult loaded,
        ChunkingOptions chunking,
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        EmbeddingCache cache,
        IChunkStore store,
        string queryPrefix,
        CancellationToken cancellationToken,
        IProgress<EmbeddingProgress>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        var chunksByDocument = loaded.Documents.ToDictionary(d => d.Id, d => Chunker.Chunk(d, chunking));
        var allChunks = chunksByDocument.Values.SelectMany(c => c).ToList();
        var sentences = loaded.Documents.SelectMany(d => d.AllSentences()).ToList();

        var texts = allChunks.Select(c => c.IndexText).Concat(sentences.Select(s => s.Text)).ToList();
        var embedder = progress is null ? embeddings : new ProgressEmbeddingGenerator(embeddings, loaded.Documents.Count, progress);
        var vectors = await cache.GetOrAddAsync(texts, embedder, cancellationToken).ConfigureAwait(false);
        var embedded = cache.LastMisses;

        var chunkVectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < allChunks.Count; i++)
        {
            chunkVectors[allChunks[i].Id] = vectors[i];
        }

        var sentenceVectors = vectors[allChunks.Count..];

        var bm25 = Bm25Encoder.Fit(allChunks.Select(c => c.IndexText));
        var written = 0;
        foreach (var document in loaded.Documents)
        {
            // The content hash covers the chunking and the encoder too: either changing means the stored points are stale.
            var hash = $"{document.ContentHash}:{chunking.Describe()}:{cache.ModelId}:{bm25.AverageLength:F3}";
            if (await store.HasDocumentAsync(document.Id, hash, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var stored = chunksByDocument[document.Id]
                .Select(c => new StoredChunk(c, chunkVectors[c.Id], bm25.EncodePassage(c.IndexText)))
                .ToList();
            await store.ReplaceDocumentAsync(document.Id, hash, stored, cancellationToken).ConfigureAwait(false);
            written++;
        }

        var report = new IndexReport(loaded.Documents.Count, allChunks.Count, sentences.Count, embedded, written, watch.Elapsed, loaded.Warnings);
        return new KnowledgeBase(loaded.Documents, allChunks, sentences, sentenceVectors, bm25, store, embeddings, queryPrefix, report);
    }

    /// <summary>Searches every reading (or one) and returns the best chunks, best first.</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        string query,
        int top,
        SearchMode mode = SearchMode.Hybrid,
        string? documentId = null,
        CancellationToken cancellationToken = default)
    {
        var dense = mode == SearchMode.Lexical ? [] : await EmbedQueryAsync(query, cancellationToken).ConfigureAwait(false);
        return await SearchAsync(query, dense, top, mode, documentId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Searches with a query vector already computed (the answer service reuses it for sentence scoring).</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        string query,
        float[] queryVector,
        int top,
        SearchMode mode = SearchMode.Hybrid,
        string? documentId = null,
        CancellationToken cancellationToken = default)
    {
        var sparse = Bm25Encoder.EncodeQuery(query);
        var scores = await Store.SearchAsync(new ChunkQuery(queryVector, sparse, top, mode, documentId), cancellationToken).ConfigureAwait(false);
        return scores
            .Where(s => _chunksById.ContainsKey(s.ChunkId))
            .Select(s => new SearchHit(_chunksById[s.ChunkId], s.Score))
            .ToList();
    }

    /// <summary>Embeds a query with the model's query prefix.</summary>
    public async Task<float[]> EmbedQueryAsync(string query, CancellationToken cancellationToken = default)
    {
        var result = await _embeddings.GenerateAsync([_queryPrefix + query], cancellationToken: cancellationToken).ConfigureAwait(false);
        return result[0].Vector.ToArray();
    }

    /// <summary>Embeds passages (no prefix), e.g. a model's sentences for the grounding check.</summary>
    public async Task<float[][]> EmbedPassagesAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var result = await _embeddings.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.Select(e => e.Vector.ToArray()).ToArray();
    }

    /// <summary>The passage vector of a sentence of the paper (unit length).</summary>
    public float[]? SentenceVector(LocatedSentence sentence) =>
        _sentenceIndex.TryGetValue(Key(sentence), out var i) ? _sentenceVectors[i] : null;

    /// <summary>The analysed terms of a sentence of the paper (Lucene English analysis), computed once.</summary>
    public IReadOnlySet<string> SentenceTerms(LocatedSentence sentence) =>
        _sentenceIndex.TryGetValue(Key(sentence), out var i) ? _sentenceTerms[i] : Bm25Encoder.Analyze(sentence.Text).ToHashSet(StringComparer.Ordinal);

    /// <summary>The sentence closest in meaning to a query vector, and its cosine.</summary>
    public (LocatedSentence? Sentence, double Similarity) ClosestSentence(float[] queryVector)
    {
        var best = -1;
        var bestScore = double.MinValue;
        for (var i = 0; i < _sentenceVectors.Length; i++)
        {
            var score = System.Numerics.Tensors.TensorPrimitives.Dot(queryVector.AsSpan(), _sentenceVectors[i].AsSpan());
            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }

        return best < 0 ? (null, 0) : (_sentences[best], bestScore);
    }

    /// <summary>Every sentence of every reading, in reading order.</summary>
    public IReadOnlyList<LocatedSentence> AllSentences() => _sentences;

    private static (string, string, int, int) Key(LocatedSentence sentence) =>
        (sentence.DocumentId, sentence.Section.Id, sentence.Paragraph, sentence.Sentence.Index);

    public PaperDocument? FindDocument(string documentId) =>
        Documents.FirstOrDefault(d => string.Equals(d.Id, documentId, StringComparison.OrdinalIgnoreCase));
}
