using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Teams.Tests.Support;

/// <summary>A key the fake identity provider signs with, and the channels it is endorsed for.</summary>
public sealed record TestKey(string KeyId, RSA Rsa, IReadOnlyList<string>? Endorsements)
{
    public static TestKey Create(string keyId, params string[]? endorsements) => new(keyId, RSA.Create(2048), endorsements);
}

/// <summary>
/// A stand-in for login.botframework.com: serves an OpenID metadata document and a JWKS (with endorsements) over
/// loopback HTTP, and mints tokens with its keys. <see cref="PublishedKeys"/> can change between fetches.
/// </summary>
public sealed class SigningAuthority : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private LoopbackServer _server = null!;

    /// <summary>The keys the JWKS lists on the next fetch.</summary>
    public List<TestKey> PublishedKeys { get; } = [];

    public int JwksFetches { get; private set; }

    public string MetadataUrl => new Uri(_server.BaseUrl, "openid").ToString();

    public static async Task<SigningAuthority> StartAsync(params TestKey[] keys)
    {
        var authority = new SigningAuthority();
        authority.PublishedKeys.AddRange(keys);
        authority._server = await LoopbackServer.StartAsync(authority.Answer);
        return authority;
    }

    private ScriptedResponse Answer(RecordedRequest request)
    {
        if (request.Path == "/openid")
        {
            var metadata = new Dictionary<string, object>
            {
                ["issuer"] = BotFrameworkIssuer,
                ["jwks_uri"] = new Uri(_server.BaseUrl, "keys").ToString(),
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            };
            return ScriptedResponse.Json(JsonSerializer.Serialize(metadata));
        }

        JwksFetches++;
        return ScriptedResponse.Json(Jwks([.. PublishedKeys]));
    }

    public static string Jwks(IEnumerable<TestKey> keys) => JsonSerializer.Serialize(new
    {
        keys = keys.Select(k =>
        {
            var p = k.Rsa.ExportParameters(false);
            var key = new Dictionary<string, object>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = k.KeyId,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            };
            if (k.Endorsements is not null)
            {
                key["endorsements"] = k.Endorsements;
            }

            return key;
        }),
    });

    /// <summary>A token as the Bot Connector would send it, with any part overridden.</summary>
    public static string Token(
        TestKey key,
        string issuer = BotFrameworkIssuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        DateTime? notBefore = null,
        DateTime? expires = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        IDictionary<string, object>? extraClaims = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key.Rsa) { KeyId = key.KeyId }, algorithm),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) that is otherwise valid.</summary>
    public static string UnsignedToken(string keyId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { alg = "none", typ = "JWT", kid = keyId })));
        var payload = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            iss = BotFrameworkIssuer,
            aud = AppId,
            serviceurl = ServiceUrl,
            nbf = now - 60,
            exp = now + 3600,
        })));
        return $"{header}.{payload}.";
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
