using System.Net;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Channels.Teams.Authentication;

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

    /// <summary>
    /// Why an anonymous request is refused, or null when its client is this machine itself. A request relayed by a proxy
    /// on this machine looks local too, and any header a proxy adds says the real client is elsewhere.
    /// </summary>
    public static string? AnonymousRefusal(HttpContext context) =>
        !IsLoopback(context.Connection.RemoteIpAddress) ? "the client is not on loopback"
        : ForwardingHeader(context.Request.Headers) is { } header ? $"it was relayed by a proxy ({header})"
        : null;

    public static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>The first header that says a proxy relayed the request (then its client is not this machine), or null.</summary>
    public static string? ForwardingHeader(IHeaderDictionary headers) =>
        headers.Keys.FirstOrDefault(name =>
            ProxyHeaders.Contains(name, StringComparer.OrdinalIgnoreCase)
            || ProxyHeaderPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
}
