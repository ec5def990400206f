using System.Text.Json;
using PaperBot.Answering;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Web;
using PaperBot.Storage;

namespace PaperBot.Host;

/// <summary>
/// <c>POST /api/ask</c> with <c>{"question": "…", "conversationId": "…", "readings": ["id", …]}</c> (the id optional:
/// it lets follow-ups refer to the previous question; the readings optional: the answer comes from those only)
/// returns the answer object every front end uses. Bad requests get a problem document (400 malformed or naming a
/// reading that is not loaded, 413 over 64 KB, 415 not JSON); an unreachable knowledge store gets 503.
/// </summary>
internal static partial class AskEndpoint
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The longest conversation id accepted (Teams and Slack ids are well under it).</summary>
    public const int MaxConversationIdLength = 200;

    /// <summary>The most readings one request may name.</summary>
    public const int MaxReadings = 100;

    public static async Task<IResult> PostAsync(HttpRequest request, IAnswerService answers, KnowledgeBaseProvider knowledge, ILoggerFactory loggers, CancellationToken cancellationToken)
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
        List<string>? readings = null;
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

            if (document.RootElement.TryGetProperty("readings", out var named) && named.ValueKind != JsonValueKind.Null)
            {
                if (named.ValueKind != JsonValueKind.Array || named.GetArrayLength() > MaxReadings
                    || named.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String || r.GetString() is not { Length: > 0 and <= MaxConversationIdLength }))
                {
                    return Problem(StatusCodes.Status400BadRequest, "Bad readings", $"\"readings\" is optional; when given it must be an array of up to {MaxReadings} reading ids (strings, as GET /api/sources lists them).");
                }

                readings = named.EnumerateArray().Select(r => r.GetString()!.Trim()).ToList();
            }
        }

        if (readings is { Count: > 0 })
        {
            IReadOnlyList<string> known;
            try
            {
                known = (await knowledge.GetAsync(cancellationToken)).Documents.Select(d => d.Id).ToList();
            }
            catch (KnowledgeStoreUnavailableException ex)
            {
                LogStoreUnavailable(logger, ex.Message);
                return Problem(StatusCodes.Status503ServiceUnavailable, "Knowledge store unavailable", "The knowledge store is unavailable right now. Please try again in a moment.");
            }

            var unknown = readings.Where(r => !known.Contains(r, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Unknown readings",
                    detail: $"No loaded reading has the id {string.Join(", ", unknown.Select(u => $"\"{u}\""))}. The loaded readings: {string.Join(", ", known)}.",
                    extensions: new Dictionary<string, object?> { ["unknown"] = unknown, ["known"] = known });
            }
        }

        Answer answer;
        try
        {
            // Kept apart from Teams and Slack conversations: an HTTP caller cannot name one of theirs and read its context.
            answer = await answers.AskAsync(new AskRequest(question ?? string.Empty, conversationId is null ? null : "http:" + conversationId) { Asker = new Asker(FrontEnds.Http), Readings = readings }, cancellationToken);
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
