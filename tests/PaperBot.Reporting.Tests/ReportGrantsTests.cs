using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Reporting.Access;

namespace PaperBot.Reporting.Tests;

public sealed class ReportGrantsTests
{
    private const string Key = "a-signing-key-of-at-least-thirty-two-characters";

    private static ReportGrants Grants(FakeTimeProvider time, string? key = Key, string? token = null, string? baseUrl = "https://bot.example.edu/paperbot") =>
        new(Options.Create(new ReportOptions { SigningKey = key, Token = token, PublicBaseUrl = baseUrl }), time);

    [Fact]
    public void Verify_FreshGrant_NamesTheInstructorAndWindow()
    {
        var time = new FakeTimeProvider();
        var grants = Grants(time);

        var grant = grants.Verify(grants.Issue("slack:UTEACH", "30d", time.GetUtcNow().AddMinutes(5)));

        Assert.Equal(new ReportGrant("slack:UTEACH", "30d"), grant);
    }

    [Fact]
    public void Verify_Expired_Refused()
    {
        var time = new FakeTimeProvider();
        var grants = Grants(time);
        var token = grants.Issue("slack:UTEACH", null, time.GetUtcNow().AddMinutes(60));

        time.Advance(TimeSpan.FromMinutes(61));

        Assert.Null(grants.Verify(token));
    }

    [Fact]
    public void Verify_TamperedOrForeign_Refused()
    {
        var time = new FakeTimeProvider();
        var grants = Grants(time);
        var token = grants.Issue("slack:USTUDENT", null, time.GetUtcNow().AddMinutes(60));
        var other = Grants(time, key: "another-signing-key-of-thirty-two-characters-or-more").Issue("slack:USTUDENT", null, time.GetUtcNow().AddMinutes(60));
        var body = token.Split('.')[0];
        var forged = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"r1\n{time.GetUtcNow().AddDays(9).ToUnixTimeSeconds()}\nslack:USTUDENT\n"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.NotNull(grants.Verify(token));
        Assert.Null(grants.Verify(other));
        Assert.Null(grants.Verify(forged + "." + token.Split('.')[1]));
        Assert.Null(grants.Verify(body + "." + token.Split('.')[1][..^2] + "AA"));
        Assert.Null(grants.Verify(body));
        Assert.Null(grants.Verify("not a token"));
        Assert.Null(grants.Verify(null));
    }

    [Fact]
    public void Verify_NoConfiguredKey_EachProcessSignsWithItsOwn()
    {
        var time = new FakeTimeProvider();
        var one = Grants(time, key: null);

        var token = one.Issue("teams:T1", null, time.GetUtcNow().AddMinutes(5));

        Assert.NotNull(one.Verify(token));
        Assert.Null(Grants(time, key: null).Verify(token));
    }

    [Fact]
    public void LinkFor_PublicBaseUrl_ReportUnderItWithAVerifiableToken()
    {
        var time = new FakeTimeProvider();
        var grants = Grants(time);

        var link = grants.LinkFor("slack:UTEACH", "7d")!;

        Assert.StartsWith("https://bot.example.edu/paperbot/report?token=", link.Url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(time.GetUtcNow().AddMinutes(60), link.Expires);
        var token = Uri.UnescapeDataString(link.Url.Query["?token=".Length..]);
        Assert.Equal("slack:UTEACH", grants.Verify(token)!.Instructor);
    }

    [Fact]
    public void LinkFor_NoPublicBaseUrl_NoLink() =>
        Assert.Null(Grants(new FakeTimeProvider(), baseUrl: null).LinkFor("slack:UTEACH"));

    [Fact]
    public void IsDeployerToken_OnlyTheConfiguredToken()
    {
        var time = new FakeTimeProvider();
        var grants = Grants(time, token: "deployer-token-0123456789abcdef");

        Assert.True(grants.IsDeployerToken("deployer-token-0123456789abcdef"));
        Assert.False(grants.IsDeployerToken("deployer-token-0123456789abcdeX"));
        Assert.False(grants.IsDeployerToken(null));
        Assert.False(Grants(time).IsDeployerToken(""));
    }

    [Theory]
    [InlineData("SigningKey", "short", "Report:SigningKey")]
    [InlineData("Token", "short", "Report:Token")]
    [InlineData("PublicBaseUrl", "ftp://x/", "Report:PublicBaseUrl")]
    [InlineData("PublicBaseUrl", "https://x/?a=1", "Report:PublicBaseUrl")]
    public void Validate_BadSetting_NamesIt(string setting, string value, string named)
    {
        var options = new ReportOptions();
        typeof(ReportOptions).GetProperty(setting)!.SetValue(options, value);

        var result = new ReportOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }
}
