using Microsoft.Extensions.Logging;

namespace PaperBot.Channels.Teams;

/// <summary>Every log line of the Teams channel. Tokens and secrets are never logged.</summary>
internal static partial class Log
{
    // 3000-3099: start and inbound.
    [LoggerMessage(3000, LogLevel.Warning, "Teams: no Teams:MicrosoftAppId is set; POST /api/messages accepts anonymous requests from loopback only (local development with the Agents Playground)")]
    public static partial void AnonymousMode(ILogger logger);

    [LoggerMessage(3001, LogLevel.Information, "Teams: every request needs a Bot Connector token ({AppType})")]
    public static partial void AuthenticationEnabled(ILogger logger, string appType);

    [LoggerMessage(3002, LogLevel.Warning, "Teams: anonymous request refused: {Reason}")]
    public static partial void AnonymousRemoteRefused(ILogger logger, string reason);

    [LoggerMessage(3003, LogLevel.Warning, "Teams: request refused: {Reason} (channel {ChannelId}, serviceUrl {ServiceUrl})")]
    public static partial void TokenRejected(ILogger logger, string reason, string? channelId, string? serviceUrl);

    [LoggerMessage(3004, LogLevel.Warning, "Teams: signing keys could not be fetched from {MetadataAddress} ({Error}); requests are refused until a later fetch succeeds")]
    public static partial void MetadataUnavailable(ILogger logger, string metadataAddress, string error);

    [LoggerMessage(3005, LogLevel.Debug, "Teams: {Type} activity received (channel {ChannelId}, conversation type {ConversationType})")]
    public static partial void ActivityReceived(ILogger logger, string type, string? channelId, string? conversationType);

    [LoggerMessage(3006, LogLevel.Information, "Teams: user {UserId} over the per-user question limit; told to wait")]
    public static partial void UserThrottled(ILogger logger, string userId);

    [LoggerMessage(3007, LogLevel.Debug, "Teams: activity refused: {Problem}")]
    public static partial void ActivityMalformed(ILogger logger, string problem);

    // 3100-3199: replies.
    [LoggerMessage(3100, LogLevel.Information, "Teams: answered in {ConversationId}: {Status} ({Kind}, {Citations} citations), reply {ReplyId}")]
    public static partial void Answered(ILogger logger, string conversationId, string status, string kind, int citations, string replyId);

    [LoggerMessage(3101, LogLevel.Information, "Teams: welcomed {ConversationId}")]
    public static partial void Welcomed(ILogger logger, string conversationId);

    [LoggerMessage(3102, LogLevel.Warning, "Teams: no reply to a {Type} activity: serviceUrl {ServiceUrl} is not an allowed reply target")]
    public static partial void ReplyTargetRefused(ILogger logger, string? type, string? serviceUrl);

    [LoggerMessage(3103, LogLevel.Error, "Teams: a {Type} turn in {ConversationId} failed")]
    public static partial void TurnFailed(ILogger logger, string? type, string conversationId, Exception exception);

    [LoggerMessage(3104, LogLevel.Debug, "Teams: typing indicator not shown in {ConversationId} ({Error})")]
    public static partial void TypingFailed(ILogger logger, string conversationId, string error);

    [LoggerMessage(3105, LogLevel.Information, "Teams: turn worker stopped")]
    public static partial void WorkerStopped(ILogger logger);

    [LoggerMessage(3106, LogLevel.Warning, "Teams: the Bot Connector refused message {Part} of {Parts} of a {Kind} reply in {ConversationId} ({Status}); the user was told")]
    public static partial void DeliveryRefused(ILogger logger, string conversationId, int status, string kind, int part, int parts);

    // 3200-3299: feedback.
    [LoggerMessage(3107, LogLevel.Information, "Teams: activity {ActivityId} in {ConversationId} was taken on already (a redelivery); not answered again")]
    public static partial void DuplicateActivity(ILogger logger, string activityId, string conversationId);

    [LoggerMessage(3201, LogLevel.Information, "Teams: feedback on reply {ReplyActivityId} from this user already counted")]
    public static partial void FeedbackRepeated(ILogger logger, string replyActivityId);

    [LoggerMessage(3200, LogLevel.Information, "Teams: feedback {Reaction} on reply {ReplyActivityId} (answer {AnswerId}): {FeedbackText}")]
    public static partial void FeedbackReceived(ILogger logger, string reaction, string replyActivityId, string answerId, string feedbackText);

    [LoggerMessage(3300, LogLevel.Information, "Teams: report refused in a {ConversationType} conversation: the sender is not in Teams:Instructors")]
    public static partial void ReportRefused(ILogger logger, string conversationType);

    [LoggerMessage(3301, LogLevel.Information, "Teams: report shown to an instructor in a 1:1 chat: {Questions} question(s) in the window")]
    public static partial void ReportShown(ILogger logger, int questions);
}
