using Microsoft.Extensions.Options;

namespace PaperBot.Reporting;

/// <summary>
/// The <c>Report</c> configuration section: where the HTML report is served and how its links are signed.
/// <see cref="SigningKey"/> and <see cref="Token"/> are secrets: environment (<c>Report__SigningKey</c>) or
/// user-secrets only, never a settings file.
/// </summary>
public sealed class ReportOptions
{
    public const string SectionName = "Report";

    /// <summary>
    /// The key that signs the report links a chat reply carries. Absent: a random key per process, so a link works
    /// only on the replica that made it and only until it restarts. At least 32 characters.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>A bearer token (<c>Authorization: Bearer …</c>) that opens <c>/report</c> directly, for a deployer. Absent: off. At least 24 characters.</summary>
    public string? Token { get; set; }

    /// <summary>The host's public address (<c>https://bot.example.edu/</c>); absent, chat replies carry the text report only, no link.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a report link works.</summary>
    public int LinkMinutes { get; set; } = 60;

    internal Uri? PublicBase => Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri)
        ? new Uri(uri.AbsoluteUri.EndsWith('/') ? uri.AbsoluteUri : uri.AbsoluteUri + "/")
        : null;

    internal IEnumerable<string> Validate()
    {
        if (!string.IsNullOrEmpty(SigningKey) && SigningKey.Trim().Length < 32)
        {
            yield return "Report:SigningKey must be at least 32 characters (set Report__SigningKey, e.g. from `openssl rand -base64 48`).";
        }

        if (!string.IsNullOrEmpty(Token) && Token.Trim().Length < 24)
        {
            yield return "Report:Token must be at least 24 characters (set Report__Token, e.g. from `openssl rand -base64 32`).";
        }

        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0))
        {
            yield return "Report:PublicBaseUrl must be an absolute http(s) URL without query or user info, e.g. https://bot.example.edu/.";
        }

        if (LinkMinutes is < 1 or > 1440)
        {
            yield return "Report:LinkMinutes must be between 1 and 1440.";
        }
    }
}

/// <summary>Misconfiguration stops the host at start with messages that name the setting.</summary>
internal sealed class ReportOptionsValidator : IValidateOptions<ReportOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
