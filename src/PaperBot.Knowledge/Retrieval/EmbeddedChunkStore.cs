using PaperBot.Knowledge.Lexical;

namespace PaperBot.Knowledge.Retrieval;

/// <summary>
/// The default store: everything in memory, no set-up. Dense search is exact cosine (vectors are unit length, so a
/// dot product); lexical search is BM25 with the IDF computed over the stored chunks exactly as Qdrant's
/// <c>Modifier.Idf</c> does: <c>ln(1 + (N − n + 0.5) / (n + 0.5))</c>.
/// </summary>
public sealed class EmbeddedChunkStore : IChunkStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Hash, List<StoredChunk> Chunks)> _documents = new(StringComparer.Ordinal);
    private List<StoredChunk> _all = [];
    private Dictionary<uint, float> _idf = [];

    public string Name => "embedded";

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

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
            _all = _documents.Values.SelectMany(d => d.Chunks).ToList();
            _idf = ComputeIdf(_all);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChunkScore>> SearchAsync(ChunkQuery query, CancellationToken cancellationToken)
    {
        List<StoredChunk> candidates;
        Dictionary<uint, float> idf;
        lock (_gate)
        {
            candidates = query.DocumentId is null ? _all : _all.Where(c => c.Chunk.DocumentId == query.DocumentId).ToList();
            idf = _idf;
        }

        var depth = Math.Max(query.Top * 4, 20);
        var rankings = new List<IReadOnlyList<string>>();
        if (query.Mode is SearchMode.Hybrid or SearchMode.Dense)
        {
            rankings.Add(candidates
                .Select(c => (c.Chunk.Id, Score: Dot(query.Dense, c.Dense)))
                .OrderByDescending(x => x.Score)
                .Take(depth)
                .Select(x => x.Id)
                .ToList());
        }

        if (query.Mode is SearchMode.Hybrid or SearchMode.Lexical)
        {
            rankings.Add(candidates
                .Select(c => (c.Chunk.Id, Score: SparseScore(query.Sparse, c.Sparse, idf)))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score)
                .Take(depth)
                .Select(x => x.Id)
                .ToList());
        }

        return Task.FromResult(ReciprocalRankFusion.Fuse(rankings, query.Top));
    }

    public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new StoreHealth(true, Name, "in-process"));

    private static float Dot(float[] a, float[] b)
    {
        var length = Math.Min(a.Length, b.Length);
        return System.Numerics.Tensors.TensorPrimitives.Dot(a.AsSpan(0, length), b.AsSpan(0, length));
    }

    private static double SparseScore(SparseVector query, SparseVector passage, Dictionary<uint, float> idf)
    {
        double score = 0;
        int i = 0, j = 0;
        while (i < query.Indices.Length && j < passage.Indices.Length)
        {
            var qi = query.Indices[i];
            var pj = passage.Indices[j];
            if (qi == pj)
            {
                score += query.Values[i] * passage.Values[j] * idf.GetValueOrDefault(qi);
                i++;
                j++;
            }
            else if (qi < pj)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return score;
    }

    private static Dictionary<uint, float> ComputeIdf(List<StoredChunk> chunks)
    {
        var documentFrequency = new Dictionary<uint, int>();
        foreach (var chunk in chunks)
        {
            foreach (var index in chunk.Sparse.Indices)
            {
                documentFrequency[index] = documentFrequency.GetValueOrDefault(index) + 1;
            }
        }

        double n = chunks.Count;
        return documentFrequency.ToDictionary(p => p.Key, p => (float)Math.Log(1 + ((n - p.Value + 0.5) / (p.Value + 0.5))));
    }
}
