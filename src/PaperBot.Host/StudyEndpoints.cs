using PaperBot.Answering;
using PaperBot.Answering.Decision;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Storage;

namespace PaperBot.Host;

/// <summary>
/// The study commands over HTTP (GET, JSON): each sends the answer service the same typed command a chat user's text
/// parses to, so every front end gives the same reply. The status follows the reply's <c>reason</c>: a section or quiz
/// that does not exist is 404, unusable input 400; a term the readings do not define is an answer (200) that says so.
/// </summary>
internal static class StudyEndpoints
{
    public static WebApplication MapStudyEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/sections", (IAnswerService answers, CancellationToken ct) => AskAsync(answers, new SectionsCommand(), ct));
        api.MapGet("/summary", (string? section, IAnswerService answers, CancellationToken ct) => WithSection(section, s => new SummaryCommand(s), answers, ct));
        api.MapGet("/timeline", (IAnswerService answers, CancellationToken ct) => AskAsync(answers, new TimelineCommand(), ct));
        api.MapGet("/glossary", (IAnswerService answers, CancellationToken ct) => AskAsync(answers, new GlossaryCommand(), ct));
        api.MapGet("/define", DefineAsync);
        api.MapGet("/quiz", (string? section, IAnswerService answers, CancellationToken ct) => WithSection(section, s => new QuizCommand(s), answers, ct));
        api.MapGet("/quiz/{id}/answer", (string id, IAnswerService answers, CancellationToken ct) =>
            id.Length > CommandParser.MaxQuizIdLength
                ? Task.FromResult(AskEndpoint.Problem(StatusCodes.Status404NotFound, "No such quiz", "There is no quiz with that id. GET /api/quiz makes a new one."))
                : AskAsync(answers, new RevealCommand(id), ct));
        api.MapGet("/sources", (IAnswerService answers, CancellationToken ct) => AskAsync(answers, new SourcesCommand(), ct));
        return app;
    }

    private static Task<IResult> DefineAsync(string? term, IAnswerService answers, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(term) || term.Length > 100
            ? Task.FromResult(AskEndpoint.Problem(StatusCodes.Status400BadRequest, "Missing term", "Give the term to define: /api/define?term=RLNG (at most 100 characters)."))
            : AskAsync(answers, new DefineCommand(term.Trim()), cancellationToken);

    /// <summary>A command about one section, or about every reading when no section is given.</summary>
    private static Task<IResult> WithSection(string? section, Func<string?, Command> command, IAnswerService answers, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(section))
        {
            return AskAsync(answers, command(null), cancellationToken);
        }

        return CommandParser.SectionReference(section).Split(' ') is [{ Length: > 0 } id]
            ? AskAsync(answers, command(id), cancellationToken)
            : Task.FromResult(AskEndpoint.Problem(StatusCodes.Status400BadRequest, "Bad section id", "A section id is one word, such as 3.II. GET /api/sections lists them."));
    }

    private static async Task<IResult> AskAsync(IAnswerService answers, Command command, CancellationToken cancellationToken)
    {
        Answer answer;
        try
        {
            answer = await answers.AskAsync(new AskRequest(command) { Asker = new Asker(FrontEnds.Http) }, cancellationToken);
        }
        catch (KnowledgeStoreUnavailableException)
        {
            return AskEndpoint.Problem(StatusCodes.Status503ServiceUnavailable, "Knowledge store unavailable", "The knowledge store is unavailable right now. Please try again in a moment.");
        }

        return answer.Reason switch
        {
            DeclineReasons.UnknownSection => AskEndpoint.Problem(StatusCodes.Status404NotFound, "No such section", answer.Text, AnswerJson.From(answer)),
            DeclineReasons.UnknownQuiz => AskEndpoint.Problem(StatusCodes.Status404NotFound, "No such quiz", answer.Text, AnswerJson.From(answer)),
            DeclineReasons.Input => AskEndpoint.Problem(StatusCodes.Status400BadRequest, "Unusable request", answer.Text, AnswerJson.From(answer)),
            _ => Results.Json(AnswerJson.From(answer), PaperBotJson.Options),
        };
    }
}
