using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Answering;
using PaperBot.Testing;

namespace PaperBot.Channels.Teams.Tests.Support;

/// <summary>The Teams channel's services as the host registers them, with test settings and a stub answer service.</summary>
public static class TeamsServices
{
    /// <param name="playground">The connector anonymous replies may go to (the test's loopback connector).</param>
    /// <param name="configure">Registrations after the channel's (a seeded question log, say).</param>
    public static ServiceProvider Build(IAnswerService? answers = null, IDictionary<string, string?>? settings = null, Uri? playground = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Teams:ReplyRetryBaseDelay"] = "00:00:00.050",
            ["Teams:ReplyAttemptTimeout"] = "00:00:01",
        };
        if (playground is not null)
        {
            values["Teams:PlaygroundServiceUrl"] = playground.ToString();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(logging => logging.AddFakeLogging());
        services.AddSingleton(answers ?? new StubAnswerService());
        services.AddTeamsChannel();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
