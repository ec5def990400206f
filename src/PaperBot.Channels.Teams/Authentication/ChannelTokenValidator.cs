using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;
using PaperBot.Channels.Teams.Protocol;

namespace PaperBot.Channels.Teams.Authentication;

/// <summary>
/// Checks the bearer token the Bot Connector (or Entra ID on its behalf) puts on every activity, in Bot Framework's
/// order: header shape, algorithm, issuer, signature with the issuer's published keys (refreshed once on an unknown
/// key id), lifetime with 5 minutes of skew, audience = the bot's app id, the signing key's endorsement of the
/// activity's channel, and the <c>serviceurl</c> claim = the activity's serviceUrl.
/// </summary>
internal sealed class ChannelTokenValidator : IDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The Bot Framework's own tenants, whose Entra tokens are channel tokens too.</summary>
    internal static readonly string[] BotFrameworkTenants =
        ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a", "69e9b82d-4842-4902-8d1e-abc5b98a55e8"];

    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions _options;
    private readonly ILogger<ChannelTokenValidator> _logger;
    private readonly HttpClient _metadataHttp;
    private readonly SigningKeySource _botFramework;
    private readonly SigningKeySource _entra;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    private readonly TimeProvider _time;

    public ChannelTokenValidator(IOptions<TeamsOptions> options, ILogger<ChannelTokenValidator> logger, TimeProvider? time = null)
    {
        _options = options.Value;
        _logger = logger;
        _time = time ?? TimeProvider.System;

        // Metadata fetches are bounded by the client's timeout so a dead identity endpoint refuses requests promptly
        // instead of holding them; ConfigurationManager then backs off and fetches again on a later request.
        _metadataHttp = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = _options.MetadataTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        })
        {
            Timeout = _options.MetadataTimeout,
        };
        _botFramework = CreateManager(_options.BotFrameworkOpenIdMetadataUrl);
        _entra = CreateManager(_options.EntraOpenIdMetadataUrl);
    }

    private SigningKeySource CreateManager(string address)
    {
        var loopback = Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback;
        var documents = new HttpDocumentRetriever(_metadataHttp) { RequireHttps = !loopback };
        return new SigningKeySource(address, new SigningMetadataRetriever(), documents, _options.MetadataRefreshInterval, _options.MetadataTimeout, _options.MetadataFailureMemory, _time);
    }

    /// <summary>The key sources (Bot Framework, Entra), for tests that count fetches.</summary>
    internal (SigningKeySource BotFramework, SigningKeySource Entra) KeySources => (_botFramework, _entra);

    public async Task<TokenCheck> ValidateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(authorization, activity, cancellationToken);
        if (!check.Succeeded)
        {
            Log.TokenRejected(_logger, check.Reason, activity.ChannelId, activity.ServiceUrl);
        }

        return check;
    }

    private async Task<TokenCheck> CheckAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return TokenCheck.Fail("no Authorization header");
        }

        // The scheme is case-insensitive (RFC 9110 §11.1); the token is what follows it.
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || authorization.Length == scheme.Length)
        {
            return TokenCheck.Fail("the Authorization header is not a Bearer token");
        }

        var raw = authorization[scheme.Length..].Trim();
        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(raw);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return TokenCheck.Fail("the token is not a JWT");
        }

        if (!Algorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return TokenCheck.Fail($"algorithm '{token.Alg}' is not allowed");
        }

        var issuer = token.Issuer;
        var fromBotFramework = string.Equals(issuer, BotFrameworkIssuer, StringComparison.Ordinal);
        var validIssuers = fromBotFramework ? [BotFrameworkIssuer] : EntraIssuers();
        if (!validIssuers.Contains(issuer, StringComparer.Ordinal))
        {
            return TokenCheck.Fail("untrusted issuer");
        }

        var keys = fromBotFramework ? _botFramework : _entra;
        SigningMetadata metadata;
        try
        {
            metadata = await keys.GetAsync(token.Kid, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.MetadataUnavailable(_logger, keys.MetadataAddress, ex.GetType().Name);
            return TokenCheck.Fail("signing keys unavailable");
        }

        if (!metadata.HasKey(token.Kid))
        {
            return TokenCheck.Fail("unknown signing key");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = validIssuers,
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKeys = metadata.Keys,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        };
        var result = await _handler.ValidateTokenAsync(raw, parameters);
        if (!result.IsValid)
        {
            return TokenCheck.Fail(result.Exception?.GetType().Name ?? "invalid token");
        }

        // Bot Framework keys always say which channels they sign for; Entra keys have no endorsements, so for them
        // the check applies only when the key lists some.
        var endorsed = metadata.Endorsements.TryGetValue(token.Kid, out var channels);
        if ((fromBotFramework && !endorsed) || (endorsed && !channels!.Contains(activity.ChannelId ?? "", StringComparer.OrdinalIgnoreCase)))
        {
            return TokenCheck.Fail("the signing key is not endorsed for the channel");
        }

        if (!fromBotFramework && !EntraTenantMatches(token))
        {
            return TokenCheck.Fail("the tid claim does not match the issuer");
        }

        var serviceUrl = token.TryGetPayloadValue<string>("serviceurl", out var claim) ? claim : null;
        if (string.IsNullOrEmpty(serviceUrl) || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Fail("the serviceurl claim does not match the activity");
        }

        return TokenCheck.Success;
    }

    private string[] EntraIssuers()
    {
        var tenants = string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId)
            ? BotFrameworkTenants
            : [_options.MicrosoftAppTenantId, .. BotFrameworkTenants];
        return [.. tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" })];
    }

    private static bool EntraTenantMatches(JsonWebToken token) =>
        token.TryGetPayloadValue<string>("tid", out var tid) && !string.IsNullOrEmpty(tid) && token.Issuer.Contains($"/{tid}/", StringComparison.OrdinalIgnoreCase);

    public void Dispose() => _metadataHttp.Dispose();
}

/// <summary>Whether a request comes from this machine (anonymous access is allowed only from there).</summary>
internal static class LoopbackClient
{
    /// <summary>Headers that only a proxy or load balancer adds; a prefix match covers the X-Forwarded-* and X-Original-* families.</summary>
    private static readonly string[] ProxyHeaders =
    [
        "Forwarded", "Via", "X-Real-IP", "X-Client-IP", "Client-IP", "True-Client-IP", "CF-Connecting-IP", "Fastly-Client-IP",
        "X-Cluster-Client-IP", "X-ProxyUser-Ip", "X-Envoy-External-Address", "X-Azure-ClientIP", "X-Azure-SocketIP", "X-ARR-ClientIP",
    ];

    private static readonly string[] ProxyHeaderPrefixes = ["X-Forwarded", "X-Original-"];

    public static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>The first header that says a proxy relayed the request (then its client is not this machine), or null.</summary>
    public static string? ForwardingHeader(Microsoft.AspNetCore.Http.IHeaderDictionary headers) =>
        headers.Keys.FirstOrDefault(name =>
            ProxyHeaders.Contains(name, StringComparer.OrdinalIgnoreCase)
            || ProxyHeaderPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
}
