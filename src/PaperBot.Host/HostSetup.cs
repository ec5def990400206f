using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using PaperBot.Answering;
using PaperBot.Channels.Slack;
using PaperBot.Channels.Teams;
using PaperBot.Generation;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Configuration;
using PaperBot.Reporting;
using PaperBot.Retrieval.Qdrant;
using PaperBot.Storage;

namespace PaperBot.Host;

/// <summary>The host only wires areas together; each area registers its own services and endpoints.</summary>
internal static class HostSetup
{
    /// <summary>
    /// The root appsettings.json ships beside the program. It is read first, whatever the working directory or content
    /// root, so a content root's own appsettings.json, user-secrets (Development), environment variables and switches
    /// override it: the host and the CLI see the same settings.
    /// </summary>
    public static void AddPaperBotConfiguration(this WebApplicationBuilder builder)
    {
        // The file's own folder as its file provider: a source without one resolves its path against the content
        // root (src/PaperBot.Host under `dotnet run`), finds nothing and, being optional, is skipped without a word.
        var file = PaperBotConfiguration.DefaultFile;
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(Path.GetDirectoryName(file)!),
            Path = Path.GetFileName(file),
            Optional = true,
            ReloadOnChange = false,
        });

        // The listening address is host configuration, read before this file was added: apply the merged value
        // (appsettings.json < environment < --urls) explicitly. Default: loopback, the Teams bot port.
        builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? builder.Configuration["urls"] ?? "http://127.0.0.1:3978");
    }

    public static IServiceCollection AddPaperBot(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddPaperBotHealthChecks();
        services.AddPaperBotHttpLimits();
        services.AddPaperBotRetrievalStore();
        services.AddPaperBotStorage();
        services.AddPaperBotAnswering();
        services.AddPaperBotGeneration();
        services.AddHostedService<KnowledgeWarmUp>();
        services.AddHostedService<KnowledgeWatcher>();
        services.AddPaperBotReporting();
        services.AddSlackChannel();
        services.AddTeamsChannel();
        return services;
    }

    public static WebApplication MapPaperBot(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapPaperBotHealthChecks();
        app.MapPost("/api/ask", AskEndpoint.PostAsync).RequireRateLimiting(HttpLimits.AskPolicy);
        app.MapStudyEndpoints();
        app.MapGet("/report", ReportEndpoint.GetAsync);
        app.MapSlackEndpoints();
        app.MapTeamsEndpoints();
        return app;
    }
}
