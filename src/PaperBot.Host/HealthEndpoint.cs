using PaperBot.Knowledge;

namespace PaperBot.Host;

/// <summary><c>GET /healthz</c>: 200 when the knowledge store answers, 503 naming the store and where it is otherwise.</summary>
internal static class HealthEndpoint
{
    public static async Task<IResult> GetAsync(KnowledgeBaseProvider knowledge, CancellationToken cancellationToken)
    {
        var health = await knowledge.Store.CheckHealthAsync(cancellationToken);
        var body = new
        {
            status = health.Healthy ? "ok" : "unavailable",
            store = health.Store,
            location = health.Location,
            documents = knowledge.Current?.Documents.Count,
            problem = health.Problem,
        };
        return health.Healthy ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
