using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PaperBot.Host;

/// <summary>
/// The health endpoints: <c>/healthz/live</c> (the process answers; nothing else is checked), <c>/healthz/ready</c>
/// and <c>/healthz</c> (ready to answer questions). Both answer JSON: <c>status</c> <c>ok</c> or <c>unavailable</c>,
/// the store, where it is, the readings folder and documents indexed, and <c>problem</c>, the reason when not ready.
/// </summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddPaperBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<KnowledgeHealthCheck>(KnowledgeHealthCheck.Name, tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapPaperBotHealthChecks(this WebApplication app)
    {
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync };
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/healthz/ready", ready);
        app.MapHealthChecks("/healthz", ready);
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new Dictionary<string, object?> { ["status"] = report.Status == HealthStatus.Healthy ? "ok" : "unavailable" };
        foreach (var entry in report.Entries.Values)
        {
            foreach (var (key, value) in entry.Data)
            {
                body[key] = value;
            }

            if (entry.Status != HealthStatus.Healthy)
            {
                body["problem"] = entry.Description ?? entry.Exception?.Message;
            }
        }

        body["checks"] = report.Entries.ToDictionary(
            e => e.Key,
            e => new { status = e.Value.Status == HealthStatus.Healthy ? "ok" : "unavailable", description = e.Value.Description });
        return context.Response.WriteAsJsonAsync(body);
    }
}
