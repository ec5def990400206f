using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PaperBot.Host.Tests;

/// <summary>Every settings class the host registers is validated at start, so a bad value stops the start, not the first request.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public void AddPaperBot_EveryPaperBotOptionsClass_ValidatedOnStart()
    {
        var services = new ServiceCollection().AddPaperBot();

        var registered = services
            .Where(d => d.ServiceType.IsGenericType && OptionsServices.Contains(d.ServiceType.GetGenericTypeDefinition()))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(IsPaperBots)
            .ToHashSet();
        var validatedOnStart = ValidatedOnStart(services).ToHashSet();

        Assert.Contains(typeof(HttpLimitsOptions), registered);
        Assert.Contains(typeof(Knowledge.Configuration.KnowledgeOptions), validatedOnStart);
        Assert.Empty(registered.Except(validatedOnStart).Select(t => t.FullName));
    }

    [Fact]
    public void AddPaperBot_EverySettingsClass_CheckedOneWay_ByItsOwnValidatorClass()
    {
        var services = new ServiceCollection().AddPaperBot();

        var validators = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
            .Where(d => IsPaperBots(d.ServiceType.GetGenericArguments()[0]))
            .ToList();
        var checkedOnStart = ValidatedOnStart(services).Where(IsPaperBots).ToList();

        // A lambda passed to .Validate(...) registers the framework's ValidateOptions<T>: a second way, not allowed.
        Assert.Empty(validators.Where(d => d.ImplementationType is null || !IsPaperBots(d.ImplementationType)).Select(d => d.ServiceType.GetGenericArguments()[0].Name));
        Assert.Empty(checkedOnStart.Where(t => !validators.Any(d => d.ServiceType.GetGenericArguments()[0] == t)).Select(t => t.Name));
        Assert.Contains(validators, d => d.ServiceType.GetGenericArguments()[0] == typeof(Answering.AnsweringOptions));
    }

    private static readonly HashSet<Type> OptionsServices = [typeof(IConfigureOptions<>), typeof(IValidateOptions<>), typeof(IOptionsChangeTokenSource<>)];

    private static bool IsPaperBots(Type type) => type.Assembly.GetName().Name!.StartsWith("PaperBot.", StringComparison.Ordinal);

    /// <summary>
    /// The classes named by <c>ValidateOnStart</c>: it configures the framework's (internal) StartupValidatorOptions
    /// with a <c>ConfigureNamedOptions&lt;StartupValidatorOptions, IOptionsMonitor&lt;T&gt;&gt;</c> for each class.
    /// </summary>
    private static IEnumerable<Type> ValidatedOnStart(IServiceCollection services)
    {
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        using var provider = services.BuildServiceProvider();
        var startupValidatorOptions = typeof(IStartupValidator).Assembly.GetType("Microsoft.Extensions.Options.StartupValidatorOptions", throwOnError: true)!;
        var configures = provider.GetServices(typeof(IConfigureOptions<>).MakeGenericType(startupValidatorOptions)).ToList();
        Assert.NotEmpty(configures); // if this fails, ValidateOnStart registers itself differently now: read it again
        return configures
            .SelectMany(c => c!.GetType().GetGenericArguments())
            .Where(a => a.IsGenericType && a.GetGenericTypeDefinition() == typeof(IOptionsMonitor<>))
            .Select(a => a.GetGenericArguments()[0])
            .ToList();
    }
}
