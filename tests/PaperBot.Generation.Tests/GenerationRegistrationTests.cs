using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PaperBot.Answering.Generation;
using PaperBot.Answering;

namespace PaperBot.Generation.Tests;

/// <summary>Settings and registration: a generator only when a provider is set, and misconfiguration named at start.</summary>
public sealed class GenerationRegistrationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("")]
    public void AddPaperBotGeneration_NoProvider_RegistersNoGenerator(string? provider)
    {
        using var services = Build(new() { ["Llm:Provider"] = provider });

        Assert.Null(services.GetService<IAnswerGenerator>());
    }

    [Fact]
    public void AddPaperBotGeneration_LocalOpenAICompatibleServer_RegistersGroundedGeneratorWithoutKey()
    {
        using var services = Build(new() { ["Llm:Provider"] = "openai", ["Llm:Endpoint"] = "http://127.0.0.1:11434", ["Llm:Model"] = "llama3.1" });

        Assert.IsType<GroundedAnswerGenerator>(services.GetService<IAnswerGenerator>());
        Assert.Equal(new Uri("http://127.0.0.1:11434/v1"), services.GetRequiredService<IOptions<LlmOptions>>().Value.ResolveEndpoint());
    }

    [Fact]
    public void AddPaperBotGeneration_OpenAIWithoutKey_FailsNamingTheSetting()
    {
        using var services = Build(new() { ["Llm:Provider"] = "openai", ["Llm:Model"] = "gpt-4o-mini" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetService<IAnswerGenerator>());
        Assert.Contains("Llm:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("Llm__ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPaperBotGeneration_InHostBuilder_ReadsTheHostConfigurationAndValidatesAtStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Llm:Provider"] = "azure-openai", ["Llm:Model"] = "gpt-4o" });
        builder.Services.AddPaperBotGeneration();
        using var host = builder.Build();

        Assert.Contains(builder.Services, d => d.ServiceType == typeof(IAnswerGenerator));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Llm:Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("Llm:ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus", 20, 0.83, "Llm:Provider")]
    [InlineData("openai", 0, 0.83, "Llm:TimeoutSeconds")]
    [InlineData("openai", 20, 1.5, "Llm:MinSupportSimilarity")]
    [InlineData("none", 20, -0.1, "Llm:MinSupportSimilarity")]
    public void Validate_BadSetting_NamesIt(string provider, int timeoutSeconds, double similarity, string setting)
    {
        var options = new LlmOptions { Provider = provider, Endpoint = "http://127.0.0.1:1234/v1", Model = "m", TimeoutSeconds = timeoutSeconds, MinSupportSimilarity = similarity };

        var result = new LlmOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new LlmOptionsValidator().Validate(null, new LlmOptions()).Succeeded);
    }

    [Fact]
    public void ResolveEndpoint_AzureResourceAddress_IsKeptAsGiven()
    {
        var options = new LlmOptions { Provider = "azure-openai", Endpoint = "https://paperbot.openai.azure.com/" };

        Assert.Equal(new Uri("https://paperbot.openai.azure.com/"), options.ResolveEndpoint());
    }

    [Fact]
    public void RootAppSettings_LlmSection_DefaultsToNoProviderAndTheTunedThreshold()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Knowledge.Configuration.PathResolver.ResolveFile("appsettings.json")).Build();
        var options = configuration.GetSection(LlmOptions.SectionName).Get<LlmOptions>();

        Assert.NotNull(options);
        Assert.Equal(LlmProviders.None, options.Provider);
        Assert.Equal(LlmOptions.DefaultMinSupportSimilarity, options.MinSupportSimilarity);
        Assert.Equal(20, options.TimeoutSeconds);
        Assert.Null(configuration["Llm:ApiKey"]); // the key only ever comes from the environment
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddPaperBotGeneration();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
