using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Lexical;

namespace PaperBot.Knowledge.Retrieval;

/// <summary>Which retriever a search uses: both fused (the product's default) or one alone (for evaluation).</summary>
public enum SearchMode
{
    Hybrid,
    Dense,
    Lexical,
}

/// <summary>A chunk with its vectors, as a store keeps it.</summary>
public sealed record StoredChunk(Chunk Chunk, float[] Dense, SparseVector Sparse);

/// <summary>
/// A query for a store: its dense and sparse vectors, and the readings it may return chunks of (null: every reading).
/// </summary>
public sealed record ChunkQuery(float[] Dense, SparseVector Sparse, int Top, SearchMode Mode, IReadOnlyCollection<string>? Documents = null);

/// <summary>A store's answer: which chunk, and its fused score.</summary>
public sealed record ChunkScore(string ChunkId, double Score);

/// <summary>Whether a store can be used right now, and a line that says where it is.</summary>
public sealed record StoreHealth(bool Healthy, string Store, string Location, string? Problem = null);

/// <summary>Raised when the store behind retrieval cannot be reached, or holds nothing to answer from.</summary>
public class KnowledgeStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The readings folder is missing, empty, or none of its files could be read: there is nothing to answer from.</summary>
public sealed class NoReadingsException(string folder, string message) : KnowledgeStoreUnavailableException(message)
{
    /// <summary>The readings folder, as resolved.</summary>
    public string Folder { get; } = folder;
}

/// <summary>
/// Where chunks and their vectors live: the embedded in-process store by default, Qdrant in production. Both fuse a
/// dense and a BM25 ranking with Reciprocal Rank Fusion.
/// </summary>
public interface IChunkStore
{
    /// <summary><c>embedded</c> or <c>qdrant</c>.</summary>
    string Name { get; }

    /// <summary>Whether the store holds this document at this content hash already (so indexing can skip it).</summary>
    Task<bool> HasDocumentAsync(string documentId, string contentHash, CancellationToken cancellationToken);

    /// <summary>Replaces everything the store holds for a document with these chunks.</summary>
    Task ReplaceDocumentAsync(string documentId, string contentHash, IReadOnlyList<StoredChunk> chunks, CancellationToken cancellationToken);

    /// <summary>Deletes everything the store holds for a document (a reading removed from the folder); nothing when it holds none.</summary>
    Task RemoveDocumentAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>The ids of the documents the store holds chunks of (so a reading removed while the bot was down is removed too).</summary>
    Task<IReadOnlyList<string>> DocumentIdsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ChunkScore>> SearchAsync(ChunkQuery query, CancellationToken cancellationToken);

    Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken);
}
