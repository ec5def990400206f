using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using PaperBot.Channels.Slack.Handlers;
using PaperBot.Channels.Slack.Inbound;
using PaperBot.Channels.Slack.Processing;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.SocketMode;
using PaperBot.Channels.Slack.WebApi;
using PaperBot.Storage;
using PaperBot.Reporting;

namespace PaperBot.Channels.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// The Slack channel: HTTP endpoints (mapped by <see cref="SlackEndpoints.MapSlackEndpoints"/>), Socket Mode,
    /// the handlers of its command, events and buttons, the Web API client and the background worker that delivers
    /// answers. Reads the <c>Slack</c> section; with nothing configured every part stays idle and the endpoints answer
    /// 404. Needs an <c>IAnswerService</c> in the container by the time a question arrives.
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
        // Without a store (a channel alone, in its tests), each replica keeps its own.
        services.TryAddSingleton<IFeedbackStore>(_ => new InMemoryFeedbackStore());
        services.TryAddSingleton<IDeliveryLedger>(sp => new InMemoryDeliveryLedger(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IUserKeys>(_ => SaltedUserKeys.Ephemeral());
        services.AddSingleton<SlackUserLimits>();
        services.AddSingleton<SlackMetrics>();
        services.AddSingleton<SlackBotIdentity>();
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackResponder>();
        services.AddSingleton<SlackHandlerRegistry>();
        services.AddSingleton<ReportRequests>();
        services.AddPaperBotReporting();

        // One handler per command, event type and action id; a later registration for the same key replaces these.
        services.AddSlackCommandHandler<QuestionCommandHandler>(SlackHandlerRegistry.ConfiguredCommand);
        services.AddSlackEventHandler<QuestionEventHandler>("app_mention");
        services.AddSlackEventHandler<QuestionEventHandler>("message");
        services.AddSlackActionHandler<FeedbackActionHandler>(SlackMessageRenderer.LikeActionId);
        services.AddSlackActionHandler<FeedbackActionHandler>(SlackMessageRenderer.DislikeActionId);
        services.AddSlackActionHandler<RevealQuizActionHandler>(SlackMessageRenderer.RevealQuizActionId);
        for (var i = 0; i < SlackMessageRenderer.MaxSuggestions; i++)
        {
            services.AddSlackActionHandler<SuggestionActionHandler>(SlackMessageRenderer.SuggestionActionId(i));
        }

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

    /// <summary>
    /// <typeparamref name="THandler"/> handles events of <paramref name="eventType"/> (<c>app_mention</c>, <c>message</c> …),
    /// in place of any handler registered for that type before. Handlers are singletons, one instance for all its keys.
    /// </summary>
    internal static IServiceCollection AddSlackEventHandler<THandler>(this IServiceCollection services, string eventType)
        where THandler : class, ISlackEventHandler => services.AddSlackHandler<ISlackEventHandler, THandler>(eventType);

    /// <summary>
    /// <typeparamref name="THandler"/> handles the slash command <paramref name="command"/> (<c>/paper</c>; any case), or
    /// with <see cref="SlackHandlerRegistry.ConfiguredCommand"/> whichever command <c>Slack:Command</c> names.
    /// </summary>
    internal static IServiceCollection AddSlackCommandHandler<THandler>(this IServiceCollection services, string command)
        where THandler : class, ISlackCommandHandler => services.AddSlackHandler<ISlackCommandHandler, THandler>(command);

    /// <summary><typeparamref name="THandler"/> handles clicks on elements whose <c>action_id</c> is <paramref name="actionId"/>.</summary>
    internal static IServiceCollection AddSlackActionHandler<THandler>(this IServiceCollection services, string actionId)
        where THandler : class, ISlackActionHandler => services.AddSlackHandler<ISlackActionHandler, THandler>(actionId);

    private static IServiceCollection AddSlackHandler<TKind, THandler>(this IServiceCollection services, string key)
        where TKind : class
        where THandler : class, TKind
    {
        services.TryAddSingleton<THandler>();
        services.AddSingleton(new SlackHandlerRegistration<TKind>(key, typeof(THandler)));
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
