using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace PaperBot.Retrieval.Qdrant.Tests.Fakes;

/// <summary>
/// Canned Qdrant answers over a <see cref="RecordingCallInvoker"/>, with just enough state to be believable: the
/// collection exists once created, its info reflects the create request and the payload indexes made since.
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
    public const string PointsQuery = "qdrant.Points/Query";
    public const string Health = "qdrant.Qdrant/HealthCheck";

    private CollectionInfo? _info;

    public FakeQdrant(CollectionInfo? existing = null)
    {
        _info = existing;
        Invoker
            .On<CollectionExistsRequest, CollectionExistsResponse>(CollectionsExists, _ => new() { Result = new CollectionExists { Exists = _info is not null } })
            .On<CreateCollection, CollectionOperationResponse>(CollectionsCreate, request =>
            {
                _info = InfoFor(request);
                return new() { Result = true };
            })
            .On<GetCollectionInfoRequest, GetCollectionInfoResponse>(CollectionsGet, _ => new() { Result = _info ?? new CollectionInfo() })
            .On<CreateFieldIndexCollection, PointsOperationResponse>(PointsCreateFieldIndex, request =>
            {
                _info?.PayloadSchema.Add(request.FieldName, new PayloadSchemaInfo { DataType = PayloadSchemaType.Keyword });
                return Completed();
            })
            .On<DeletePoints, PointsOperationResponse>(PointsDelete, _ => Completed())
            .On<UpsertPoints, PointsOperationResponse>(PointsUpsert, _ => Completed())
            .On<ScrollPoints, ScrollResponse>(PointsScroll, _ => new ScrollResponse())
            .On<CountPoints, CountResponse>(PointsCount, _ => new() { Result = new CountResult { Count = 0 } })
            .On<QueryPoints, QueryResponse>(PointsQuery, _ => new QueryResponse())
            .On<HealthCheckRequest, HealthCheckReply>(Health, _ => new() { Title = "fake qdrant", Version = "1.17.1" });
    }

    public RecordingCallInvoker Invoker { get; } = new();

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

    public QdrantChunkStore CreateStore(QdrantOptions? options = null) =>
        new(new QdrantClient(new QdrantGrpcClient(Invoker)), options ?? new QdrantOptions());

    private static PointsOperationResponse Completed() => new() { Result = new UpdateResult { Status = UpdateStatus.Completed } };
}
