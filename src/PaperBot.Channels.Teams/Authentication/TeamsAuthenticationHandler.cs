using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace PaperBot.Channels.Teams.Authentication;

/// <summary>
/// The <see cref="TeamsAuthentication.Scheme"/> scheme. With an app id, the caller is the Bot Connector when its bearer
/// token passes <see cref="ChannelTokenValidator.AuthenticateAsync"/> (the checks that need the activity are the
/// endpoint's, once the body is read); without one, the caller is the Agents Playground when the request comes from
/// loopback and no proxy relayed it. Why a request was refused is logged once, when the policy challenges it: an app
/// whose only scheme this is runs it on every request, and a health probe without a token is nobody's failure.
/// </summary>
internal sealed class TeamsAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly TeamsOptions _teams;
    private readonly ChannelTokenValidator _tokens;
    private readonly ILogger<TeamsAuthenticationHandler> _logger;
    private string? _refusal;

    // The base class's own lines ("was not authenticated", "was challenged") would repeat, at Information and under
    // other event ids, what this handler logs once with the reason; so it gets no logger.
    public TeamsAuthenticationHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
        ILoggerFactory loggers,
        UrlEncoder encoder,
        IOptions<TeamsOptions> teams,
        ChannelTokenValidator tokens)
        : base(schemeOptions, NullLoggerFactory.Instance, encoder)
    {
        _teams = teams.Value;
        _tokens = tokens;
        _logger = loggers.CreateLogger<TeamsAuthenticationHandler>();
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!_teams.HasAppId)
        {
            return AuthenticatePlayground();
        }

        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            _refusal = "no Authorization header";
            return AuthenticateResult.NoResult();
        }

        var check = await _tokens.AuthenticateAsync(authorization, Context.RequestAborted);
        if (!check.Succeeded)
        {
            _refusal = check.Reason;
            return AuthenticateResult.Fail(check.Reason);
        }

        return Success(check.Identity!);
    }

    private AuthenticateResult AuthenticatePlayground()
    {
        _refusal = LoopbackClient.AnonymousRefusal(Context);
        return _refusal is null
            ? Success(new ClaimsIdentity(authenticationType: TeamsAuthentication.PlaygroundIdentity))
            : AuthenticateResult.Fail(_refusal);
    }

    private AuthenticateResult Success(ClaimsIdentity identity) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));

    /// <summary>401 with no detail in the response; the reason goes to the log (event 3003, or 3002 without an app id).</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await HandleAuthenticateOnceSafeAsync(); // the result is kept per request: this only makes sure the reason is known
        var reason = _refusal ?? "not authenticated";
        if (_teams.HasAppId)
        {
            Log.TokenRejected(_logger, reason, null, null);
            Response.Headers.WWWAuthenticate = "Bearer";
        }
        else
        {
            Log.AnonymousRemoteRefused(_logger, reason);
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
    }
}
