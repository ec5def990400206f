using System.Text.Json;
using PaperBot.Answering;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Web;
using PaperBot.Storage;

namespace PaperBot.Host;

/// <summary>
/// <c>POST /api/ask</c> with <c>{"question": "…", "conversationId": "…"}</c> (the id optional: it lets follow-ups
/// refer to the previous question) returns the answer object every front end uses. Bad requests get
/// a problem document (400 malformed, 413 over 64 KB, 415 not JSON); an unreachable knowledge store gets 503.
/// </summary>
internal static partial class AskEndpoint
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The longest conversation id accepted (Teams and Slack ids are well under it).</summary>
    public const int MaxConversationIdLength = 200;

    public static async Task<IResult> PostAsync(HttpRequest request, IAnswerService answers, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(AskEndpoint).FullName!);
        if (!MediaTypes.IsJson(request.ContentType))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the question as JSON: Content-Type: application/json and a body like {\"question\": \"…\"}.");
        }

        var body = await CappedBody.ReadAsync(request, MaxBodyBytes, logger, cancellationToken);
        if (body.Outcome == BodyOutcome.TooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"The request body is over {MaxBodyBytes / 1024} KB. Ask one short question at a time.");
        }

        if (!body.IsComplete)
        {
            return body.IncompleteProblem();
        }

        string? question;
        string? conversationId = null;
        using (var document = StrictJson.TryParse(body.Bytes, out var malformed))
        {
            if (document is null)
            {
                return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", $"The body is not usable: {malformed}. Send {{\"question\": \"…\"}}.");
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("question", out var value)
                || value.ValueKind != JsonValueKind.String)
            {
                return Problem(StatusCodes.Status400BadRequest, "Missing question", "The body must be a JSON object with a string field \"question\".");
            }

            question = value.GetString();

            // Follow-ups ("When was it signed?") are read in the light of the conversation's previous question.
            if (document.RootElement.TryGetProperty("conversationId", out var conversation) && conversation.ValueKind != JsonValueKind.Null)
            {
                conversationId = conversation.ValueKind == JsonValueKind.String ? conversation.GetString() : null;
                if (conversationId is not { Length: > 0 and <= MaxConversationIdLength } || conversationId.Any(char.IsControl))
                {
                    return Problem(StatusCodes.Status400BadRequest, "Bad conversationId", $"\"conversationId\" is optional; when given it must be a string of 1 to {MaxConversationIdLength} printable characters that names the conversation, the same for each question of it.");
                }
            }
        }

        Answer answer;
        try
        {
            // Kept apart from Teams and Slack conversations: an HTTP caller cannot name one of theirs and read its context.
            answer = await answers.AskAsync(new AskRequest(question ?? string.Empty, conversationId is null ? null : "http:" + conversationId) { Asker = new Asker(FrontEnds.Http) }, cancellationToken);
        }
        catch (KnowledgeStoreUnavailableException ex)
        {
            LogStoreUnavailable(logger, ex.Message);
            return Problem(StatusCodes.Status503ServiceUnavailable, "Knowledge store unavailable", "The knowledge store is unavailable right now. Please try again in a moment.");
        }

        // The status follows the reason: unusable input is the caller's error (400); every other decline is an answer
        // (200) that says why.
        if (answer.Reason == PaperBot.Answering.Decision.DeclineReasons.Input)
        {
            return Problem(StatusCodes.Status400BadRequest, "Unusable question", answer.Text, AnswerJson.From(answer));
        }

        return Results.Json(AnswerJson.From(answer), PaperBotJson.Options);
    }

    internal static IResult Problem(int status, string title, string detail, AnswerJson? answer = null) =>
        Results.Problem(
            statusCode: status,
            title: title,
            detail: detail,
            extensions: answer is null ? null : new Dictionary<string, object?> { ["answer"] = answer });

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Question refused: the knowledge store is unavailable ({Reason})")]
    private static partial void LogStoreUnavailable(ILogger logger, string reason);
}
