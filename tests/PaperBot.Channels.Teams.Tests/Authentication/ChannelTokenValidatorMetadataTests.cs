using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaperBot.Channels.Teams.Authentication;
using PaperBot.Channels.Teams.Tests.Support;
using PaperBot.Testing.Loopback;
using static PaperBot.Channels.Teams.Tests.Authentication.TokenChecks;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace PaperBot.Channels.Teams.Tests.Authentication;

/// <summary>When the signing keys cannot be had (the metadata endpoint hangs or refuses), tokens are refused promptly.</summary>
public sealed class ChannelTokenValidatorMetadataTests
{
    [Fact]
    public async Task ValidateAsync_MetadataHangs_FailsPromptly()
    {
        // A server that accepts connections and never answers: the worst case, a hang rather than a refusal.
        await using var metadata = SilentServer.Start();
        using var validator = Validator(metadata.Url("openid"), timeout: TimeSpan.FromSeconds(1));
        var key = TestKey.Create("k1", "msteams");

        var clock = Stopwatch.StartNew();
        var check = await validator.ValidateAsync("Bearer " + SigningAuthority.Token(key), TeamsActivity, TestContext.Current.CancellationToken);
        clock.Stop();

        Assert.False(check.Succeeded);
        Assert.Equal("signing keys unavailable", check.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ValidateAsync_ManyRequestsWhileMetadataHangs_OneFetchThenRefusedAtOnce()
    {
        await using var metadata = SilentServer.Start();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var validator = new ChannelTokenValidator(
            Options.Create(new TeamsOptions
            {
                MicrosoftAppId = SigningAuthority.AppId,
                MicrosoftAppPassword = "not-used",
                BotFrameworkOpenIdMetadataUrl = metadata.Url("openid"),
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

        await metadata.WaitForConnectionAsync(); // the one fetch did reach the server
    }

    [Fact]
    public async Task ValidateAsync_MetadataRefused_FailsPromptly()
    {
        using var validator = Validator($"http://127.0.0.1:{LoopbackPorts.Closed()}/openid", timeout: TimeSpan.FromSeconds(1));

        var clock = Stopwatch.StartNew();
        var check = await validator.ValidateAsync("Bearer " + SigningAuthority.Token(TestKey.Create("k1", "msteams")), TeamsActivity, TestContext.Current.CancellationToken);

        Assert.False(check.Succeeded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
    }
}
