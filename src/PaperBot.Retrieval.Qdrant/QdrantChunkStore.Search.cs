using PaperBot.Knowledge.Retrieval;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace PaperBot.Retrieval.Qdrant;

/// <summary>Search: one Query API call; hybrid fuses a dense and a sparse prefetch with RRF on the server.</summary>
public sealed partial class QdrantChunkStore
{
    /// <summary>
    /// Qdrant scores RRF as <c>1 / (k + rank)</c> with ranks from 0; the embedded store uses ranks from 1 with k = 60.
    /// 61 here makes both stores give the same fused scores.
    /// </summary>
    internal const int RrfK = ReciprocalRankFusion.DefaultK + 1;

    private static readonly WithPayloadSelector ChunkIdOnly = new() { Include = new PayloadIncludeSelector { Fields = { QdrantSchema.ChunkId } } };

    public async Task<IReadOnlyList<ChunkScore>> SearchAsync(ChunkQuery query, CancellationToken cancellationToken)
    {
        if (query.Documents is { Count: 0 })
        {
            // A scope of no readings (a channel whose readings are all gone) finds nothing, as in the embedded store.
            return [];
        }

        var filter = query.Documents is null ? null : QdrantSchema.DocumentsFilter(query.Documents);
        var limit = (ulong)query.Top;
        var hasDense = query.Dense.Length > 0;
        var hasSparse = query.Sparse.Indices.Length > 0;

        Func<QdrantClient, CancellationToken, Task<IReadOnlyList<ScoredPoint>>>? call = query.Mode switch
        {
            SearchMode.Dense when hasDense => (client, token) => client.QueryAsync(
                _collection, query: query.Dense, usingVector: QdrantSchema.DenseVector, filter: filter, limit: limit, payloadSelector: ChunkIdOnly, cancellationToken: token),
            SearchMode.Lexical when hasSparse => (client, token) => client.QueryAsync(
                _collection, query: (query.Sparse.Values, query.Sparse.Indices), usingVector: QdrantSchema.SparseVector, filter: filter, limit: limit, payloadSelector: ChunkIdOnly, cancellationToken: token),
            SearchMode.Hybrid when hasDense || hasSparse => (client, token) => client.QueryAsync(
                _collection, query: new Rrf { K = RrfK }, prefetch: Prefetches(query, filter), filter: filter, limit: limit, payloadSelector: ChunkIdOnly, cancellationToken: token),
            _ => null,
        };
        if (call is null)
        {
            // Nothing to search with (a question of stop words only, in lexical mode): no hits, as the embedded store.
            return [];
        }

        var points = await CallAsync("the search", _options.SearchTimeout, call, cancellationToken).ConfigureAwait(false);
        return points
            .Where(p => p.Payload.ContainsKey(QdrantSchema.ChunkId))
            .Select(p => new ChunkScore(p.Payload[QdrantSchema.ChunkId].StringValue, p.Score))
            .ToList();
    }

    /// <summary>Both rankings, each as deep as the embedded store's, each under the same document filter.</summary>
    internal static List<PrefetchQuery> Prefetches(ChunkQuery query, Filter? filter)
    {
        var depth = (ulong)Math.Max(query.Top * 4, 20);
        var prefetches = new List<PrefetchQuery>();
        if (query.Dense.Length > 0)
        {
            prefetches.Add(WithFilter(new PrefetchQuery { Query = query.Dense, Using = QdrantSchema.DenseVector, Limit = depth }, filter));
        }

        if (query.Sparse.Indices.Length > 0)
        {
            prefetches.Add(WithFilter(new PrefetchQuery { Query = (query.Sparse.Values, query.Sparse.Indices), Using = QdrantSchema.SparseVector, Limit = depth }, filter));
        }

        return prefetches;
    }

    private static PrefetchQuery WithFilter(PrefetchQuery prefetch, Filter? filter)
    {
        if (filter is not null)
        {
            prefetch.Filter = filter;
        }

        return prefetch;
    }
}
