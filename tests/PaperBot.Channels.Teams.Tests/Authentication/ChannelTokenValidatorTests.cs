using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaperBot.Channels.Teams.Authentication;
using PaperBot.Channels.Teams.Protocol;
using PaperBot.Channels.Teams.Tests.Support;

namespace PaperBot.Channels.Teams.Tests.Authentication;

public sealed class ChannelTokenValidatorTests
{
    private static readonly Activity TeamsActivity = new()
    {
        Type = "message",
        ChannelId = "msteams",
        ServiceUrl = SigningAuthority.ServiceUrl,
    };

    private static ChannelTokenValidator Validator(string botFrameworkMetadata, TimeSpan? timeout = null) => new(
        Options.Create(new TeamsOptions
        {
            MicrosoftAppId = SigningAuthority.AppId,
            MicrosoftAppPassword = "not-used",
            BotFrameworkOpenIdMetadataUrl = botFrameworkMetadata,
            EntraOpenIdMetadataUrl = botFrameworkMetadata,
            MetadataTimeout = timeout ?? TimeSpan.FromSeconds(3),
            MetadataRefreshInterval = TimeSpan.FromSeconds(1),
        }),
        NullLogger<ChannelTokenValidator>.Instance);

    private static async Task<TokenCheck> CheckAsync(TestKey published, string token, Activity? activity = null)
    {
        await using var authority = await SigningAuthority.StartAsync(published);
        using var validator = Validator(authority.MetadataUrl);
        return await validator.ValidateAsync("Bearer " + token, activity ?? TeamsActivity, TestContext.Current.CancellationToken);
    }

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

    [Fact]
    public async Task ValidateAsync_MetadataHangs_FailsPromptly()
    {
        // A server that accepts connections and never answers: the worst case, a hang rather than a refusal.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var validator = Validator($"http://127.0.0.1:{port}/openid", timeout: TimeSpan.FromSeconds(1));
        var key = TestKey.Create("k1", "msteams");

        var clock = Stopwatch.StartNew();
        var check = await validator.ValidateAsync("Bearer " + SigningAuthority.Token(key), TeamsActivity, TestContext.Current.CancellationToken);
        clock.Stop();

        Assert.False(check.Succeeded);
        Assert.Equal("signing keys unavailable", check.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
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

    [Fact]
    public async Task ValidateAsync_ManyRequestsWhileMetadataHangs_OneFetchThenRefusedAtOnce()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var connections = 0;
        var held = new List<TcpClient>();
        var accepting = Task.Run(
            async () =>
        {
            try
            {
                while (true)
                {
                    held.Add(await listener.AcceptTcpClientAsync(TestContext.Current.CancellationToken));
                    Interlocked.Increment(ref connections);
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // the listener was stopped
            }
        },
            TestContext.Current.CancellationToken);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var validator = new ChannelTokenValidator(
            Options.Create(new TeamsOptions
            {
                MicrosoftAppId = SigningAuthority.AppId,
                MicrosoftAppPassword = "not-used",
                BotFrameworkOpenIdMetadataUrl = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/openid",
                MetadataTimeout = TimeSpan.FromSeconds(1),
                MetadataFailureMemory = TimeSpan.FromSeconds(10),
            }),
            NullLogger<ChannelTokenValidator>.Instance,
            clock);
        var token = "Bearer " + SigningAuthority.Token(TestKey.Create("k1", "msteams"));
        var ct = TestContext.Current.CancellationToken;

        var checks = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => validator.ValidateAsync(token, TeamsActivity, ct)));

        Assert.All(checks, c => Assert.Equal("signing keys unavailable", c.Reason));
        Assert.Equal(1, validator.KeySources.BotFramework.Fetches);

        var watch = Stopwatch.StartNew();
        var remembered = await validator.ValidateAsync(token, TeamsActivity, ct);
        watch.Stop();

        Assert.Equal("signing keys unavailable", remembered.Reason);
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(500), $"refused at once, not after the timeout: {watch.Elapsed}");
        Assert.Equal(1, validator.KeySources.BotFramework.Fetches);

        clock.Advance(TimeSpan.FromSeconds(11));
        await validator.ValidateAsync(token, TeamsActivity, ct);
        Assert.Equal(2, validator.KeySources.BotFramework.Fetches);

        listener.Stop();
        await accepting;
        held.ForEach(c => c.Dispose());
        Assert.True(connections >= 1);
    }

    [Fact]
    public async Task ValidateAsync_MetadataRefused_FailsPromptly()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var validator = Validator($"http://127.0.0.1:{port}/openid", timeout: TimeSpan.FromSeconds(1));

        var clock = Stopwatch.StartNew();
        var check = await validator.ValidateAsync("Bearer " + SigningAuthority.Token(TestKey.Create("k1", "msteams")), TeamsActivity, TestContext.Current.CancellationToken);

        Assert.False(check.Succeeded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
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

/// <summary>Algorithm names as constants usable in attributes.</summary>
internal static class SecurityAlgorithmsNames
{
    public const string Rs384 = "RS384";
    public const string Rs512 = "RS512";
}
