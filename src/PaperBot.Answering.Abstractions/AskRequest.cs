using PaperBot.Storage;

namespace PaperBot.Answering;

/// <summary>
/// A request to the answer service: a typed <see cref="Answering.Command"/> and the conversation (Teams conversation,
/// Slack thread) it was made in, if any. Text a person typed is parsed by <see cref="CommandParser"/>.
/// </summary>
public sealed record AskRequest
{
    /// <summary>Text a person typed: a question or a command, parsed once here.</summary>
    public AskRequest(string question, string? conversationId = null)
        : this(CommandParser.Parse(question), conversationId)
    {
    }

    public AskRequest(Command command, string? conversationId = null)
    {
        Command = command;
        ConversationId = conversationId;
    }

    public Command Command { get; init; }

    public string? ConversationId { get; init; }

    /// <summary>Who asked, from which front end; null for a question that is not logged (an evaluation run, a test).</summary>
    public Asker? Asker { get; init; }

    /// <summary>
    /// The readings (document ids) the answer may come from: a channel's readings in use, <c>--reading</c> on the
    /// CLI, <c>readings</c> on <c>POST /api/ask</c>. Null or empty: every loaded reading.
    /// </summary>
    public IReadOnlyList<string>? Readings { get; init; }

    /// <summary>
    /// The channel the request was made in, as its front end names it (<c>slack:C0123</c>, <c>teams:19:…</c>): where
    /// <c>use …</c> keeps its choice, and whose readings in use answer the request when <see cref="Readings"/> is not
    /// given. Null for a request outside any channel (the CLI, HTTP).
    /// </summary>
    public string? Channel { get; init; }

    /// <summary>How the request reads: the question, or the command as typed.</summary>
    public string Question => Command.Text;
}

/// <summary>The one entry point every front end (CLI, HTTP, Teams, Slack) calls.</summary>
public interface IAnswerService
{
    Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default);
}

public static class AnswerServiceExtensions
{
    public static Task<Answer> AskAsync(this IAnswerService service, string question, CancellationToken cancellationToken = default) =>
        service.AskAsync(new AskRequest(question), cancellationToken);

    public static Task<Answer> AskAsync(this IAnswerService service, Command command, CancellationToken cancellationToken = default) =>
        service.AskAsync(new AskRequest(command), cancellationToken);
}

/// <summary>
/// What a front end may know of how answers are made: a language model writes them (seconds, not milliseconds, so
/// a channel says it is looking). Registered by the generative mode; absent means extractive answers.
/// </summary>
public sealed record AnswerServiceProfile(bool Generative);
