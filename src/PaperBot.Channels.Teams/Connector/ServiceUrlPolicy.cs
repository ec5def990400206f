using Microsoft.Extensions.Options;

namespace PaperBot.Channels.Teams.Connector;

/// <summary>
/// Where replies may go. With an app id, a reply (and so a token) goes only to an https serviceUrl that arrived in
/// an authenticated activity and whose host is on the allow-list; without one (local development) only to loopback,
/// so an anonymous caller cannot turn the bot into a request relay.
/// </summary>
internal sealed class ServiceUrlPolicy(IOptions<TeamsOptions> options)
{
    public bool TryGetReplyTarget(string? serviceUrl, bool authenticated, out Uri target)
    {
        target = null!;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        var allowed = options.Value.HasAppId
            ? authenticated && uri.Scheme == Uri.UriSchemeHttps && IsAllowedHost(uri.Host)
            : uri.IsLoopback;
        if (allowed)
        {
            target = uri;
        }

        return allowed;
    }

    internal bool IsAllowedHost(string host) =>
        options.Value.EffectiveAllowedHosts.Any(allowed =>
            string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + allowed, StringComparison.OrdinalIgnoreCase));
}
