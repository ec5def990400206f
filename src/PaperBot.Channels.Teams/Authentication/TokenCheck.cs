namespace PaperBot.Channels.Teams.Authentication;

/// <summary>The outcome of checking a request's bearer token; <see cref="Reason"/> is for the log only, never the response.</summary>
internal sealed record TokenCheck(bool Succeeded, string Reason)
{
    public static readonly TokenCheck Success = new(true, "valid");

    public static TokenCheck Fail(string reason) => new(false, reason);
}
