using Grpc.Core;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace PaperBot.Retrieval.Qdrant.Tests.Fakes;

/// <summary>
/// Qdrant's answers over a <see cref="RecordingCallInvoker"/>, with just enough state to be believable: the
/// collection exists once created, its info reflects the create request and the payload indexes made since, and the
/// points written are kept (<see cref="FakeQdrantPoints"/>) so deletes, counts, scrolls, facets and queries answer
/// from them under Qdrant's filter semantics. A test can still replace any responder with a canned one.
/// </summary>
internal sealed class FakeQdrant
{
    public const string CollectionsExists = "qdrant.Collections/CollectionExists";
    public const string CollectionsCreate = "qdrant.Collections/Create";
    public const string CollectionsGet = "qdrant.Collections/Get";
    public const string CollectionsDelete = "qdrant.Collections/Delete";
    public const string PointsCreateFieldIndex = "qdrant.Points/CreateFieldIndex";
    public const string PointsUpsert = "qdrant.Points/Upsert";
    public const string PointsDelete = "qdrant.Points/Delete";
    public const string PointsScroll = "qdrant.Points/Scroll";
    public const string PointsCount = "qdrant.Points/Count";
    public const string PointsFacet = "qdrant.Points/Facet";
    public const string PointsQuery = "qdrant.Points/Query";
    public const string Health = "qdrant.Qdrant/HealthCheck";

    private readonly Lock _gate = new();
    private CollectionInfo? _info;

    public FakeQdrant(CollectionInfo? existing = null)
    {
        _info = existing;
        Invoker
            .On<CollectionExistsRequest, CollectionExistsResponse>(CollectionsExists, _ => new() { Result = new CollectionExists { Exists = Locked(() => _info is not null) } })
            .On<CreateCollection, CollectionOperationResponse>(CollectionsCreate, request =>
            {
                Locked(() => _info = InfoFor(request));
                return new() { Result = true };
            })
            .On<GetCollectionInfoRequest, GetCollectionInfoResponse>(CollectionsGet, _ => new() { Result = Locked(() => _info?.Clone() ?? new CollectionInfo()) })
            .On<CreateFieldIndexCollection, PointsOperationResponse>(PointsCreateFieldIndex, request =>
            {
                Locked(() => _info?.PayloadSchema.Add(request.FieldName, new PayloadSchemaInfo { DataType = PayloadSchemaType.Keyword }));
                return Completed();
            })
            .On<DeletePoints, PointsOperationResponse>(PointsDelete, request =>
            {
                Locked(() => Points.Delete(request.Points));
                return Completed();
            })
            .On<UpsertPoints, PointsOperationResponse>(PointsUpsert, request =>
            {
                Locked(() => Points.Upsert(request.Points));
                return Completed();
            })
            .On<ScrollPoints, ScrollResponse>(PointsScroll, request => Locked(() => Points.Scroll(request)))
            .On<CountPoints, CountResponse>(PointsCount, request => new() { Result = new CountResult { Count = Locked(() => Points.Count(request.Filter)) } })
            .On<FacetCounts, FacetResponse>(PointsFacet, request => Locked(() =>
            {
                // Qdrant facets only over an indexed field, and says so.
                if (_info?.PayloadSchema.ContainsKey(request.Key) != true)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"Bad request: Index required but not found for \"{request.Key}\" of one of the following types: [keyword, integer, uuid]"));
                }

                return Points.Facet(request);
            }))
            .On<QueryPoints, QueryResponse>(PointsQuery, request => Locked(() => Points.Query(request)))
            .On<HealthCheckRequest, HealthCheckReply>(Health, _ => new() { Title = "fake qdrant", Version = "1.17.1" });
    }

    public RecordingCallInvoker Invoker { get; } = new();

    /// <summary>How many points the fake holds.</summary>
    public int PointCount => Locked(() => Points.Total);

    /// <summary>The points whose payload has this string value for this field (<c>document_id</c>, say).</summary>
    public IReadOnlyList<PointStruct> PointsWhere(string field, string value) => Locked(() => Points.Where(field, value));

    private FakeQdrantPoints Points { get; } = new();

    /// <summary>A collection as PaperBot would have created it, with both payload indexes.</summary>
    public static CollectionInfo ExistingPaperBotCollection()
    {
        var info = InfoFor(QdrantSchema.CreateCollectionRequest("paperbot"));
        foreach (var field in QdrantSchema.IndexedFields)
        {
            info.PayloadSchema.Add(field, new PayloadSchemaInfo { DataType = PayloadSchemaType.Keyword });
        }

        return info;
    }

    public static CollectionInfo InfoFor(CreateCollection request) => new()
    {
        Status = CollectionStatus.Green,
        Config = new CollectionConfig
        {
            Params = new CollectionParams { VectorsConfig = request.VectorsConfig, SparseVectorsConfig = request.SparseVectorsConfig },
        },
    };

    /// <summary>A store over the recording invoker, in process (no channel, no wire).</summary>
    public QdrantChunkStore CreateStore(QdrantOptions? options = null, int documentIdsPage = 10_000) =>
        new(new QdrantClient(new QdrantGrpcClient(Invoker)), options ?? new QdrantOptions()) { DocumentIdsPage = documentIdsPage };

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private void Locked(Action write)
    {
        lock (_gate)
        {
            write();
        }
    }

    private static PointsOperationResponse Completed() => new() { Result = new UpdateResult { Status = UpdateStatus.Completed } };
}
