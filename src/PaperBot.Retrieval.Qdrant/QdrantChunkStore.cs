using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge.Retrieval;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace PaperBot.Retrieval.Qdrant;

/// <summary>
/// The production store: chunks as Qdrant points with a dense and a sparse (BM25) vector, hybrid search fused by the
/// server with Reciprocal Rank Fusion. Every call has a short deadline; a server that cannot be reached, or that
/// answers with an error, surfaces as <see cref="KnowledgeStoreUnavailableException"/>. The store keeps no state
/// that a failure could spoil: the only flag (the collection is ready) is set after success.
/// </summary>
public sealed partial class QdrantChunkStore : IChunkStore, IDisposable
{
    private readonly QdrantClient _client;
    private readonly GrpcChannel? _channel;
    private readonly QdrantOptions _options;
    private readonly ILogger _logger;
    private readonly string _collection;
    private readonly string _endpoint;
    private int _disposed;

    public QdrantChunkStore(IOptions<QdrantOptions> options, ILogger<QdrantChunkStore> logger)
        : this(options.Value, CreateChannel(options.Value), logger)
    {
    }

    /// <summary>A store over a client made elsewhere (tests hand in one over a recording call invoker).</summary>
    internal QdrantChunkStore(QdrantClient client, QdrantOptions options, ILogger? logger = null)
    {
        _client = client;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _collection = options.Collection;
        _endpoint = options.Endpoint;
    }

    private QdrantChunkStore(QdrantOptions options, GrpcChannel channel, ILogger logger)
        : this(new QdrantClient(new QdrantGrpcClient(WithApiKey(channel, options.ApiKey))), options, logger)
    {
        _channel = channel;
    }

    public string Name => RetrievalStores.Qdrant;

    /// <summary>The collection this store reads and writes.</summary>
    public string Collection => _collection;

    /// <summary>Where the store is, as <c>/healthz</c> shows it. Never contains the API key.</summary>
    public string Location => $"{_endpoint}, collection {_collection}";

    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync("the health check", _options.HealthTimeout, (client, token) => client.HealthAsync(token), cancellationToken).ConfigureAwait(false);
            return new StoreHealth(true, Name, Location);
        }
        catch (KnowledgeStoreUnavailableException ex)
        {
            return new StoreHealth(false, Name, Location, ex.Message);
        }
    }

    /// <summary>Closes the channel. Safe to call twice (the container may hold the store under two service types).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _client.Dispose();
        _channel?.Dispose();
        _setupGate.Dispose();
    }

    /// <summary>
    /// Runs one call under its own deadline. A caller's cancellation stays a cancellation; anything else that goes
    /// wrong between here and Qdrant becomes <see cref="KnowledgeStoreUnavailableException"/> naming the endpoint.
    /// </summary>
    private async Task<T> CallAsync<T>(string operation, TimeSpan timeout, Func<QdrantClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await call(_client, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is RpcException or OperationCanceledException)
        {
            throw new OperationCanceledException($"Qdrant: {operation} was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex) when (ex is RpcException or QdrantException or OperationCanceledException or HttpRequestException or IOException)
        {
            var problem = deadline.IsCancellationRequested || ex is RpcException { StatusCode: StatusCode.DeadlineExceeded }
                ? $"no answer within {timeout.TotalSeconds:0.#} s"
                : Describe(ex);
            Log.StoreCallFailed(_logger, operation, _endpoint, problem);
            throw new KnowledgeStoreUnavailableException($"Qdrant at {_endpoint} is unavailable: {operation} failed ({problem}).", ex);
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        RpcException rpc => string.IsNullOrEmpty(rpc.Status.Detail) ? rpc.StatusCode.ToString() : $"{rpc.StatusCode}: {rpc.Status.Detail.TrimEnd('.')}",
        _ => ex.Message,
    };

    private static GrpcChannel CreateChannel(QdrantOptions options) =>
        GrpcChannel.ForAddress(options.EndpointUri, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                // A host that drops packets must not hold a search for the OS's TCP timeout.
                ConnectTimeout = options.HealthTimeout,
                EnableMultipleHttp2Connections = true,
                KeepAlivePingDelay = TimeSpan.FromSeconds(30),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
            },
            DisposeHttpClient = true,
            // Reconnect soon after Qdrant comes back rather than after the default two-minute ceiling.
            MaxReconnectBackoff = TimeSpan.FromSeconds(5),
        });

    private static CallInvoker WithApiKey(GrpcChannel channel, string? apiKey) =>
        string.IsNullOrEmpty(apiKey)
            ? channel.CreateCallInvoker()
            : channel.Intercept(metadata =>
            {
                metadata.Add("api-key", apiKey);
                return metadata;
            });
}
