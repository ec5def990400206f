using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using PaperBot.Channels.Slack.Inbound;
using PaperBot.Channels.Slack.Processing;
using PaperBot.Channels.Slack.SocketMode;
using PaperBot.Channels.Slack.WebApi;

namespace PaperBot.Channels.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// The Slack channel: HTTP endpoints (mapped by <see cref="SlackEndpoints.MapSlackEndpoints"/>), Socket Mode,
    /// the Web API client and the background worker that delivers answers. Reads the <c>Slack</c> section; with
    /// nothing configured every part stays idle and the endpoints answer 404. Needs an <c>IAnswerService</c> in the
    /// container by the time a question arrives.
    /// </summary>
    public static IServiceCollection AddSlackChannel(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<SlackRequestGate>();
        services.AddSingleton<SlackInbox>();
        services.AddSingleton<SlackWorkQueue>();
        services.AddSingleton<EventDeduplicator>();
        services.AddSingleton<SlackUserLimits>();
        services.AddSingleton<SlackMetrics>();
        services.AddSingleton<SlackBotIdentity>();
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackResponder>();
        services.AddHostedService<SlackIdentityService>();
        services.AddHostedService<SlackWorker>();
        services.AddHostedService<SlackSocketModeService>();

        // No HTTP client logging: its lines carry the full request URI, and a response_url is a credential.
        services.AddHttpClient(SlackApiClient.HttpClientName)
            .RemoveAllLoggers()
            .AddResilienceHandler("slack", pipeline =>
            {
                // Only what is worth repeating: 429 (after its Retry-After), 408, 5xx and transport failures.
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromSeconds(1),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(15));
            });
        return services;
    }
}

/// <summary>Misconfiguration stops the host at start with messages that name the setting.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
