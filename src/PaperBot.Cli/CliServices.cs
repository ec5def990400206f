using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Answering;
using PaperBot.Generation;
using PaperBot.Knowledge.Configuration;
using PaperBot.Reporting;
using PaperBot.Retrieval.Qdrant;
using PaperBot.Storage;

namespace PaperBot.Cli;

/// <summary>
/// The services a CLI command uses: the same registrations as the host, logs on standard error. Commands a person
/// runs (ask, the study commands, report, forget) use the host's store (<paramref name="withStore"/>); eval and bench
/// keep nothing, so a measurement never writes to the question log or to anyone's memory.
/// </summary>
internal static class CliServices
{
    public static JsonSerializerOptions Json => PaperBotJson.Options;

    public static ServiceProvider Create(string[] configArgs, LogLevel minimum = LogLevel.Warning, bool withStore = false)
    {
        var configuration = PaperBotConfiguration.Build(configArgs);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .SetMinimumLevel(minimum)
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddPaperBotRetrievalStore();
        if (withStore)
        {
            services.AddPaperBotStorage();
        }

        services.AddPaperBotAnswering();
        services.AddPaperBotGeneration();
        services.AddPaperBotReporting();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
