using Microsoft.Extensions.Logging;

namespace PaperBot.Channels.Slack;

/// <summary>Every log line of the Slack channel. Event ids 2000–2099. Tokens, secrets and response URLs are never logged.</summary>
internal static partial class Log
{
    // Inbound HTTP: 2000–2009
    [LoggerMessage(2000, LogLevel.Warning, "Slack request to {Path} rejected: {Reason}")]
    public static partial void RequestRejected(ILogger logger, string path, string reason);

    [LoggerMessage(2001, LogLevel.Warning, "Slack request to {Path} refused: body larger than {Limit} bytes")]
    public static partial void BodyTooLarge(ILogger logger, string path, int limit);

    [LoggerMessage(2002, LogLevel.Warning, "Slack request to {Path} malformed: {Problem}")]
    public static partial void MalformedRequest(ILogger logger, string path, string problem);

    // Accepting work: 2010–2019
    [LoggerMessage(2010, LogLevel.Information, "Slack event {EventId} already seen (retry {RetryNum}); not answered again")]
    public static partial void DuplicateEvent(ILogger logger, string eventId, string retryNum);

    [LoggerMessage(2011, LogLevel.Debug, "Slack event {EventId} ignored: {Reason}")]
    public static partial void EventIgnored(ILogger logger, string eventId, string reason);

    [LoggerMessage(2012, LogLevel.Warning, "Slack work queue full; {Kind} refused")]
    public static partial void QueueFull(ILogger logger, string kind);

    [LoggerMessage(2013, LogLevel.Warning, "Slack slash command {Command} is not this app's command")]
    public static partial void UnknownCommand(ILogger logger, string command);

    [LoggerMessage(2014, LogLevel.Warning, "Slack worker stopped with {Count} accepted requests unanswered")]
    public static partial void WorkDropped(ILogger logger, int count);

    [LoggerMessage(2015, LogLevel.Information, "Slack {Kind} {DeliveryId} already seen (a replay); not handled again")]
    public static partial void DuplicateDelivery(ILogger logger, string kind, string deliveryId);

    [LoggerMessage(2016, LogLevel.Information, "Slack {Kind} from user {UserId} over the per-user limit; told to wait")]
    public static partial void UserThrottled(ILogger logger, string kind, string userId);

    // Answering: 2020–2029
    [LoggerMessage(2020, LogLevel.Information, "Slack {Kind} answered: status {Status}, answer {AnswerId}")]
    public static partial void Answered(ILogger logger, string kind, string status, string answerId);

    [LoggerMessage(2021, LogLevel.Error, "Slack {Kind} could not be answered")]
    public static partial void AnswerFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(2022, LogLevel.Warning, "Slack {Kind} timed out after {Timeout}")]
    public static partial void AnswerTimedOut(ILogger logger, string kind, TimeSpan timeout);

    // Feedback: 2030–2039
    [LoggerMessage(2030, LogLevel.Information, "Slack feedback {Reaction} on answer {AnswerId} from user {UserId}")]
    public static partial void FeedbackReceived(ILogger logger, string reaction, string answerId, string userId);

    [LoggerMessage(2031, LogLevel.Information, "Slack feedback on answer {AnswerId} from user {UserId} already counted")]
    public static partial void FeedbackRepeated(ILogger logger, string answerId, string userId);

    // Web API: 2040–2049
    [LoggerMessage(2040, LogLevel.Warning, "Slack API {Method} answered ok:false, error {Error}")]
    public static partial void ApiError(ILogger logger, string method, string error);

    [LoggerMessage(2041, LogLevel.Warning, "Slack API {Method} answered HTTP {StatusCode}")]
    public static partial void ApiHttpFailure(ILogger logger, string method, int statusCode);

    [LoggerMessage(2042, LogLevel.Warning, "Slack API {Method} could not be reached")]
    public static partial void ApiUnreachable(ILogger logger, Exception exception, string method);

    [LoggerMessage(2043, LogLevel.Warning, "Slack response_url at {Host} answered HTTP {StatusCode}: {Body}")]
    public static partial void ResponseUrlFailed(ILogger logger, string host, int statusCode, string body);

    [LoggerMessage(2044, LogLevel.Information, "Slack bot identity learned: user {UserId}, bot {BotId}")]
    public static partial void IdentityLearned(ILogger logger, string userId, string botId);

    [LoggerMessage(2045, LogLevel.Warning, "Slack bot identity unknown (auth.test failed); only other bots' messages can be recognised")]
    public static partial void IdentityUnknown(ILogger logger);

    // Socket Mode: 2050–2059
    [LoggerMessage(2050, LogLevel.Information, "Slack Socket Mode connected (connection {Attempt})")]
    public static partial void SocketConnected(ILogger logger, int attempt);

    [LoggerMessage(2051, LogLevel.Information, "Slack Socket Mode asked to disconnect: {Reason}")]
    public static partial void SocketDisconnectRequested(ILogger logger, string reason);

    [LoggerMessage(2052, LogLevel.Warning, "Slack Socket Mode connection lost; reconnecting in {Delay}")]
    public static partial void SocketLost(ILogger logger, Exception? exception, TimeSpan delay);

    [LoggerMessage(2053, LogLevel.Warning, "Slack Socket Mode frame ignored: {Problem}")]
    public static partial void SocketFrameIgnored(ILogger logger, string problem);

    // The instructor's report: 2060–2069
    [LoggerMessage(2060, LogLevel.Information, "Slack report refused to {UserId}: not in Slack:Instructors")]
    public static partial void ReportRefused(ILogger logger, string userId);

    [LoggerMessage(2061, LogLevel.Information, "Slack report shown to instructor {UserId}: {Questions} question(s) in the window")]
    public static partial void ReportShown(ILogger logger, string userId, int questions);
}
