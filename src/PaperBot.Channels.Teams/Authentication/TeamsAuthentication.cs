using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace PaperBot.Channels.Teams.Authentication;

/// <summary>
/// Who may post activities, as an ASP.NET Core authentication scheme and authorization policy: with an app id, the
/// Bot Connector (a valid channel token, <see cref="ChannelTokenValidator"/>); without one, the Agents Playground on
/// this machine. <c>POST /api/messages</c> requires the policy, so an activity reaches the endpoint only from a caller
/// the scheme let through.
/// </summary>
public static class TeamsAuthentication
{
    /// <summary>The authentication scheme that authenticates Teams callers.</summary>
    public const string Scheme = "TeamsChannel";

    /// <summary>The authorization policy the messages endpoint requires: a caller <see cref="Scheme"/> authenticated.</summary>
    public const string Policy = "TeamsChannel";

    /// <summary>The authentication type of an identity proven by a Bot Connector token.</summary>
    internal const string BotConnectorIdentity = "BotConnector";

    /// <summary>The authentication type of the local Agents Playground, trusted because no app id is configured.</summary>
    internal const string PlaygroundIdentity = "AgentsPlayground";

    /// <summary>The caller's identity when a Bot Connector token proved it, else null (the local Playground, or nobody).</summary>
    internal static ClaimsIdentity? BotConnectorIdentityOf(ClaimsPrincipal user) =>
        user.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == BotConnectorIdentity);

    /// <summary>
    /// Registers the scheme and the policy. No default scheme is set: other endpoints of the host are not the
    /// channel's to guard (the handler stays silent where it is not the one asked to authorize).
    /// </summary>
    internal static IServiceCollection AddTeamsAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TeamsAuthenticationHandler>(Scheme, "Bot Connector token (or the local Agents Playground)", _ => { });
        services.AddAuthorization(options => options.AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()));
        return services;
    }
}
