using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Knowledge;

namespace PaperBot.Host;

/// <summary>
/// Readiness: the bot can answer only when the store answers and the index is built with at least one reading.
/// Anything else is unhealthy (503) with the reason, so an orchestrator holds traffic back from a bot that would
/// decline every question.
/// </summary>
internal sealed class KnowledgeHealthCheck(KnowledgeBaseProvider knowledge) : IHealthCheck
{
    public const string Name = "knowledge";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var store = await knowledge.Store.CheckHealthAsync(cancellationToken);
        var built = knowledge.Current;
        var data = new Dictionary<string, object>
        {
            ["store"] = store.Store,
            ["location"] = store.Location,
            ["folder"] = knowledge.Folder,
        };
        if (built is not null)
        {
            data["documents"] = built.Documents.Count;
        }

        if (!store.Healthy)
        {
            return HealthCheckResult.Unhealthy(store.Problem ?? $"the {store.Store} store does not answer", data: data);
        }

        if (built is null)
        {
            var reason = knowledge.LastFailure is { } failure ? $"the index could not be built: {failure}" : "the index is being built";
            return HealthCheckResult.Unhealthy(reason, data: data);
        }

        return built.Documents.Count == 0
            ? HealthCheckResult.Unhealthy($"no readings in {knowledge.Folder}", data: data)
            : HealthCheckResult.Healthy($"{built.Documents.Count} reading(s) indexed", data);
    }
}
