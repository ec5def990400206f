using Qdrant.Client.Grpc;

namespace PaperBot.Retrieval.Qdrant;

/// <summary>
/// The collection's shape: a named dense vector (384, cosine) and a named sparse BM25 vector whose IDF Qdrant applies
/// (<c>Modifier.Idf</c>), plus the payload every point carries. Keyword indexes on document and section ids make the
/// filters cheap.
/// </summary>
public static class QdrantSchema
{
    public const string DenseVector = "dense";
    public const string SparseVector = "sparse";
    public const ulong DenseSize = 384;

    public const string DocumentId = "document_id";
    public const string SectionId = "section_id";
    public const string ChunkId = "chunk_id";
    public const string SectionTitle = "section_title";
    public const string Paragraph = "paragraph";
    public const string Ordinal = "ordinal";
    public const string Text = "text";
    public const string ContentHash = "content_hash";
    public const string ChunkCount = "chunk_count";

    /// <summary>Payload fields with a keyword index.</summary>
    public static IReadOnlyList<string> IndexedFields { get; } = [DocumentId, SectionId];

    public static CreateCollection CreateCollectionRequest(string collection, QdrantOptions? cluster = null)
    {
        var request = Shape(collection);
        if (cluster?.ShardNumber is { } shards)
        {
            request.ShardNumber = shards;
        }

        if (cluster?.ReplicationFactor is { } replicas)
        {
            request.ReplicationFactor = replicas;
        }

        if (cluster?.WriteConsistencyFactor is { } writeConsistency)
        {
            request.WriteConsistencyFactor = writeConsistency;
        }

        return request;
    }

    private static CreateCollection Shape(string collection) => new()
    {
        CollectionName = collection,
        VectorsConfig = new VectorsConfig
        {
            ParamsMap = new VectorParamsMap
            {
                Map = { [DenseVector] = new VectorParams { Size = DenseSize, Distance = Distance.Cosine } },
            },
        },
        SparseVectorsConfig = new SparseVectorConfig
        {
            Map = { [SparseVector] = new SparseVectorParams { Modifier = Modifier.Idf } },
        },
    };

    /// <summary>Why an existing collection cannot hold PaperBot's points, or null when it can.</summary>
    public static string? Mismatch(CollectionInfo info)
    {
        var parameters = info.Config?.Params;
        var dense = parameters?.VectorsConfig?.ParamsMap?.Map.GetValueOrDefault(DenseVector);
        if (dense is null || dense.Size != DenseSize || dense.Distance != Distance.Cosine)
        {
            return $"it has no dense vector '{DenseVector}' of size {DenseSize} with cosine distance";
        }

        var sparse = parameters?.SparseVectorsConfig?.Map.GetValueOrDefault(SparseVector);
        if (sparse is null || sparse.Modifier != Modifier.Idf)
        {
            return $"it has no sparse vector '{SparseVector}' with the IDF modifier";
        }

        return null;
    }

    public static Filter DocumentFilter(string documentId) => new() { Must = { Conditions.MatchKeyword(DocumentId, documentId) } };

    /// <summary>Points of any of these documents (one keyword match on the indexed <c>document_id</c>).</summary>
    public static Filter DocumentsFilter(IReadOnlyCollection<string> documentIds) =>
        documentIds.Count == 1 ? DocumentFilter(documentIds.First()) : new() { Must = { Conditions.Match(DocumentId, documentIds.ToList()) } };
}
