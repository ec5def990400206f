using Microsoft.Extensions.Logging;

namespace PaperBot.Retrieval.Qdrant;

/// <summary>The Qdrant store's log messages (event ids 4100–4199). Never the API key.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Qdrant: created collection {Collection} at {Endpoint}")]
    public static partial void CollectionCreated(ILogger logger, string collection, string endpoint);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Qdrant: wrote {Points} point(s) for document {DocumentId} in {Batches} batch(es) to collection {Collection}")]
    public static partial void DocumentWritten(ILogger logger, string documentId, int points, int batches, string collection);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Qdrant: {Operation} against {Endpoint} failed: {Problem}")]
    public static partial void StoreCallFailed(ILogger logger, string operation, string endpoint, string problem);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Knowledge warm-up: index ready in store {Store}")]
    public static partial void WarmUpSucceeded(ILogger logger, string store);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Knowledge warm-up: indexing into store {Store} failed ({Problem}); trying again in {DelaySeconds} s")]
    public static partial void WarmUpFailed(ILogger logger, string store, string problem, int delaySeconds);
}
