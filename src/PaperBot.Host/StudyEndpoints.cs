using PaperBot.Answering;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Host;

/// <summary>
/// The study commands over HTTP (GET, JSON): each asks the answer service the same command a chat user types, so every
/// front end gives the same reply. Bad input (an unknown section, a missing term, an unknown quiz) gets a problem document.
/// </summary>
internal static class StudyEndpoints
{
    public static WebApplication MapStudyEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/sections", (IAnswerService answers, CancellationToken ct) => AskAsync(answers, "sections", ct));
        api.MapGet("/summary", (string? section, IAnswerService answers, CancellationToken ct) => AskAsync(answers, Command("summary", section), ct));
        api.MapGet("/timeline", (IAnswerService answers, CancellationToken ct) => AskAsync(answers, "timeline", ct));
        api.MapGet("/glossary", (IAnswerService answers, CancellationToken ct) => AskAsync(answers, "glossary", ct));
        api.MapGet("/define", DefineAsync);
        api.MapGet("/quiz", (string? section, IAnswerService answers, CancellationToken ct) => AskAsync(answers, Command("quiz", section), ct));
        api.MapGet("/quiz/{id}/answer", (string id, IAnswerService answers, CancellationToken ct) => AskAsync(answers, $"reveal {id}", ct));
        api.MapGet("/sources", (IAnswerService answers, CancellationToken ct) => AskAsync(answers, "sources", ct));
        return app;
    }

    private static Task<IResult> DefineAsync(string? term, IAnswerService answers, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(term) || term.Length > 100
            ? Task.FromResult(AskEndpoint.Problem(StatusCodes.Status400BadRequest, "Missing term", "Give the term to define: /api/define?term=RLNG (at most 100 characters)."))
            : AskAsync(answers, $"define {term.Trim()}", cancellationToken);

    private static string Command(string command, string? section) =>
        string.IsNullOrWhiteSpace(section) ? command : $"{command} {section.Trim()}";

    private static async Task<IResult> AskAsync(IAnswerService answers, string command, CancellationToken cancellationToken)
    {
        if (command.Split(' ').Length > 2 && !command.StartsWith("define ", StringComparison.Ordinal))
        {
            return AskEndpoint.Problem(StatusCodes.Status400BadRequest, "Bad section id", "A section id is one word, such as 3.II. GET /api/sections lists them.");
        }

        Answer answer;
        try
        {
            answer = await answers.AskAsync(new AskRequest(command), cancellationToken);
        }
        catch (KnowledgeStoreUnavailableException)
        {
            return AskEndpoint.Problem(StatusCodes.Status503ServiceUnavailable, "Knowledge store unavailable", "The knowledge store is unavailable right now. Please try again in a moment.");
        }

        // A section or quiz that does not exist is the caller's mistake; a term the paper does not define is an answer.
        return answer switch
        {
            { Kind: AnswerKinds.Summary or AnswerKinds.Quiz, Status: AnswerStatus.NotInPaper } when command.Contains(' ', StringComparison.Ordinal) =>
                AskEndpoint.Problem(StatusCodes.Status404NotFound, "No such section", answer.Text, AnswerJson.From(answer)),
            { Kind: AnswerKinds.QuizAnswer, Status: AnswerStatus.Rejected } =>
                AskEndpoint.Problem(StatusCodes.Status404NotFound, "No such quiz", answer.Text, AnswerJson.From(answer)),
            _ => Results.Json(AnswerJson.From(answer), PaperBotJson.Options),
        };
    }
}
