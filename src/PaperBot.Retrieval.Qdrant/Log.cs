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

}
