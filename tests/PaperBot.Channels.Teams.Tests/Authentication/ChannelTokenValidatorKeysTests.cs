using PaperBot.Channels.Teams.Tests.Support;
using static PaperBot.Channels.Teams.Tests.Authentication.TokenChecks;

namespace PaperBot.Channels.Teams.Tests.Authentication;

/// <summary>Who signed a token: a published key endorsed for the channel, a real signature over an untouched token, a well-formed header.</summary>
public sealed class ChannelTokenValidatorKeysTests
{
    [Fact]
    public async Task ValidateAsync_UnknownKidThenRefresh_SucceedsWithNewKey()
    {
        var old = TestKey.Create("old", "msteams");
        var rolled = TestKey.Create("rolled", "msteams");
        await using var authority = await SigningAuthority.StartAsync(old);
        using var validator = Validator(authority.MetadataUrl);
        var ct = TestContext.Current.CancellationToken;
        Assert.True((await validator.ValidateAsync("Bearer " + SigningAuthority.Token(old), TeamsActivity, ct)).Succeeded);
        var fetchesBefore = authority.JwksFetches;

        authority.PublishedKeys.Add(rolled);
        var check = await validator.ValidateAsync("Bearer " + SigningAuthority.Token(rolled), TeamsActivity, ct);

        Assert.True(check.Succeeded, check.Reason);
        Assert.True(authority.JwksFetches > fetchesBefore, "the keys were fetched again");
    }

    [Fact]
    public async Task ValidateAsync_KidNeverPublished_Fails()
    {
        var published = TestKey.Create("published", "msteams");
        await using var authority = await SigningAuthority.StartAsync(published);
        using var validator = Validator(authority.MetadataUrl);

        var check = await validator.ValidateAsync("Bearer " + SigningAuthority.Token(TestKey.Create("stranger", "msteams")), TeamsActivity, TestContext.Current.CancellationToken);

        Assert.False(check.Succeeded);
        Assert.Equal("unknown signing key", check.Reason);
    }

    [Fact]
    public async Task ValidateAsync_KeyNotEndorsedForChannel_Fails()
    {
        var key = TestKey.Create("k1", "skype", "webchat");

        var check = await CheckAsync(key, SigningAuthority.Token(key));

        Assert.False(check.Succeeded);
        Assert.Equal("the signing key is not endorsed for the channel", check.Reason);
    }

    [Fact]
    public async Task ValidateAsync_KeyWithoutEndorsements_Fails()
    {
        var key = TestKey.Create("k1", null);

        var check = await CheckAsync(key, SigningAuthority.Token(key));

        Assert.False(check.Succeeded);
        Assert.Equal("the signing key is not endorsed for the channel", check.Reason);
    }

    [Fact]
    public async Task ValidateAsync_AlgNone_Fails()
    {
        var key = TestKey.Create("k1", "msteams");

        var check = await CheckAsync(key, SigningAuthority.UnsignedToken("k1"));

        Assert.False(check.Succeeded);
        Assert.Equal("algorithm 'none' is not allowed", check.Reason);
    }

    [Fact]
    public async Task ValidateAsync_TamperedSignature_Fails()
    {
        var key = TestKey.Create("k1", "msteams");
        var token = SigningAuthority.Token(key);
        var signatureStart = token.LastIndexOf('.') + 1;
        var position = signatureStart + 10;
        var tampered = token[..position] + (token[position] == 'A' ? 'B' : 'A') + token[(position + 1)..];

        var check = await CheckAsync(key, tampered);

        Assert.False(check.Succeeded);
        Assert.Contains("Signature", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_TamperedPayload_Fails()
    {
        var key = TestKey.Create("k1", "msteams");
        var parts = SigningAuthority.Token(key).Split('.');
        var forged = SigningAuthority.Token(key, extraClaims: new Dictionary<string, object> { ["role"] = "admin" }).Split('.');

        var check = await CheckAsync(key, $"{parts[0]}.{forged[1]}.{parts[2]}");

        Assert.False(check.Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-jwt")]
    public async Task ValidateAsync_MalformedHeader_Fails(string header)
    {
        await using var authority = await SigningAuthority.StartAsync(TestKey.Create("k1", "msteams"));
        using var validator = Validator(authority.MetadataUrl);

        var check = await validator.ValidateAsync(header, TeamsActivity, TestContext.Current.CancellationToken);

        Assert.False(check.Succeeded);
    }

    [Theory]
    [InlineData("bearer ")]
    [InlineData("BEARER ")]
    [InlineData("Bearer ")]
    public async Task ValidateAsync_SchemeInAnyCase_Succeeds(string scheme)
    {
        var key = TestKey.Create("k1", "msteams");
        await using var authority = await SigningAuthority.StartAsync(key);
        using var validator = Validator(authority.MetadataUrl);

        var check = await validator.ValidateAsync(scheme + SigningAuthority.Token(key), TeamsActivity, TestContext.Current.CancellationToken);

        Assert.True(check.Succeeded, check.Reason);
    }
}
