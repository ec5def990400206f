using Microsoft.Extensions.Logging;

namespace PaperBot.Knowledge;

/// <summary>The knowledge area's log events (4000–4099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Embedding cache {File} is damaged ({Problem}); set aside as {SetAside} and rebuilt")]
    public static partial void CacheSetAside(ILogger logger, string file, string problem, string setAside);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Embedding cache {File} not saved: another process held its lock too long")]
    public static partial void CacheLockTimedOut(ILogger logger, string file);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Embedding model copy {File} differs from the packaged model; copied again")]
    public static partial void ModelCopyReplaced(ILogger logger, string file);
}
