using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Channels.Slack.Inbound;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Slack.Tests.Inbound;

public sealed class SlackSignatureVerifierTests
{
    // Slack's documented worked example (PROTOCOLS.md, Slack → Request verification).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const long Timestamp = 1531420618;
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackSignatureVerifier Verifier(long now) =>
        new(new StaticOptions(new SlackOptions { SigningSecret = Secret }), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));

    [Fact]
    public void Verify_SlackDocumentedExample_IsValid()
    {
        Assert.Equal(SignatureCheck.Valid, Verifier(Timestamp).Verify("1531420618", Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_TamperedBody_IsBadSignature()
    {
        var tampered = Body.Replace("roadrunner", "coyote", StringComparison.Ordinal);

        Assert.Equal(SignatureCheck.BadSignature, Verifier(Timestamp).Verify("1531420618", Signature, Encoding.UTF8.GetBytes(tampered)));
    }

    [Fact]
    public void Verify_TamperedSignature_IsBadSignature()
    {
        var tampered = Signature[..^1] + "4";

        Assert.Equal(SignatureCheck.BadSignature, Verifier(Timestamp).Verify("1531420618", tampered, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_TimestampSixMinutesOld_IsStale()
    {
        Assert.Equal(SignatureCheck.StaleTimestamp, Verifier(Timestamp + 360).Verify("1531420618", Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(null, Signature)]
    [InlineData("1531420618", null)]
    [InlineData("", "")]
    public void Verify_MissingHeader_IsMissingHeaders(string? timestamp, string? signature)
    {
        Assert.Equal(SignatureCheck.MissingHeaders, Verifier(Timestamp).Verify(timestamp, signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public async Task PostCommand_SlackDocumentedExampleWithClockAtItsTimestamp_IsAccepted()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack,
            new() { ["Slack:SigningSecret"] = Secret, ["Slack:Command"] = "/webhook-collect", ["Slack:ResponseUrlBase"] = "https://hooks.slack.com/" },
            new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Timestamp)));
        host.Answers.Gate = new TaskCompletionSource(); // nothing leaves the test: the answer never completes

        using var response = await host.Client.SendAsync(
            SlackSigner.Request("/slack/commands", Body, "application/x-www-form-urlencoded", Secret, Timestamp, Signature), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("body")]
    [InlineData("signature")]
    [InlineData("stale")]
    [InlineData("missing")]
    public async Task PostCommand_InvalidSignature_Is401AndNothingProcessed(string fault)
    {
        await using var slack = await FakeSlack.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SlackTestHost.StartAsync(slack, time: clock);
        var body = $"command=%2Fpaper&text=what+is+NSGP&user_id=U1&channel_id=C1&response_url={Uri.EscapeDataString(slack.ResponseUrl("r1").ToString())}";
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var request = fault switch
        {
            "body" => SlackSigner.Request("/slack/commands", body + "x", "application/x-www-form-urlencoded", SlackTestHost.SigningSecret, now,
                SlackSigner.Sign(SlackTestHost.SigningSecret, now, body)),
            "signature" => SlackSigner.Request("/slack/commands", body, "application/x-www-form-urlencoded", SlackTestHost.SigningSecret, now,
                SlackSigner.Sign("another-secret", now, body)),
            "stale" => SlackSigner.Request("/slack/commands", body, "application/x-www-form-urlencoded", SlackTestHost.SigningSecret, now - 360),
            _ => SlackSigner.Request("/slack/commands", body, "application/x-www-form-urlencoded", SlackTestHost.SigningSecret, now),
        };
        if (fault == "missing")
        {
            request.Headers.Remove("X-Slack-Signature");
        }

        using var response = await host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(host.Answers.Asked);
        Assert.Equal(0, host.Services.GetRequiredService<PaperBot.Channels.Slack.Processing.SlackWorkQueue>().Pending);
    }

    [Fact]
    public async Task PostCommand_UnsignedSslCheck_Is200AndNothingProcessed()
    {
        await using var host = await SlackTestHost.StartAsync(null);
        using var content = new StringContent("ssl_check=1&token=abc", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await host.Client.PostAsync("/slack/commands", content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Answers.Asked);
    }

    private sealed class StaticOptions(SlackOptions value) : IOptionsMonitor<SlackOptions>
    {
        public SlackOptions CurrentValue => value;

        public SlackOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SlackOptions, string?> listener) => null;
    }
}
