using Microsoft.Extensions.Logging;

namespace PaperBot.Generation;

/// <summary>Generative mode's log events (5100–5199). Never the API key; never the user's question at Information.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Generative mode: provider {Provider}, model {Model}, endpoint {Endpoint}, timeout {TimeoutSeconds} s, min support similarity {MinSupportSimilarity}")]
    public static partial void GenerationEnabled(ILogger logger, string provider, string model, string endpoint, int timeoutSeconds, double minSupportSimilarity);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Language model timed out after {TimeoutSeconds} s; answering extractively")]
    public static partial void ModelTimedOut(ILogger logger, int timeoutSeconds);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Language model returned HTTP {StatusCode}; answering extractively")]
    public static partial void ModelHttpError(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Language model could not be reached or failed ({ErrorType}: {Error}); answering extractively")]
    public static partial void ModelFailed(ILogger logger, string errorType, string error);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Language model returned an empty reply; answering extractively")]
    public static partial void ModelEmptyReply(ILogger logger);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Grounding check kept {Kept} and removed {Removed} sentence(s) of the model's reply")]
    public static partial void Grounded(ILogger logger, int kept, int removed);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Debug, Message = "Removed a model sentence: {Reason} {Detail}")]
    public static partial void SentenceRemoved(ILogger logger, RemovalReason reason, string? detail);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Information, Message = "No sentence of the model's reply survived the grounding check ({Removed} removed); answering extractively")]
    public static partial void NothingGrounded(ILogger logger, int removed);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Information, Message = "Language model said the passages do not contain the answer")]
    public static partial void ModelSaysNotInPassages(ILogger logger);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Debug, Message = "Language model skipped: it failed repeatedly and is rested for up to {BreakSeconds} s; answering extractively")]
    public static partial void ModelSkipped(ILogger logger, int breakSeconds);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Warning, Message = "Grounding check failed ({ErrorType}: {Error}); answering extractively")]
    public static partial void GroundingFailed(ILogger logger, string errorType, string error);
}
