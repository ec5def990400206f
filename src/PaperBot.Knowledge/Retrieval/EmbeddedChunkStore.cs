using PaperBot.Knowledge.Lexical;

namespace PaperBot.Knowledge.Retrieval;

/// <summary>
/// The default store: everything in memory, no set-up. Dense search is exact cosine (vectors are unit length, so a
/// dot product); lexical search is BM25 with the IDF computed over the stored chunks exactly as Qdrant's
/// <c>Modifier.Idf</c> does: <c>ln(1 + (N − n + 0.5) / (n + 0.5))</c>, scored through an inverted index (only the
/// chunks that share a term with the query are visited). Each ranking keeps its best chunks with a bounded heap, so
/// a course of many readings costs a pass over the vectors and no sort of the whole collection.
/// </summary>
public sealed class EmbeddedChunkStore : IChunkStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Hash, List<StoredChunk> Chunks)> _documents = new(StringComparer.Ordinal);
    private Snapshot _snapshot = Snapshot.Empty;

    public string Name => "embedded";

    public int Count => Volatile.Read(ref _snapshot).Chunks.Length;

    public Task<bool> HasDocumentAsync(string documentId, string contentHash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_documents.TryGetValue(documentId, out var entry) && entry.Hash == contentHash);
        }
    }

    public Task ReplaceDocumentAsync(string documentId, string contentHash, IReadOnlyList<StoredChunk> chunks, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _documents[documentId] = (contentHash, chunks.ToList());
            Volatile.Write(ref _snapshot, Snapshot.Of(_documents.Values.SelectMany(d => d.Chunks)));
        }

        return Task.CompletedTask;
    }

    public Task RemoveDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_documents.Remove(documentId))
            {
                Volatile.Write(ref _snapshot, Snapshot.Of(_documents.Values.SelectMany(d => d.Chunks)));
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> DocumentIdsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>(_documents.Keys.ToList());
        }
    }

    public Task<IReadOnlyList<ChunkScore>> SearchAsync(ChunkQuery query, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var allowed = snapshot.Allowed(query.Documents);
        var depth = Math.Max(query.Top * 4, 20);
        var rankings = new List<IReadOnlyList<string>>(2);
        if (query.Mode is SearchMode.Hybrid or SearchMode.Dense)
        {
            rankings.Add(snapshot.DenseRanking(query.Dense, allowed, depth));
        }

        if (query.Mode is SearchMode.Hybrid or SearchMode.Lexical)
        {
            rankings.Add(snapshot.SparseRanking(query.Sparse, allowed, depth));
        }

        return Task.FromResult(ReciprocalRankFusion.Fuse(rankings, query.Top));
    }

    public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new StoreHealth(true, Name, "in-process"));

    /// <summary>The stored chunks as searched: immutable, replaced whole on every write, read without a lock.</summary>
    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = Of([]);

        private readonly Dictionary<uint, (int Chunk, float Value)[]> _postings;
        private readonly Dictionary<uint, float> _idf;
        private readonly Dictionary<string, int[]> _byDocument;

        private Snapshot(StoredChunk[] chunks)
        {
            Chunks = chunks;
            var postings = new Dictionary<uint, List<(int, float)>>();
            var byDocument = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < chunks.Length; i++)
            {
                var sparse = chunks[i].Sparse;
                for (var t = 0; t < sparse.Indices.Length; t++)
                {
                    if (!postings.TryGetValue(sparse.Indices[t], out var list))
                    {
                        postings[sparse.Indices[t]] = list = [];
                    }

                    list.Add((i, sparse.Values[t]));
                }

                if (!byDocument.TryGetValue(chunks[i].Chunk.DocumentId, out var own))
                {
                    byDocument[chunks[i].Chunk.DocumentId] = own = [];
                }

                own.Add(i);
            }

            _postings = postings.ToDictionary(p => p.Key, p => p.Value.ToArray());
            double n = chunks.Length;
            _idf = postings.ToDictionary(p => p.Key, p => (float)Math.Log(1 + ((n - p.Value.Count + 0.5) / (p.Value.Count + 0.5))));
            _byDocument = byDocument.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        }

        public StoredChunk[] Chunks { get; }

        public static Snapshot Of(IEnumerable<StoredChunk> chunks) => new(chunks.ToArray());

        /// <summary>Which chunks a query may return: null for all, else a mask over the chunks of the named documents.</summary>
        public bool[]? Allowed(IReadOnlyCollection<string>? documents)
        {
            if (documents is null)
            {
                return null;
            }

            var mask = new bool[Chunks.Length];
            foreach (var document in documents)
            {
                if (_byDocument.TryGetValue(document, out var own))
                {
                    foreach (var i in own)
                    {
                        mask[i] = true;
                    }
                }
            }

            return mask;
        }

        public IReadOnlyList<string> DenseRanking(float[] query, bool[]? allowed, int depth)
        {
            var best = new TopScores(depth);
            for (var i = 0; i < Chunks.Length; i++)
            {
                if (allowed is null || allowed[i])
                {
                    var dense = Chunks[i].Dense;
                    var length = Math.Min(query.Length, dense.Length);
                    best.Offer(i, System.Numerics.Tensors.TensorPrimitives.Dot(query.AsSpan(0, length), dense.AsSpan(0, length)));
                }
            }

            return best.Ranked(this);
        }

        public IReadOnlyList<string> SparseRanking(SparseVector query, bool[]? allowed, int depth)
        {
            var scores = new Dictionary<int, double>();
            for (var t = 0; t < query.Indices.Length; t++)
            {
                if (!_postings.TryGetValue(query.Indices[t], out var postings))
                {
                    continue;
                }

                var weight = query.Values[t] * _idf[query.Indices[t]];
                foreach (var (chunk, value) in postings)
                {
                    if (allowed is null || allowed[chunk])
                    {
                        scores[chunk] = scores.GetValueOrDefault(chunk) + (weight * value);
                    }
                }
            }

            var best = new TopScores(depth);
            foreach (var (chunk, score) in scores)
            {
                if (score > 0)
                {
                    best.Offer(chunk, score);
                }
            }

            return best.Ranked(this);
        }
    }

    /// <summary>The best <c>capacity</c> chunks seen, best first; ties go to the chunk stored first.</summary>
    private sealed class TopScores(int capacity)
    {
        // A min-heap on (score, -index): its root is the chunk to drop first.
        private readonly PriorityQueue<int, (double Score, int Index)> _heap = new(capacity + 1, Comparer<(double Score, int Index)>.Create(
            (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Index.CompareTo(a.Index)));

        public void Offer(int index, double score)
        {
            if (_heap.Count < capacity)
            {
                _heap.Enqueue(index, (score, index));
            }
            else if (_heap.TryPeek(out _, out var worst) && (score > worst.Score || (score == worst.Score && index < worst.Index)))
            {
                _heap.DequeueEnqueue(index, (score, index));
            }
        }

        public IReadOnlyList<string> Ranked(Snapshot snapshot)
        {
            var items = new List<(int Index, double Score)>(_heap.Count);
            while (_heap.TryDequeue(out var index, out var priority))
            {
                items.Add((index, priority.Score));
            }

            items.Reverse();
            return items.Select(x => snapshot.Chunks[x.Index].Chunk.Id).ToList();
        }
    }
}
