using Microsoft.Extensions.Options;

namespace PaperBot.Channels.Teams.Connector;

/// <summary>
/// Where replies may go. With an app id, a reply (and so a token) goes only to an https serviceUrl that arrived in
/// an authenticated activity and whose host is on the allow-list; without one (local development) only to the
/// Agents Playground's address (<see cref="TeamsOptions.PlaygroundServiceUrl"/>), so an anonymous caller cannot turn the
/// bot into a request relay to any other service on this machine.
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
            : IsPlayground(uri);
        if (allowed)
        {
            target = uri;
        }

        return allowed;
    }

    internal bool IsPlayground(Uri uri) =>
        Uri.TryCreate(options.Value.PlaygroundServiceUrl, UriKind.Absolute, out var playground)
        && uri.IsLoopback && playground.IsLoopback
        && uri.Scheme == playground.Scheme
        && uri.Port == playground.Port
        && uri.UserInfo.Length == 0
        && uri.AbsolutePath.StartsWith(playground.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);

    internal bool IsAllowedHost(string host) =>
        options.Value.EffectiveAllowedHosts.Any(allowed =>
            string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + allowed, StringComparison.OrdinalIgnoreCase));
}
