using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PaperBot.Channels.Teams;

/// <summary>How PaperBot's Teams channel authenticates and reaches the Bot Connector (configuration section <c>Teams</c>).</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The Azure Bot's app (client) id. Empty: local development, anonymous requests from loopback only.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret. Set it with <c>Teams__MicrosoftAppPassword</c> or user-secrets, never in a file.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary><c>MultiTenant</c>, <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string MicrosoftAppType { get; set; } = "MultiTenant";

    /// <summary>The bot's Entra tenant; required for SingleTenant and UserAssignedMSI.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of Bot Framework channel tokens.</summary>
    public string BotFrameworkOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata of Entra ID-issued channel tokens.</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>How long fetching signing keys may take before a request is refused.</summary>
    public TimeSpan MetadataTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a failed signing-key fetch is remembered: meanwhile requests that need keys are refused at once rather
    /// than each waiting <see cref="MetadataTimeout"/> on a server known to be down.
    /// </summary>
    public TimeSpan MetadataFailureMemory { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The shortest time between two key refreshes caused by an unknown key id.</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Hosts (and their subdomains) a reply token may be sent to.</summary>
    public IList<string> AllowedServiceUrlHosts { get; set; } = [];

    /// <summary>The largest activity accepted, in bytes.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>How long preparing one answer may take before the turn is given up (and logged).</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one reply attempt to the Bot Connector may take.</summary>
    public TimeSpan ReplyAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first retry delay for replies (exponential backoff, unless the connector sends Retry-After).</summary>
    public TimeSpan ReplyRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a throttled or failed reply is retried.</summary>
    public int ReplyMaxRetries { get; set; } = 4;

    /// <summary>
    /// Without an app id (local development) replies go only here: the Agents Playground's connector. Any loopback name
    /// (localhost, 127.0.0.1, ::1) matches; the port must match and the path must start with this one's.
    /// </summary>
    public string PlaygroundServiceUrl { get; set; } = "http://localhost:56150/_connector";

    /// <summary>Questions one user may ask per minute; beyond it they are told when to ask again. 0 turns the limit off.</summary>
    public int QuestionsPerMinute { get; set; } = 20;

    /// <summary>How many turns are answered at once; the rest wait in the queue.</summary>
    public int MaxConcurrentAnswers { get; set; } = 4;

    /// <summary>How many accepted turns may wait; beyond it the Bot Connector gets 503 and retries later.</summary>
    public int QueueCapacity { get; set; } = 256;

    /// <summary>Example questions for the welcome; when empty (the default), those the answer service draws from the readings.</summary>
    public IList<string> WelcomeQuestions { get; set; } = [];

    /// <summary>
    /// The users who may see the instructor's report (<c>report</c> in a 1:1 chat): each an AAD object id or a Teams
    /// user id (<c>29:…</c>). Empty: nobody.
    /// </summary>
    public IList<string> Instructors { get; set; } = [];

    internal bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The Bot Framework's own setting names, read at the root of the configuration as its SDK reads them.</summary>
    internal static readonly string[] BotFrameworkNames = ["MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppType", "MicrosoftAppTenantId"];

    /// <summary>
    /// Bot Framework samples and Azure's templates configure <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>,
    /// <c>MicrosoftAppType</c> and <c>MicrosoftAppTenantId</c> at the root. Each is taken when its <c>Teams:</c>
    /// namesake is not set; <c>Teams:*</c> wins when both are.
    /// </summary>
    internal static void ApplyBotFrameworkNames(TeamsOptions options, IConfiguration configuration)
    {
        foreach (var name in BotFrameworkNames)
        {
            var value = configuration[name];
            if (string.IsNullOrWhiteSpace(value) || !string.IsNullOrWhiteSpace(configuration[$"{Section}:{name}"]))
            {
                continue;
            }

            switch (name)
            {
                case "MicrosoftAppId": options.MicrosoftAppId = value; break;
                case "MicrosoftAppPassword": options.MicrosoftAppPassword = value; break;
                case "MicrosoftAppType": options.MicrosoftAppType = value; break;
                default: options.MicrosoftAppTenantId = value; break;
            }
        }
    }

    internal static readonly string[] DefaultAllowedHosts = ["botframework.com", "smba.trafficmanager.net", "teams.microsoft.com", "teams.microsoft.us"];

    internal IReadOnlyList<string> EffectiveAllowedHosts => AllowedServiceUrlHosts.Count > 0 ? [.. AllowedServiceUrlHosts] : DefaultAllowedHosts;
}

/// <summary>Checks the Teams settings at start, naming the setting that is wrong.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        string[] types = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];
        if (!types.Contains(options.MicrosoftAppType, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Teams:MicrosoftAppType must be one of {string.Join(", ", types)} (it is '{options.MicrosoftAppType}').");
        }

        if (options.HasAppId)
        {
            var isMsi = string.Equals(options.MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
            if (!isMsi && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add("Teams:MicrosoftAppPassword (or MicrosoftAppPassword) is required when an app id is set (set the environment variable Teams__MicrosoftAppPassword or a user secret).");
            }

            if (!string.Equals(options.MicrosoftAppType, "MultiTenant", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            {
                failures.Add($"Teams:MicrosoftAppTenantId is required when Teams:MicrosoftAppType is {options.MicrosoftAppType}.");
            }
        }

        foreach (var (setting, url) in new[] { ("Teams:BotFrameworkOpenIdMetadataUrl", options.BotFrameworkOpenIdMetadataUrl), ("Teams:EntraOpenIdMetadataUrl", options.EntraOpenIdMetadataUrl) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
            {
                failures.Add($"{setting} must be an absolute https URL (http only on loopback); it is '{url}'.");
            }
        }

        if (!Uri.TryCreate(options.PlaygroundServiceUrl, UriKind.Absolute, out var playground) || !playground.IsLoopback
            || (playground.Scheme != Uri.UriSchemeHttp && playground.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"Teams:PlaygroundServiceUrl must be an http(s) URL on loopback, such as http://localhost:56150/_connector; it is '{options.PlaygroundServiceUrl}'.");
        }

        if (options.QuestionsPerMinute is < 0 or > 10_000)
        {
            failures.Add("Teams:QuestionsPerMinute must be between 0 (no limit) and 10000.");
        }

        if (options.MaxConcurrentAnswers is < 1 or > 64)
        {
            failures.Add("Teams:MaxConcurrentAnswers must be between 1 and 64.");
        }

        if (options.QueueCapacity is < 1 or > 100_000)
        {
            failures.Add("Teams:QueueCapacity must be between 1 and 100000.");
        }

        if (options.MaxActivityBytes is < 1024 or > 4 * 1024 * 1024)
        {
            failures.Add("Teams:MaxActivityBytes must be between 1024 and 4194304.");
        }

        if (options.AnswerTimeout <= TimeSpan.Zero)
        {
            failures.Add("Teams:AnswerTimeout must be positive.");
        }

        if (options.MetadataTimeout <= TimeSpan.Zero || options.MetadataTimeout > TimeSpan.FromSeconds(30))
        {
            failures.Add("Teams:MetadataTimeout must be between 0 and 30 seconds.");
        }

        if (options.MetadataFailureMemory < TimeSpan.Zero || options.MetadataFailureMemory > TimeSpan.FromMinutes(5))
        {
            failures.Add("Teams:MetadataFailureMemory must be between 0 and 5 minutes.");
        }

        if (options.ReplyAttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add("Teams:ReplyAttemptTimeout must be positive.");
        }

        if (options.ReplyMaxRetries is < 0 or > 10)
        {
            failures.Add("Teams:ReplyMaxRetries must be between 0 and 10.");
        }

        foreach (var id in options.Instructors.Where(id => string.IsNullOrWhiteSpace(id) || id.Trim().Length > 200 || id.Trim().Any(char.IsWhiteSpace)))
        {
            failures.Add($"Teams:Instructors must list AAD object ids or Teams user ids (29:…); '{id}' is not one.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
