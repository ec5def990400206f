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

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN", true)]
    [InlineData("https://hooks.slack.com/actions/T1/2/3", true)]
    [InlineData("https://HOOKS.SLACK.COM/commands/T1/2/3", true)]
    [InlineData("http://hooks.slack.com/commands/T1/2/3", false)]
    [InlineData("https://hooks.slack.com:8443/commands/T1/2/3", false)]
    [InlineData("https://hooks.slack.com.evil.example/commands", false)]
    [InlineData("https://evil.example/https://hooks.slack.com/", false)]
    [InlineData("https://user@hooks.slack.com/commands/T1/2/3", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("/commands/T1/2/3", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsAllowedResponseUrl_Default_OnlyHooksSlackComOverHttps(string? url, bool expected)
    {
        Assert.Equal(expected, new SlackOptions().IsAllowedResponseUrl(url, out _));
    }

    [Fact]
    public void Validate_PlainHttpResponseUrlBaseOffLoopback_NamesSetting()
    {
        Assert.Contains("Slack:ResponseUrlBase", Assert.Single(new SlackOptions { ResponseUrlBase = "http://hooks.example.com/" }.Validate()), StringComparison.Ordinal);
    }
}
