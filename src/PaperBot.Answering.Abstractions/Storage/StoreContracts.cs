using PaperBot.Answering;

namespace PaperBot.Storage;

/// <summary>The front ends a question can come from, as the question log and the report name them.</summary>
public static class FrontEnds
{
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string Http = "http";
    public const string Cli = "cli";
}

/// <summary>
/// Who asked: the front end and the platform's own user id (a Slack <c>U…</c>, a Teams AAD object id). The raw id
/// stays in memory; every store keeps only <see cref="IUserKeys.KeyOf"/> of it.
/// </summary>
public sealed record Asker(string FrontEnd, string? UserId = null);

/// <summary>What a conversation remembers of one answered turn: the question as understood, its subject, the sections cited.</summary>
public sealed record ConversationTurn(string Question, string Subject, IReadOnlyList<string> SectionIds);

/// <summary>Settings of conversation memory (<c>Conversations</c> in appsettings.json), whichever store keeps it.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>A conversation idle for longer than this is forgotten.</summary>
    public double TtlMinutes { get; set; } = 30;

    /// <summary>Turns kept per conversation.</summary>
    public int MaxTurns { get; set; } = 5;

    /// <summary>Conversations kept at once; past it the least recently used is forgotten.</summary>
    public int MaxConversations { get; set; } = 1000;
}

/// <summary>The last few turns of each conversation (a Teams conversation, a Slack thread), so a follow-up can be understood.</summary>
public interface IConversationMemory
{
    /// <summary>The most recent turn of a conversation that has not expired, or null.</summary>
    Task<ConversationTurn?> LastTurnAsync(string conversationId, CancellationToken cancellationToken = default);

    Task RememberAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken = default);
}

/// <summary>Quiz questions by id, so a "Show answer" click (on any replica, after a restart) finds its quiz.</summary>
public interface IQuizStore
{
    Task SaveAsync(QuizCard quiz, CancellationToken cancellationToken = default);

    /// <summary>The quiz, or null when it is unknown or has expired.</summary>
    Task<QuizCard?> FindAsync(string quizId, CancellationToken cancellationToken = default);
}

/// <summary>A section an answer cited, as the report names it.</summary>
public sealed record CitedSection(string DocumentId, string SectionId, string SectionTitle, string DocumentTitle)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Label => CitationFormat.SectionLabel(SectionId, SectionTitle);
}

/// <summary>
/// One line of the question log: what was asked, from where, by whom (a salted hash, never the platform id), what
/// became of it and which sections it cited.
/// </summary>
public sealed record QuestionRecord(
    string AnswerId,
    DateTimeOffset At,
    string FrontEnd,
    string? UserKey,
    string Question,
    AnswerStatus Status,
    string? Reason,
    string Kind,
    bool FollowUp,
    IReadOnlyList<CitedSection> Sections);

/// <summary>Every question asked through a front end, for the instructor's report.</summary>
public interface IQuestionLog
{
    Task RecordAsync(QuestionRecord record, CancellationToken cancellationToken = default);

    /// <summary>The questions asked at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<QuestionRecord>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}

/// <summary>A 👍 or 👎 on one answer by one user (a salted hash), with the optional comment.</summary>
public sealed record FeedbackRecord(string AnswerId, string UserKey, bool Liked, string? Comment, string FrontEnd, DateTimeOffset At);

/// <summary>Feedback on answers: once per user per answer.</summary>
public interface IFeedbackStore
{
    /// <summary>Records the vote; false when this user has already voted on this answer (nothing is changed).</summary>
    Task<bool> RecordAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default);

    /// <summary>The votes given at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<FeedbackRecord>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ties a platform's message id to the answer it carried: Teams names only the message in its feedback, and the
    /// feedback may reach another replica, or come after a restart.
    /// </summary>
    Task LinkReplyAsync(string replyId, string answerId, CancellationToken cancellationToken = default);

    /// <summary>The answer a message carried, or null when it is unknown.</summary>
    Task<string?> AnswerForReplyAsync(string replyId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Deliveries already taken on (a Slack event id, a slash command's trigger id, a Teams activity id), shared by every
/// replica that uses the same store: a retry that reaches another replica is answered once.
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>True for the first claim of a key within <paramref name="lifetime"/>; false when someone has it.</summary>
    Task<bool> TryClaimAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default);

    /// <summary>Gives a claim back (the delivery could not be taken on), so the platform's retry is answered.</summary>
    Task ReleaseAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>
/// Which readings a channel answers from (<c>/paper use …</c> in a Slack channel, <c>use …</c> in a Teams
/// conversation), kept in the store so every replica and every restart sees the same choice. The caller names the
/// channel as its front end does (<see cref="AskRequest.Channel"/>: <c>slack:C0123</c>, <c>teams:19:…</c>); a store
/// that outlives the process keeps only the channel's salted key, never the platform id. No entry means every loaded
/// reading. A channel's choice is a setting, not a record of what was asked: retention keeps it.
/// </summary>
public interface IChannelReadings
{
    /// <summary>The document ids chosen for the channel, or null when it uses every reading.</summary>
    Task<IReadOnlyList<string>?> GetAsync(string channel, CancellationToken cancellationToken = default);

    /// <summary>Sets the channel's readings; null or empty goes back to every reading. False when the store could not keep the choice (it is away).</summary>
    Task<bool> SetAsync(string channel, IReadOnlyList<string>? documentIds, CancellationToken cancellationToken = default);
}

/// <summary>Turns a platform's user id into the key every store keeps: a salted hash, the same for the same id.</summary>
public interface IUserKeys
{
    string KeyOf(string platformUserId);
}
