using Microsoft.Extensions.Configuration.Json;
using PaperBot.Answering;
using PaperBot.Channels.Slack;
using PaperBot.Channels.Teams;
using PaperBot.Generation;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Configuration;
using PaperBot.Retrieval.Qdrant;

namespace PaperBot.Host;

/// <summary>The host only wires areas together; each area registers its own services and endpoints.</summary>
internal static class HostSetup
{
    /// <summary>
    /// The root appsettings.json ships beside the program; it is read first, so the content root's copy (when the
    /// host runs from the repository root), environment variables and switches override it.
    /// </summary>
    public static void AddPaperBotConfiguration(this WebApplicationBuilder builder)
    {
        var file = PaperBotConfiguration.DefaultFile;
        if (File.Exists(file))
        {
            builder.Configuration.Sources.Insert(0, new JsonConfigurationSource { Path = file, Optional = true, ReloadOnChange = false, FileProvider = null });
        }

        // The listening address is host configuration, read before this file was added: apply the merged value
        // (appsettings.json < environment < --urls) explicitly. Default: loopback, the Teams bot port.
        builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? builder.Configuration["urls"] ?? "http://127.0.0.1:3978");
    }

    public static IServiceCollection AddPaperBot(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddPaperBotHttpLimits();
        services.AddPaperBotRetrievalStore();
        services.AddPaperBotAnswering();
        services.AddPaperBotGeneration();
        services.AddHostedService<KnowledgeWarmUp>();
        services.AddSlackChannel();
        services.AddTeamsChannel();
        return services;
    }

    public static WebApplication MapPaperBot(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapGet("/healthz", HealthEndpoint.GetAsync);
        app.MapPost("/api/ask", AskEndpoint.PostAsync).RequireRateLimiting(HttpLimits.AskPolicy);
        app.MapStudyEndpoints();
        app.MapSlackEndpoints();
        app.MapTeamsEndpoints();
        return app;
    }
}
