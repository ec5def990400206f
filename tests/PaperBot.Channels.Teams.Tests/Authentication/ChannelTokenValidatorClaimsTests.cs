using PaperBot.Channels.Teams.Authentication;
using PaperBot.Channels.Teams.Tests.Support;
using static PaperBot.Channels.Teams.Tests.Authentication.TokenChecks;

namespace PaperBot.Channels.Teams.Tests.Authentication;

/// <summary>What a token must claim: the right issuer, audience, lifetime (within the clock skew), algorithm and service URL.</summary>
public sealed class ChannelTokenValidatorClaimsTests
{
    [Fact]
    public async Task ValidateAsync_ValidBotFrameworkToken_Succeeds()
    {
        var key = TestKey.Create("k1", "msteams");

        var check = await CheckAsync(key, SigningAuthority.Token(key));

        Assert.True(check.Succeeded, check.Reason);
    }

    [Theory]
    [InlineData(SecurityAlgorithmsNames.Rs384)]
    [InlineData(SecurityAlgorithmsNames.Rs512)]
    public async Task ValidateAsync_Rs384AndRs512_Succeed(string algorithm)
    {
        var key = TestKey.Create("k1", "msteams");

        var check = await CheckAsync(key, SigningAuthority.Token(key, algorithm: algorithm));

        Assert.True(check.Succeeded, check.Reason);
    }

    [Fact]
    public async Task ValidateAsync_WrongAudience_Fails()
    {
        var key = TestKey.Create("k1", "msteams");

        var check = await CheckAsync(key, SigningAuthority.Token(key, audience: "some-other-bot"));

        Assert.False(check.Succeeded);
        Assert.Contains("Audience", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_WrongIssuer_Fails()
    {
        var key = TestKey.Create("k1", "msteams");

        var check = await CheckAsync(key, SigningAuthority.Token(key, issuer: "https://evil.example.com"));

        Assert.False(check.Succeeded);
        Assert.Equal("untrusted issuer", check.Reason);
    }

    [Fact]
    public async Task ValidateAsync_ExpiredBeyondSkew_Fails()
    {
        var key = TestKey.Create("k1", "msteams");
        var now = DateTime.UtcNow;

        var check = await CheckAsync(key, SigningAuthority.Token(key, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)));

        Assert.False(check.Succeeded);
        Assert.Contains("Expired", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_ExpiredWithinSkew_Succeeds()
    {
        var key = TestKey.Create("k1", "msteams");
        var now = DateTime.UtcNow;

        var check = await CheckAsync(key, SigningAuthority.Token(key, notBefore: now.AddHours(-2), expires: now.AddMinutes(-4)));

        Assert.True(check.Succeeded, check.Reason);
    }

    [Fact]
    public async Task ValidateAsync_NotYetValid_Fails()
    {
        var key = TestKey.Create("k1", "msteams");
        var now = DateTime.UtcNow;

        var check = await CheckAsync(key, SigningAuthority.Token(key, notBefore: now.AddMinutes(10), expires: now.AddHours(1)));

        Assert.False(check.Succeeded);
        Assert.Contains("NotYetValid", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_ServiceUrlClaimMismatch_Fails()
    {
        var key = TestKey.Create("k1", "msteams");

        var check = await CheckAsync(key, SigningAuthority.Token(key, serviceUrl: "https://smba.trafficmanager.net/emea/"));

        Assert.False(check.Succeeded);
        Assert.Equal("the serviceurl claim does not match the activity", check.Reason);
    }

    [Fact]
    public async Task ValidateAsync_ServiceUrlClaimMissing_Fails()
    {
        var key = TestKey.Create("k1", "msteams");

        var check = await CheckAsync(key, SigningAuthority.Token(key, serviceUrl: null));

        Assert.False(check.Succeeded);
        Assert.Equal("the serviceurl claim does not match the activity", check.Reason);
    }

    [Fact]
    public async Task ValidateAsync_EntraTokenFromBotFrameworkTenant_Succeeds()
    {
        var key = TestKey.Create("entra", null);
        var tenant = ChannelTokenValidator.BotFrameworkTenants[0];
        var token = SigningAuthority.Token(key, issuer: $"https://login.microsoftonline.com/{tenant}/v2.0", extraClaims: new Dictionary<string, object> { ["tid"] = tenant });

        var check = await CheckAsync(key, token);

        Assert.True(check.Succeeded, check.Reason);
    }

    [Fact]
    public async Task ValidateAsync_EntraTokenFromOtherTenant_Fails()
    {
        var key = TestKey.Create("entra", null);
        const string tenant = "00000000-0000-0000-0000-000000000bad";
        var token = SigningAuthority.Token(key, issuer: $"https://login.microsoftonline.com/{tenant}/v2.0", extraClaims: new Dictionary<string, object> { ["tid"] = tenant });

        var check = await CheckAsync(key, token);

        Assert.False(check.Succeeded);
        Assert.Equal("untrusted issuer", check.Reason);
    }
}
