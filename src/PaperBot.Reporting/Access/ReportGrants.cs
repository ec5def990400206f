using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PaperBot.Reporting.Access;

/// <summary>A link to the HTML report and when it stops working.</summary>
public sealed record ReportLink(Uri Url, DateTimeOffset Expires);

/// <summary>Who a valid grant names (<c>slack:U…</c>, <c>teams:…</c>, or <c>deployer</c> for the bearer token) and the window it asked for.</summary>
public sealed record ReportGrant(string Instructor, string? Window);

/// <summary>
/// The instructor check of <c>/report</c>: a link a chat reply gives an instructor carries a grant naming them, signed
/// (HMAC-SHA256) and expiring after <c>Report:LinkMinutes</c>; a deployer may instead send <c>Report:Token</c> as a
/// bearer token. Signatures and tokens are compared in constant time; nothing here is logged.
/// </summary>
public sealed class ReportGrants
{
    private const string Version = "r1";

    private readonly byte[] _key;
    private readonly byte[]? _token;
    private readonly ReportOptions _options;
    private readonly TimeProvider _time;

    public ReportGrants(IOptions<ReportOptions> options, TimeProvider? time = null)
    {
        _options = options.Value;
        _time = time ?? TimeProvider.System;
        _key = string.IsNullOrWhiteSpace(_options.SigningKey)
            ? RandomNumberGenerator.GetBytes(32)
            : SHA256.HashData(Encoding.UTF8.GetBytes(_options.SigningKey.Trim()));
        _token = string.IsNullOrWhiteSpace(_options.Token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(_options.Token.Trim()));
    }

    /// <summary>Whether chat replies can carry a link (the public address is known).</summary>
    public bool LinksEnabled => _options.PublicBase is not null;

    /// <summary>A link to the report for this instructor, or null when <c>Report:PublicBaseUrl</c> is not set.</summary>
    public ReportLink? LinkFor(string instructor, string? window = null)
    {
        if (_options.PublicBase is not { } root)
        {
            return null;
        }

        var expires = _time.GetUtcNow().AddMinutes(_options.LinkMinutes);
        var url = new Uri(root, "report?token=" + Uri.EscapeDataString(Issue(instructor, window, expires)));
        return new ReportLink(url, expires);
    }

    /// <summary>A signed grant: version, expiry (Unix seconds), instructor and window, then the signature.</summary>
    public string Issue(string instructor, string? window, DateTimeOffset expires)
    {
        var payload = $"{Version}\n{expires.ToUnixTimeSeconds()}\n{instructor}\n{window}";
        var bytes = Encoding.UTF8.GetBytes(payload);
        return Base64Url(bytes) + "." + Base64Url(HMACSHA256.HashData(_key, bytes));
    }

    /// <summary>The grant a token carries, or null when it is malformed, tampered with, signed by another key or expired.</summary>
    public ReportGrant? Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048 || token.Split('.') is not [var body, var signature])
        {
            return null;
        }

        byte[] bytes, given;
        try
        {
            bytes = FromBase64Url(body);
            given = FromBase64Url(signature);
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, bytes), given))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('\n');
        if (parts is not [Version, var expiry, var instructor, var window] || !long.TryParse(expiry, out var seconds)
            || DateTimeOffset.FromUnixTimeSeconds(seconds) <= _time.GetUtcNow())
        {
            return null;
        }

        return new ReportGrant(instructor, window.Length == 0 ? null : window);
    }

    /// <summary>Whether a bearer token is <c>Report:Token</c> (never, when it is not set).</summary>
    public bool IsDeployerToken(string? bearer) =>
        _token is not null && !string.IsNullOrEmpty(bearer)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(bearer.Trim())), _token);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
