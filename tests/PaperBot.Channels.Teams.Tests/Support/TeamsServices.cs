using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Answering;

namespace PaperBot.Channels.Teams.Tests.Support;

/// <summary>The Teams channel's services as the host registers them, with test settings and a stub answer service.</summary>
public static class TeamsServices
{
    public static ServiceProvider Build(IAnswerService? answers = null, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Teams:ReplyRetryBaseDelay"] = "00:00:00.050",
            ["Teams:ReplyAttemptTimeout"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(logging => logging.AddFakeLogging());
        services.AddSingleton(answers ?? new StubAnswerService());
        services.AddTeamsChannel();
        return services.BuildServiceProvider();
    }
}
