using System.Security.Claims;

namespace PaperBot.Channels.Teams.Authentication;

/// <summary>
/// The outcome of checking a request's bearer token; <see cref="Reason"/> is for the log only, never the response.
/// A token that passed carries its <see cref="Identity"/>: the token's claims, and the channels its signing key endorses.
/// </summary>
internal sealed record TokenCheck(bool Succeeded, string Reason, ClaimsIdentity? Identity = null)
{
    public static readonly TokenCheck Success = new(true, "valid");

    public static TokenCheck Fail(string reason) => new(false, reason);

    public static TokenCheck Authenticated(ClaimsIdentity identity) => new(true, "valid", identity);
}
