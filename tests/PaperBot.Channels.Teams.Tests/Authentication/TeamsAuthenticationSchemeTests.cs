using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Channels.Teams.Authentication;
using PaperBot.Channels.Teams.Tests.Support;
using PaperBot.Testing;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Teams.Tests.Authentication;

/// <summary>
/// The <c>TeamsChannel</c> authentication scheme in the real host, over real HTTP on loopback, with tokens signed by
/// test keys that a loopback stand-in for login.botframework.com publishes.
/// </summary>
public sealed class TeamsAuthenticationSchemeTests : IAsyncLifetime
{
    private static readonly TestKey Key = TestKey.Create("k1", "msteams");

    private SigningAuthority _authority = null!;
    private BotConnectorHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _authority = await SigningAuthority.StartAsync(Key);
        _host = BotConnectorHost.Start(_authority);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Http.Dispose();
        await _host.DisposeAsync();
        await _authority.DisposeAsync();
    }

    private static string Message(string id, string text = "What is the NSGP?", string channelId = "msteams") =>
        $$"""{"type":"message","id":"{{id}}","channelId":"{{channelId}}","serviceUrl":"{{SigningAuthority.ServiceUrl}}","from":{"id":"29:student"},"recipient":{"id":"28:bot"},"conversation":{"id":"chat-{{id}}"},"text":"{{text}}"}""";

    private async Task AssertRefusedAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("token", body, StringComparison.OrdinalIgnoreCase);
        var refusal = Assert.Single(_host.Logged(3003));
        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Logged(3005)); // the activity was never taken in
        Assert.Empty(_host.Answers.Asked);
        _host.AssertNoExceptionLogged();
    }

    [Fact]
    public async Task Post_NoToken_401WithABearerChallenge()
    {
        using var response = await _host.PostAsync(Message("m1"), token: null);

        await AssertRefusedAsync(response, "no Authorization header");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Post_TokenSignedByAnotherKeyWithTheSameKeyId_401()
    {
        var forger = TestKey.Create(Key.KeyId, "msteams");

        using var response = await _host.PostAsync(Message("m2"), SigningAuthority.Token(forger));

        await AssertRefusedAsync(response, "Signature");
    }

    [Fact]
    public async Task Post_TokenExpiredBeyondTheClockSkew_401()
    {
        var now = DateTime.UtcNow;

        using var response = await _host.PostAsync(Message("m3"), SigningAuthority.Token(Key, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)));

        await AssertRefusedAsync(response, "Expired");
    }

    [Fact]
    public async Task Post_TokenForAnotherBot_401()
    {
        using var response = await _host.PostAsync(Message("m4"), SigningAuthority.Token(Key, audience: "some-other-bot"));

        await AssertRefusedAsync(response, "Audience");
    }

    [Fact]
    public async Task Post_UnsignedToken_401()
    {
        using var response = await _host.PostAsync(Message("m5"), SigningAuthority.UnsignedToken(Key.KeyId));

        await AssertRefusedAsync(response, "algorithm 'none' is not allowed");
    }

    [Fact]
    public async Task Post_BadTokenWithAMalformedBody_401BeforeTheBodyIsRead()
    {
        using var response = await _host.PostAsync("{\"type\": \"message\",", "not-a-jwt");

        await AssertRefusedAsync(response, "the token is not a JWT");
        Assert.Empty(_host.Logged(3007));
    }

    [Fact]
    public async Task Post_ValidToken_200AndAnsweredThroughTheBotConnector()
    {
        using var response = await _host.PostAsync(Message("m6"), SigningAuthority.Token(Key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        RecordedRequest reply;
        do
        {
            reply = await _host.NextReplyAsync(); // the typing indicator comes first
        }
        while (!reply.Body.Contains("\"message\"", StringComparison.Ordinal));

        Assert.Equal($"{SigningAuthority.ServiceUrl}v3/conversations/chat-m6/activities/m6", reply.Path);
        Assert.Equal($"Bearer {BotConnectorHost.ConnectorToken}", reply.Authorization);
        Assert.Equal("What is the NSGP?", Assert.Single(_host.Answers.Asked).Question);
        Assert.Empty(_host.Logged(3003));
    }

    [Fact]
    public async Task Post_ValidTokenForAnotherServiceUrl_401NamingTheActivitysServiceUrl()
    {
        using var response = await _host.PostAsync(Message("m7"), SigningAuthority.Token(Key, serviceUrl: "https://smba.trafficmanager.net/emea/"));

        await AssertRefusedAsync(response, "the serviceurl claim does not match the activity");
        Assert.Contains(SigningAuthority.ServiceUrl, Assert.Single(_host.Logged(3003)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ValidTokenFromAKeyNotEndorsingTheChannel_401()
    {
        using var response = await _host.PostAsync(Message("m8", channelId: "webchat"), SigningAuthority.Token(Key));

        await AssertRefusedAsync(response, "the signing key is not endorsed for the channel");
    }

    [Fact]
    public async Task Get_AnotherEndpointWithoutAToken_NotTheChannelsToRefuse()
    {
        using var response = await _host.Http.GetAsync("healthz/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Logged(3003));
    }

    [Fact]
    public void MessagesEndpoint_RequiresTheTeamsPolicy()
    {
        var endpoint = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "TeamsMessages");

        var authorization = Assert.Single(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
        Assert.Equal(TeamsAuthentication.Policy, authorization.Policy);
    }
}
