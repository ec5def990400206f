using Microsoft.Extensions.Options;
using PaperBot.Channels.Teams.Connector;

namespace PaperBot.Channels.Teams.Tests.Connector;

public sealed class ServiceUrlPolicyTests
{
    private static ServiceUrlPolicy Policy(string? appId) => new(Options.Create(new TeamsOptions { MicrosoftAppId = appId }));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true, true)]
    [InlineData("https://SMBA.trafficmanager.net/emea/", true, true)]
    [InlineData("https://europe.webchat.botframework.com/", true, true)]
    [InlineData("https://teams.microsoft.us/", true, true)]
    [InlineData("https://smba.trafficmanager.net/amer/", false, false)]
    [InlineData("http://smba.trafficmanager.net/amer/", true, false)]
    [InlineData("https://evil.example.com/", true, false)]
    [InlineData("https://botframework.com.evil.example.com/", true, false)]
    [InlineData("https://evilbotframework.com/", true, false)]
    [InlineData("http://127.0.0.1:5000/", true, false)]
    public void TryGetReplyTarget_WithAppId_OnlyAuthenticatedAllowListedHttps(string serviceUrl, bool authenticated, bool expected)
    {
        Assert.Equal(expected, Policy("app").TryGetReplyTarget(serviceUrl, authenticated, out _));
    }

    [Theory]
    [InlineData("http://127.0.0.1:56150/_connector", true)]
    [InlineData("http://localhost:56150/_connector/", true)]
    [InlineData("http://[::1]:56150/_connector", true)]
    [InlineData("http://127.0.0.1:5000/_connector", false)] // another service on this machine
    [InlineData("http://127.0.0.1:6379/", false)]
    [InlineData("http://localhost:56150/admin", false)]
    [InlineData("http://user@localhost:56150/_connector", false)]
    [InlineData("https://smba.trafficmanager.net/amer/", false)]
    [InlineData("http://10.0.0.5/", false)]
    [InlineData("file:///etc/passwd", false)]
    public void TryGetReplyTarget_WithoutAppId_OnlyThePlaygroundAddress(string serviceUrl, bool expected)
    {
        Assert.Equal(expected, Policy(null).TryGetReplyTarget(serviceUrl, authenticated: false, out _));
    }
}
