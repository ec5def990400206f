using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Answering.Generation;
using PaperBot.Answering;
using PaperBot.Knowledge.Configuration;

namespace PaperBot.Generation;

public static class GenerationServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Llm</c>, and registers the <see cref="IAnswerGenerator"/> only when
    /// <c>Llm:Provider</c> is not <c>none</c>: with no generator registered, every answer is extractive.
    /// </summary>
    /// <param name="configuration">
    /// The configuration that decides whether a provider is set. When omitted, the one already registered is used
    /// (the CLI's instance, or the host builder's), else the root appsettings.json and the environment.
    /// </param>
    public static IServiceCollection AddPaperBotGeneration(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName).ValidateOnStart();

        configuration ??= FindConfiguration(services) ?? PaperBotConfiguration.Build();
        if (LlmProviders.IsNone(configuration[$"{LlmOptions.SectionName}:{nameof(LlmOptions.Provider)}"]))
        {
            return services;
        }

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value; // throws OptionsValidationException naming the setting
            var loggerFactory = sp.GetRequiredService<ILoggerFactory>();
            Log.GenerationEnabled(
                loggerFactory.CreateLogger<GroundedAnswerGenerator>(),
                options.Provider,
                options.Model,
                options.ResolveEndpoint()?.GetLeftPart(UriPartial.Path) ?? "api.openai.com",
                options.TimeoutSeconds,
                options.MinSupportSimilarity);
            return LlmClient.Create(options, loggerFactory);
        });
        services.TryAddSingleton<IAnswerGenerator, GroundedAnswerGenerator>();
        services.AddSingleton(new AnswerServiceProfile(Generative: true));
        return services;
    }

    private static IConfiguration? FindConfiguration(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.IsKeyedService)
            {
                continue;
            }

            if (descriptor.ServiceType == typeof(IConfiguration) && descriptor.ImplementationInstance is IConfiguration instance)
            {
                return instance;
            }

            // The generic and web hosts register their configuration through a factory, but the context that holds it as an instance.
            if (descriptor.ServiceType == typeof(HostBuilderContext) && descriptor.ImplementationInstance is HostBuilderContext context)
            {
                return context.Configuration;
            }
        }

        return null;
    }
}
