using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaperBot.Channels.Slack.WebApi;

/// <summary>Calls <c>auth.test</c> once at start, in the background so an unreachable Slack never delays the host.</summary>
internal sealed class SlackIdentityService(
    SlackApiClient api, SlackBotIdentity identity, IOptionsMonitor<SlackOptions> options, ILogger<SlackIdentityService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.WebApiEnabled)
        {
            identity.Learn(null);
            return;
        }

        SlackAuthIdentity? learned = null;
        try
        {
            learned = await api.AuthTestAsync(stoppingToken);
        }
        finally
        {
            identity.Learn(learned);
        }

        if (learned is null)
        {
            Log.IdentityUnknown(logger);
        }
        else
        {
            Log.IdentityLearned(logger, learned.UserId, learned.BotId ?? "(none)");
        }
    }
}
