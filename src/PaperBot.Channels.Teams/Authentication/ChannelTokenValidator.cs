using System.Security.Claims;
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
/// activity's channel, and the <c>serviceurl</c> claim = the activity's serviceUrl. The last two need the activity,
/// so the checks come in two halves: <see cref="AuthenticateAsync"/> for the authentication scheme, before the body is
/// read, and <see cref="CheckActivity"/> for the endpoint, once it is.
/// </summary>
internal sealed class ChannelTokenValidator : IDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The Bot Framework's own tenants, whose Entra tokens are channel tokens too.</summary>
    internal static readonly string[] BotFrameworkTenants =
        ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a", "69e9b82d-4842-4902-8d1e-abc5b98a55e8"];

    /// <summary>A channel the token's signing key endorses (from the key's <c>endorsements</c>, never from the token).</summary>
    internal const string EndorsementClaim = "https://paperbot.invalid/claims/teams/endorsement";

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

    /// <summary>
    /// Both halves at once, where the header and the activity are at hand together; a refusal is logged with the
    /// activity's channel and serviceUrl.
    /// </summary>
    public async Task<TokenCheck> ValidateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        var check = await AuthenticateAsync(authorization, cancellationToken);
        if (check.Succeeded)
        {
            check = CheckActivity(check.Identity!, activity);
        }

        if (!check.Succeeded)
        {
            Log.TokenRejected(_logger, check.Reason, activity.ChannelId, activity.ServiceUrl);
        }

        return check;
    }

    /// <summary>
    /// What can be checked before the body is read: header shape, algorithm, issuer, signature, lifetime, audience,
    /// the tenant of an Entra token, and that the signing key endorses some channel if it must. The identity it returns
    /// carries the token's claims (names as in the token: <c>serviceurl</c>, <c>aud</c> …) and one
    /// <see cref="EndorsementClaim"/> per channel the key endorses, for <see cref="CheckActivity"/>.
    /// </summary>
    public async Task<TokenCheck> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
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
            AuthenticationType = TeamsAuthentication.BotConnectorIdentity,
        };
        var result = await _handler.ValidateTokenAsync(raw, parameters);
        if (!result.IsValid)
        {
            return TokenCheck.Fail(result.Exception?.GetType().Name ?? "invalid token");
        }

        // Bot Framework keys always say which channels they sign for; Entra keys have no endorsements, so for them
        // the check applies only when the key lists some. A key that lists none endorses no channel at all.
        var endorsed = metadata.Endorsements.TryGetValue(token.Kid, out var channels);
        if ((fromBotFramework && !endorsed) || (endorsed && channels!.Count == 0))
        {
            return TokenCheck.Fail("the signing key is not endorsed for the channel");
        }

        if (!fromBotFramework && !EntraTenantMatches(token))
        {
            return TokenCheck.Fail("the tid claim does not match the issuer");
        }

        var identity = result.ClaimsIdentity;
        foreach (var claim in identity.FindAll(EndorsementClaim).ToList())
        {
            identity.RemoveClaim(claim); // only the key's own endorsements count, never a claim of that name in the token
        }

        identity.AddClaims((channels ?? []).Select(channel => new Claim(EndorsementClaim, channel)));
        return TokenCheck.Authenticated(identity);
    }

    /// <summary>
    /// What needs the activity, on an identity <see cref="AuthenticateAsync"/> made: the signing key endorses the
    /// activity's channel (when the key lists channels), and the <c>serviceurl</c> claim is the activity's serviceUrl.
    /// </summary>
    public static TokenCheck CheckActivity(ClaimsIdentity identity, Activity activity)
    {
        var endorsements = identity.FindAll(EndorsementClaim).Select(c => c.Value).ToList();
        if (endorsements.Count > 0 && !endorsements.Contains(activity.ChannelId ?? "", StringComparer.OrdinalIgnoreCase))
        {
            return TokenCheck.Fail("the signing key is not endorsed for the channel");
        }

        var serviceUrl = identity.FindFirst("serviceurl")?.Value;
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
