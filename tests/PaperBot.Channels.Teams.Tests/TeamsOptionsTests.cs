using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Channels.Teams.Tests.Support;

namespace PaperBot.Channels.Teams.Tests;

public sealed class TeamsOptionsTests
{
    private static TeamsOptions Resolve(Dictionary<string, string?> settings)
    {
        using var services = TeamsServices.Build(settings: settings);
        return services.GetRequiredService<IOptions<TeamsOptions>>().Value;
    }

    [Fact]
    public void BotFrameworkNamesAtTheRoot_AreTheTeamsSettings()
    {
        var options = Resolve(new()
        {
            ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            ["MicrosoftAppPassword"] = "test-secret",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = "tenant-1",
        });

        Assert.Equal("11111111-2222-3333-4444-555555555555", options.MicrosoftAppId);
        Assert.Equal("test-secret", options.MicrosoftAppPassword);
        Assert.Equal("SingleTenant", options.MicrosoftAppType);
        Assert.Equal("tenant-1", options.MicrosoftAppTenantId);
    }

    [Fact]
    public void TeamsSectionAndBotFrameworkNamesBothSet_TeamsSectionWins()
    {
        var options = Resolve(new()
        {
            ["MicrosoftAppId"] = "root-app",
            ["MicrosoftAppType"] = "SingleTenant",
            ["Teams:MicrosoftAppId"] = "teams-app",
            ["Teams:MicrosoftAppPassword"] = "teams-secret",
            ["Teams:MicrosoftAppType"] = "MultiTenant",
        });

        Assert.Equal("teams-app", options.MicrosoftAppId);
        Assert.Equal("teams-secret", options.MicrosoftAppPassword);
        Assert.Equal("MultiTenant", options.MicrosoftAppType);
    }

    [Fact]
    public void NeitherSet_AnonymousLocalDevelopment()
    {
        var options = Resolve([]);

        Assert.Null(options.MicrosoftAppId);
        Assert.Equal("MultiTenant", options.MicrosoftAppType);
    }

    [Fact]
    public void BotFrameworkAppIdWithoutPassword_FailsNamingBothSettings()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["MicrosoftAppId"] = "root-app" }));

        Assert.Contains(error.Failures, f => f.Contains("Teams:MicrosoftAppPassword", StringComparison.Ordinal) && f.Contains("MicrosoftAppPassword)", StringComparison.Ordinal));
    }
}
