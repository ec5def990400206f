using System.Diagnostics;
using Microsoft.Extensions.AI;
using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Lexical;

namespace PaperBot.Knowledge.Retrieval;

/// <summary>What indexing did, for logs and the benchmark.</summary>
public sealed record IndexReport(int Documents, int Chunks, int Sentences, int Embedded, int DocumentsWritten, TimeSpan Elapsed, IReadOnlyList<string> Warnings)
{
    /// <summary>The distinct words of the readings embedded on their own (for reading questions word by word).</summary>
    public int Words { get; init; }

    /// <summary>Every text the index holds a vector for: chunks, sentences and words.</summary>
    public int Texts => Chunks + Sentences + Words;
}

/// <summary>
/// The loaded readings and the way to search them: documents, chunks, sentence vectors, the BM25 encoder, and the
/// store. Built once at start; searches are safe from many threads.
/// </summary>
public sealed partial class KnowledgeBase
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly Dictionary<string, Chunk> _chunksById;
    private readonly IReadOnlyList<LocatedSentence> _sentences;
    private readonly Dictionary<(string Document, string Section, int Paragraph, int Index), int> _sentenceIndex;
    private readonly float[][] _sentenceVectors;
    private readonly HashSet<string>[] _sentenceTerms;
    private readonly Dictionary<string, int[]> _sentencesByTerm;
    private readonly int[][] _sentenceWords;
    private readonly Dictionary<(string Document, string Section), int[]> _headingWords;
    private readonly Dictionary<(string Document, string Section), HashSet<string>> _headingTerms;
    private readonly HashSet<string> _allHeadingTerms = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, float[]> _questionWords = new(StringComparer.Ordinal);
    private readonly string _queryPrefix;
    private readonly TokenStates?[] _sentenceTokens;
    private readonly Lock _tokensGate = new();

    private KnowledgeBase(
        IReadOnlyList<PaperDocument> documents,
        IReadOnlyList<Chunk> chunks,
        IReadOnlyList<LocatedSentence> sentences,
        float[][] sentenceVectors,
        Bm25Encoder bm25,
        IChunkStore store,
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        string queryPrefix,
        WordIndex words,
        IndexReport report,
        IReadOnlyDictionary<string, DateTimeOffset> indexedAt)
    {
        _indexedAt = indexedAt;
        Documents = documents;
        Chunks = chunks;
        _chunksById = chunks.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _sentences = sentences;
        _sentenceVectors = sentenceVectors;
        _sentenceTokens = new TokenStates?[sentences.Count];
        _sentenceIndex = new Dictionary<(string, string, int, int), int>(sentences.Count);
        _sentenceTerms = new HashSet<string>[sentences.Count];
        _sentenceWords = new int[sentences.Count][];
        var byTerm = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < sentences.Count; i++)
        {
            _sentenceIndex[Key(sentences[i])] = i;
            _sentenceTerms[i] = Bm25Encoder.Analyze(sentences[i].Text).ToHashSet(StringComparer.Ordinal);
            _sentenceWords[i] = words.IdsOf(sentences[i].Text);
            foreach (var term in _sentenceTerms[i])
            {
                if (!byTerm.TryGetValue(term, out var list))
                {
                    byTerm[term] = list = [];
                }

                list.Add(i);
            }
        }

        _sentencesByTerm = byTerm.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _sentencesBySection = Enumerable.Range(0, sentences.Count)
            .GroupBy(i => (sentences[i].DocumentId, sentences[i].Section.Id))
            .ToDictionary(g => g.Key, g => g.ToArray());
        _headingWords = [];
        _headingTerms = [];
        foreach (var document in documents)
        {
            foreach (var section in document.Sections)
            {
                var path = HeadingPath(document, section);
                _headingWords[(document.Id, section.Id)] = words.IdsOf(path);
                _headingTerms[(document.Id, section.Id)] = Bm25Encoder.Analyze(path).ToHashSet(StringComparer.Ordinal);
                _allHeadingTerms.UnionWith(_headingTerms[(document.Id, section.Id)]);
            }
        }

        Words = words;
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

    /// <summary>The readings' words with their embeddings, and which words each sentence and heading is made of.</summary>
    public WordIndex Words { get; }

    /// <summary>How many sentences the readings have.</summary>
    public int SentenceCount => _sentences.Count;

    /// <summary>
    /// Loads the readings, cuts chunks, embeds chunks and sentences (through the on-disk cache), and writes each
    /// document whose content changed into the store.
    /// </summary>
    /// <param name="progress">Told how the embedding of texts missing from the cache goes; not called when none is missing.</param>
    /// <param name="previous">The knowledge base this one replaces (readings changed while the bot runs): a reading whose content is unchanged keeps its time of indexing.</param>
    public static async Task<KnowledgeBase> BuildAsync(
        LoadResult loaded,
        ChunkingOptions chunking,
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        EmbeddingCache cache,
        IChunkStore store,
        string queryPrefix,
        CancellationToken cancellationToken,
        IProgress<EmbeddingProgress>? progress = null,
        KnowledgeBase? previous = null)
    {
        var watch = Stopwatch.StartNew();
        var chunksByDocument = loaded.Documents.ToDictionary(d => d.Id, d => Chunker.Chunk(d, chunking));
        var allChunks = chunksByDocument.Values.SelectMany(c => c).ToList();
        var sentences = loaded.Documents.SelectMany(d => d.AllSentences()).ToList();

        var headings = loaded.Documents.SelectMany(d => d.Sections.Select(s => s.Title));
        var words = WordIndex.DistinctWords(sentences.Select(s => s.Text).Concat(headings))
            .Where(w => Bm25Encoder.Analyze(w).Count > 0) // stop words carry no meaning of their own
            .ToList();
        var texts = allChunks.Select(c => c.IndexText).Concat(sentences.Select(s => s.Text)).Concat(words.Select(WordIndex.EmbeddingText)).ToList();
        var embedded = cache.CountMissing(texts);
        if (embedded > 0)
        {
            // Reading by reading (each in the model's batches, shortest texts first), then the readings' words, so
            // progress can say how many readings are done; the cache is written once at the end.
            var tracker = progress is null ? null : new EmbeddingTracker(loaded.Documents.Count, embedded, progress);
            tracker?.Start();
            var embedder = tracker is null ? embeddings : new ProgressEmbeddingGenerator(embeddings, tracker);
            foreach (var document in loaded.Documents)
            {
                var own = chunksByDocument[document.Id].Select(c => c.IndexText).Concat(document.AllSentences().Select(s => s.Text)).ToList();
                await cache.GetOrAddAsync(own, embedder, cancellationToken, save: false).ConfigureAwait(false);
                tracker?.DocumentDone();
            }

            await cache.GetOrAddAsync(words.Select(WordIndex.EmbeddingText).ToList(), embedder, cancellationToken, save: false).ConfigureAwait(false);
            await cache.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        var vectors = await cache.GetOrAddAsync(texts, embeddings, cancellationToken).ConfigureAwait(false);
        var wordIndex = WordIndex.Create(words, vectors[(allChunks.Count + sentences.Count)..]);

        var chunkVectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < allChunks.Count; i++)
        {
            chunkVectors[allChunks[i].Id] = vectors[i];
        }

        var sentenceVectors = vectors[allChunks.Count..(allChunks.Count + sentences.Count)];

        var bm25 = Bm25Encoder.Fit(allChunks.Select(c => c.IndexText));
        if (previous is not null && Math.Abs(bm25.AverageLength - previous.Bm25.AverageLength) <= 0.1 * previous.Bm25.AverageLength)
        {
            // A reading added to a course moves the average passage length a little; keeping the encoder while it
            // stays within a tenth means the unchanged readings' stored points stay valid and are not written again.
            bm25 = previous.Bm25;
        }

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

        // A reading removed from the folder (now, or while the bot was down) leaves the store too.
        var loadedIds = loaded.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in (await store.DocumentIdsAsync(cancellationToken).ConfigureAwait(false)).Where(id => !loadedIds.Contains(id)))
        {
            await store.RemoveDocumentAsync(stale, cancellationToken).ConfigureAwait(false);
        }

        var report = new IndexReport(loaded.Documents.Count, allChunks.Count, sentences.Count, embedded, written, watch.Elapsed, loaded.Warnings) { Words = words.Count };
        var now = DateTimeOffset.UtcNow;
        var indexedAt = loaded.Documents.ToDictionary(
            d => d.Id,
            d => previous?.Documents.FirstOrDefault(p => p.Id == d.Id && p.ContentHash == d.ContentHash) is { } same && previous.IndexedAt(same.Id) is { } at ? at : now,
            StringComparer.Ordinal);
        return new KnowledgeBase(loaded.Documents, allChunks, sentences, sentenceVectors, bm25, store, embeddings, queryPrefix, wordIndex, report, indexedAt);
    }

    /// <summary>
    /// The readings a search may return chunks of when the caller names none: null for a knowledge base of every loaded
    /// reading, the chosen ones for a view made by <see cref="Subset"/>.
    /// </summary>
    public IReadOnlyCollection<string>? DocumentScope { get; private init; }

    /// <summary>Searches every reading (or the named ones) and returns the best chunks, best first.</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        string query,
        int top,
        SearchMode mode = SearchMode.Hybrid,
        IReadOnlyCollection<string>? documents = null,
        CancellationToken cancellationToken = default)
    {
        var dense = mode == SearchMode.Lexical ? [] : await EmbedQueryAsync(query, cancellationToken).ConfigureAwait(false);
        return await SearchAsync(query, dense, top, mode, documents, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Searches with a query vector already computed (the answer service reuses it for sentence scoring).</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        string query,
        float[] queryVector,
        int top,
        SearchMode mode = SearchMode.Hybrid,
        IReadOnlyCollection<string>? documents = null,
        CancellationToken cancellationToken = default)
    {
        var sparse = Bm25Encoder.EncodeQuery(query);
        var scores = await Store.SearchAsync(new ChunkQuery(queryVector, sparse, top, mode, documents ?? DocumentScope), cancellationToken).ConfigureAwait(false);
        return scores
            .Where(s => _chunksById.ContainsKey(s.ChunkId))
            .Select(s => new SearchHit(_chunksById[s.ChunkId], s.Score))
            .ToList();
    }

    /// <summary>The index of a sentence among <see cref="AllSentences"/>, or -1.</summary>
    public int IndexOf(LocatedSentence sentence) => _sentenceIndex.TryGetValue(Key(sentence), out var i) ? i : -1;

    /// <summary>The sentences (by index) that contain an analysed term: a look-up, not a scan.</summary>
    public IReadOnlyList<int> SentencesWithTerm(string analysedTerm) =>
        _sentencesByTerm.TryGetValue(analysedTerm, out var list) ? list : [];

    /// <summary>The sentences (by index) of one section, in reading order: a look-up, not a scan.</summary>
    public IReadOnlyList<int> SentencesOfSection(string documentId, string sectionId) =>
        _sentencesBySection.TryGetValue((documentId, sectionId), out var list) ? list : [];

    private readonly Dictionary<(string Document, string Section), int[]> _sentencesBySection;

    /// <summary>Whether any sentence or heading of the readings has the analysed term.</summary>
    public bool HasTerm(string analysedTerm) =>
        _sentencesByTerm.ContainsKey(analysedTerm) || _allHeadingTerms.Contains(analysedTerm);

    /// <summary>The passage vector of the sentence at an index of <see cref="AllSentences"/>.</summary>
    public float[] SentenceVector(int sentenceIndex) => _sentenceVectors[sentenceIndex];

    /// <summary>The analysed terms of the sentence at an index of <see cref="AllSentences"/>.</summary>
    public IReadOnlySet<string> SentenceTerms(int sentenceIndex) => _sentenceTerms[sentenceIndex];

    /// <summary>The word ids (<see cref="Words"/>) of a sentence.</summary>
    public IReadOnlyList<int> SentenceWords(int sentenceIndex) => _sentenceWords[sentenceIndex];

    /// <summary>The word ids of a section's heading path (its title and those of the sections above it).</summary>
    public IReadOnlyList<int> HeadingWords(string documentId, string sectionId) =>
        _headingWords.TryGetValue((documentId, sectionId), out var ids) ? ids : [];

    /// <summary>The analysed terms of a section's heading path.</summary>
    public IReadOnlySet<string> HeadingTerms(string documentId, string sectionId) =>
        _headingTerms.TryGetValue((documentId, sectionId), out var terms) ? terms : EmptyTerms;

    private static readonly HashSet<string> EmptyTerms = [];

    private static string HeadingPath(Documents.PaperDocument document, Documents.Section section)
    {
        var titles = new List<string> { section.Title };
        var parent = section.ParentId;
        while (parent is not null && document.FindSection(parent) is { } above)
        {
            titles.Add(above.Title);
            parent = above.ParentId;
        }

        return string.Join(" ", titles);
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

    /// <summary>
    /// A view of some of the readings (a channel that studies this week's readings): their documents, chunks, sentences
    /// and vectors only, sharing the model, the store, the word index and the BM25 encoder of this knowledge base;
    /// searches filter the store to them. Unknown ids are ignored; the same view is handed back for the same readings.
    /// </summary>
    public KnowledgeBase Subset(IEnumerable<string> documentIds)
    {
        var wanted = Documents.Where(d => documentIds.Contains(d.Id, StringComparer.OrdinalIgnoreCase)).Select(d => d.Id).ToList();
        if (wanted.Count == Documents.Count && DocumentScope is null)
        {
            return this;
        }

        var key = string.Join("\n", wanted.Order(StringComparer.Ordinal));
        return _subsets.GetOrAdd(key, _ =>
        {
            var keep = wanted.ToHashSet(StringComparer.Ordinal);
            var indices = Enumerable.Range(0, _sentences.Count).Where(i => keep.Contains(_sentences[i].DocumentId)).ToList();
            return new KnowledgeBase(
                Documents.Where(d => keep.Contains(d.Id)).ToList(),
                Chunks.Where(c => keep.Contains(c.DocumentId)).ToList(),
                indices.Select(i => _sentences[i]).ToList(),
                indices.Select(i => _sentenceVectors[i]).ToArray(),
                Bm25,
                Store,
                _embeddings,
                _queryPrefix,
                Words,
                Report,
                _indexedAt)
            {
                DocumentScope = wanted,
            };
        });
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, KnowledgeBase> _subsets = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, DateTimeOffset> _indexedAt;

    /// <summary>When a reading's current content was indexed (its file read, its texts embedded or found in the cache).</summary>
    public DateTimeOffset? IndexedAt(string documentId) => _indexedAt.TryGetValue(documentId, out var at) ? at : null;

    /// <summary>Every sentence of every reading, in reading order.</summary>
    public IReadOnlyList<LocatedSentence> AllSentences() => _sentences;

    private static (string, string, int, int) Key(LocatedSentence sentence) =>
        (sentence.DocumentId, sentence.Section.Id, sentence.Paragraph, sentence.Sentence.Index);

    public PaperDocument? FindDocument(string documentId) =>
        Documents.FirstOrDefault(d => string.Equals(d.Id, documentId, StringComparison.OrdinalIgnoreCase));
}
