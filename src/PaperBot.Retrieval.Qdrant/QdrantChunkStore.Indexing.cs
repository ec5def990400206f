using PaperBot.Knowledge.Retrieval;
using Qdrant.Client.Grpc;

namespace PaperBot.Retrieval.Qdrant;

/// <summary>Indexing: the collection is created when missing (never rebuilt); a changed document is replaced whole.</summary>
public sealed partial class QdrantChunkStore
{
    private readonly SemaphoreSlim _setupGate = new(1, 1);
    private volatile bool _collectionReady;

    /// <summary>
    /// True when the document's points carry this content hash and all of them are there (the count matches the
    /// chunk count written with them), so an upsert cut short is written again.
    /// </summary>
    public async Task<bool> HasDocumentAsync(string documentId, string contentHash, CancellationToken cancellationToken)
    {
        await EnsureCollectionAsync(cancellationToken).ConfigureAwait(false);

        var atHash = QdrantSchema.DocumentFilter(documentId);
        atHash.Must.Add(Conditions.MatchKeyword(QdrantSchema.ContentHash, contentHash));
        var sample = await CallAsync(
            "reading the stored document",
            _options.SearchTimeout,
            (client, token) => client.ScrollAsync(
                _collection,
                atHash,
                limit: 1,
                payloadSelector: new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { QdrantSchema.ChunkCount } } },
                vectorsSelector: false,
                cancellationToken: token),
            cancellationToken).ConfigureAwait(false);
        if (sample.Result.Count == 0 || !sample.Result[0].Payload.TryGetValue(QdrantSchema.ChunkCount, out var expected))
        {
            return false;
        }

        var stored = await CallAsync(
            "counting the stored document",
            _options.SearchTimeout,
            (client, token) => client.CountAsync(_collection, QdrantSchema.DocumentFilter(documentId), exact: true, cancellationToken: token),
            cancellationToken).ConfigureAwait(false);
        return (long)stored == expected.IntegerValue;
    }

    /// <summary>Deletes the document's points, then upserts the new ones in batches, waiting for each write.</summary>
    public async Task ReplaceDocumentAsync(string documentId, string contentHash, IReadOnlyList<StoredChunk> chunks, CancellationToken cancellationToken)
    {
        var wrongSize = chunks.FirstOrDefault(c => (ulong)c.Dense.Length != QdrantSchema.DenseSize);
        if (wrongSize is not null)
        {
            throw new ArgumentException($"Chunk {wrongSize.Chunk.Id} has a dense vector of {wrongSize.Dense.Length} dimensions; the collection holds {QdrantSchema.DenseSize}.", nameof(chunks));
        }

        await EnsureCollectionAsync(cancellationToken).ConfigureAwait(false);
        await CallAsync(
            "deleting the document's old points",
            _options.WriteTimeout,
            (client, token) => client.DeleteAsync(_collection, QdrantSchema.DocumentFilter(documentId), wait: true, cancellationToken: token),
            cancellationToken).ConfigureAwait(false);

        var points = chunks.Select(c => ToPoint(c, contentHash, chunks.Count)).ToList();
        var batches = 0;
        foreach (var batch in points.Chunk(_options.UpsertBatchSize))
        {
            await CallAsync(
                "writing the document's points",
                _options.WriteTimeout,
                (client, token) => client.UpsertAsync(_collection, batch, wait: true, cancellationToken: token),
                cancellationToken).ConfigureAwait(false);
            batches++;
        }

        Log.DocumentWritten(_logger, documentId, points.Count, batches, _collection);
    }

    /// <summary>Deletes every point of a document, waiting for the write.</summary>
    public async Task RemoveDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        await EnsureCollectionAsync(cancellationToken).ConfigureAwait(false);
        await CallAsync(
            "deleting a removed document's points",
            _options.WriteTimeout,
            (client, token) => client.DeleteAsync(_collection, QdrantSchema.DocumentFilter(documentId), wait: true, cancellationToken: token),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The documents the collection holds points of: a facet over the indexed <c>document_id</c>. A facet answers at
    /// most <see cref="DocumentIdsPage"/> values and has no offset, so each further page leaves out the documents
    /// already listed; a collection of any number of readings is listed whole.
    /// </summary>
    public async Task<IReadOnlyList<string>> DocumentIdsAsync(CancellationToken cancellationToken)
    {
        await EnsureCollectionAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var notYetListed = ids.Count == 0 ? null : new Filter { MustNot = { Conditions.Match(QdrantSchema.DocumentId, ids) } };
            var page = await CallAsync(
                "listing the stored documents",
                _options.SearchTimeout,
                (client, token) => client.FacetAsync(_collection, QdrantSchema.DocumentId, notYetListed, (ulong)DocumentIdsPage, exact: true, cancellationToken: token),
                cancellationToken).ConfigureAwait(false);
            var added = 0;
            foreach (var hit in page.Hits.Where(h => seen.Add(h.Value.StringValue)))
            {
                ids.Add(hit.Value.StringValue);
                added++;
            }

            // A short page is the last one; a page of nothing new means the server ignored the filter, and asking
            // again would only repeat it.
            if (page.Hits.Count < DocumentIdsPage || added == 0)
            {
                return ids;
            }
        }
    }

    /// <summary>How many document ids one facet call asks for.</summary>
    internal int DocumentIdsPage { get; init; } = 10_000;

    internal static PointStruct ToPoint(StoredChunk stored, string contentHash, int chunkCount)
    {
        var chunk = stored.Chunk;
        var vectors = new Dictionary<string, Vector> { [QdrantSchema.DenseVector] = stored.Dense };
        if (stored.Sparse.Indices.Length > 0)
        {
            // A chunk of stop words only has no terms; Qdrant needs no empty sparse vector for it.
            vectors[QdrantSchema.SparseVector] = (stored.Sparse.Values, stored.Sparse.Indices);
        }

        return new PointStruct
        {
            Id = PointIds.ForChunk(chunk.DocumentId, chunk.SectionId, chunk.Ordinal),
            Vectors = vectors,
            Payload =
            {
                [QdrantSchema.ChunkId] = chunk.Id,
                [QdrantSchema.DocumentId] = chunk.DocumentId,
                [QdrantSchema.SectionId] = chunk.SectionId,
                [QdrantSchema.SectionTitle] = chunk.SectionTitle,
                [QdrantSchema.Paragraph] = chunk.Paragraph,
                [QdrantSchema.Ordinal] = chunk.Ordinal,
                [QdrantSchema.Text] = chunk.Text,
                [QdrantSchema.ContentHash] = contentHash,
                [QdrantSchema.ChunkCount] = chunkCount,
            },
        };
    }

    /// <summary>
    /// Creates the collection and its payload indexes when missing. An existing collection is checked, never
    /// dropped: one built for another model or schema stops indexing with a message that says so.
    /// </summary>
    private async Task EnsureCollectionAsync(CancellationToken cancellationToken)
    {
        if (_collectionReady)
        {
            return;
        }

        await _setupGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_collectionReady)
            {
                return;
            }

            if (!await CollectionExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await CallAsync(
                        "creating the collection",
                        _options.WriteTimeout,
                        async (client, token) =>
                        {
                            await client.CreateCollectionAsync(QdrantSchema.CreateCollectionRequest(_collection, _options), token).ConfigureAwait(false);
                            return true;
                        },
                        cancellationToken).ConfigureAwait(false);
                    Log.CollectionCreated(_logger, _collection, _endpoint);
                }
                catch (KnowledgeStoreUnavailableException)
                {
                    // Another replica may have created it first; anything else fails again here.
                    if (!await CollectionExistsAsync(cancellationToken).ConfigureAwait(false))
                    {
                        throw;
                    }
                }
            }

            var info = await CallAsync("reading the collection", _options.SearchTimeout, (client, token) => client.GetCollectionInfoAsync(_collection, token), cancellationToken).ConfigureAwait(false);
            var mismatch = QdrantSchema.Mismatch(info);
            if (mismatch is not null)
            {
                throw new KnowledgeStoreUnavailableException(
                    $"Qdrant collection '{_collection}' at {_endpoint} cannot hold PaperBot's chunks: {mismatch}. Set Qdrant:Collection to a new name, or delete the collection so it is created again.");
            }

            foreach (var field in QdrantSchema.IndexedFields.Where(f => !info.PayloadSchema.ContainsKey(f)))
            {
                await CallAsync(
                    $"indexing the payload field {field}",
                    _options.WriteTimeout,
                    (client, token) => client.CreatePayloadIndexAsync(_collection, field, PayloadSchemaType.Keyword, wait: true, cancellationToken: token),
                    cancellationToken).ConfigureAwait(false);
            }

            _collectionReady = true;
        }
        finally
        {
            _setupGate.Release();
        }
    }

    private Task<bool> CollectionExistsAsync(CancellationToken cancellationToken) =>
        CallAsync("checking the collection", _options.SearchTimeout, (client, token) => client.CollectionExistsAsync(_collection, token), cancellationToken);
}
