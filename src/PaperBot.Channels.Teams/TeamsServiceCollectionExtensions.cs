using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Storage;
using Polly;
using PaperBot.Channels.Teams.Authentication;
using PaperBot.Channels.Teams.Connector;
using PaperBot.Reporting;

namespace PaperBot.Channels.Teams;

/// <summary>
/// Registers the Teams channel, with the <see cref="TeamsAuthentication.Scheme"/> authentication scheme its endpoint
/// requires. It needs an <c>IAnswerService</c> from the answering area.
/// </summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>The statuses the Bot Connector documents as worth retrying; nothing else is.</summary>
    internal static readonly HashSet<HttpStatusCode> RetriedStatuses =
        [HttpStatusCode.PreconditionFailed, HttpStatusCode.TooManyRequests, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    public static IServiceCollection AddTeamsChannel(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section)
            .Configure<IConfiguration>(TeamsOptions.ApplyBotFrameworkNames)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.AddMetrics();

        services.AddSingleton<ChannelTokenValidator>();
        services.AddTeamsAuthentication();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();
        services.AddSingleton<ConnectorClient>();
        // Without a store (a channel alone, in its tests), each replica keeps its own.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFeedbackStore>(_ => new InMemoryFeedbackStore());
        services.TryAddSingleton<IDeliveryLedger>(sp => new InMemoryDeliveryLedger(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IUserKeys>(_ => SaltedUserKeys.Ephemeral());
        services.AddSingleton<FeedbackRecorder>();
        services.AddSingleton<TeamsUserLimits>();
        services.AddSingleton<TeamsReports>();
        services.AddPaperBotReporting();
        services.AddSingleton<TeamsBot>();
        services.AddSingleton<TeamsTurnQueue>();
        services.AddHostedService<TeamsTurnWorker>();
        services.AddHostedService<TeamsStartupLog>();

        services.AddHttpClient(ConnectorClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("teams-connector", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.ReplyMaxRetries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.ReplyRetryBaseDelay,
                    MaxDelay = TimeSpan.FromSeconds(60),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(
                        options.ReplyMaxRetries > 0 && args.Outcome.Result is { } response && RetriedStatuses.Contains(response.StatusCode)),
                });
                pipeline.AddTimeout(options.ReplyAttemptTimeout);
            });
        return services;
    }
}

/// <summary>Says at start how the channel authenticates, so an anonymous development setup is never a surprise.</summary>
internal sealed class TeamsStartupLog(IOptions<TeamsOptions> options, ILogger<TeamsStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.HasAppId)
        {
            Log.AuthenticationEnabled(logger, options.Value.MicrosoftAppType);
        }
        else
        {
            Log.AnonymousMode(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
