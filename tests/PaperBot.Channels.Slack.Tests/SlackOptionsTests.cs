namespace PaperBot.Channels.Slack.Tests;

public sealed class SlackOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoProblems()
    {
        Assert.Empty(new SlackOptions().Validate());
    }

    [Fact]
    public void Validate_AppTokenWithoutBotToken_NamesBothSettings()
    {
        var problem = Assert.Single(new SlackOptions { AppToken = "xapp-1" }.Validate());

        Assert.Contains("Slack:AppToken", problem, StringComparison.Ordinal);
        Assert.Contains("Slack:BotToken", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("paper")]
    [InlineData("/two words")]
    public void Validate_BadCommand_NamesSetting(string command)
    {
        Assert.Contains("Slack:Command", Assert.Single(new SlackOptions { Command = command }.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RelativeApiBaseUrl_NamesSetting()
    {
        Assert.Contains("Slack:ApiBaseUrl", Assert.Single(new SlackOptions { ApiBaseUrl = "api/" }.Validate()), StringComparison.Ordinal);
    }
}
