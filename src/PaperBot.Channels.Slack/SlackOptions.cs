namespace PaperBot.Channels.Slack;

/// <summary>
/// The <c>Slack</c> configuration section. Secrets (<see cref="SigningSecret"/>, <see cref="BotToken"/>,
/// <see cref="AppToken"/>) come from environment variables (<c>Slack__SigningSecret</c> …), never from a file in the
/// repository. Without a signing secret the HTTP endpoints answer 404; without an app token Socket Mode stays off.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Verifies that HTTP requests come from Slack (Basic Information → Signing Secret).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>) for the Web API: <c>auth.test</c>, <c>chat.postMessage</c>.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app-level token (<c>xapp-…</c>, scope <c>connections:write</c>) that turns Socket Mode on.</summary>
    public string? AppToken { get; set; }

    /// <summary>The slash command this app answers.</summary>
    public string Command { get; set; } = "/paper";

    /// <summary>Where the Web API lives; tests point it at a loopback fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>
    /// Where every <c>response_url</c> must point (scheme, host, port and path prefix). A <c>response_url</c> is where the
    /// bot posts, so one that points anywhere else (another host, <c>file:</c>) is refused at the endpoint. Tests point it
    /// at a loopback fake.
    /// </summary>
    public string ResponseUrlBase { get; set; } = "https://hooks.slack.com/";

    /// <summary>
    /// Questions one user may ask per minute (slash commands, mentions, direct messages); beyond it they are told, privately,
    /// when to ask again. 0 turns the limit off.
    /// </summary>
    public int QuestionsPerMinute { get; set; } = 20;

    /// <summary>Slash-command answers are posted for the whole channel to see; help and declines stay private.</summary>
    public bool AnswersInChannel { get; set; } = true;

    /// <summary>Request bodies beyond this many bytes are refused with 413 before anything is parsed.</summary>
    public int MaxRequestBytes { get; set; } = 512 * 1024;

    /// <summary>How many questions are answered at once; the rest wait in the queue.</summary>
    public int MaxConcurrentAnswers { get; set; } = 2;

    /// <summary>How many accepted requests may wait; beyond it Slack is told the bot is busy.</summary>
    public int QueueCapacity { get; set; } = 100;

    /// <summary>How long one answer may take before the user is told it failed.</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The Slack user ids (<c>U…</c> or <c>W…</c>) who may see the instructor's report (<c>/paper report</c>); empty, nobody.
    /// </summary>
    public IList<string> Instructors { get; set; } = [];

    internal bool HttpEnabled => !string.IsNullOrWhiteSpace(SigningSecret);

    internal bool SocketModeEnabled => !string.IsNullOrWhiteSpace(AppToken);

    internal bool WebApiEnabled => !string.IsNullOrWhiteSpace(BotToken);

    internal Uri ApiBaseUri => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/", UriKind.Absolute);

    /// <summary>Whether a <c>response_url</c> points under <see cref="ResponseUrlBase"/>: same scheme, host and port, no user info, path under its path.</summary>
    internal bool IsAllowedResponseUrl(string? url, out Uri responseUrl)
    {
        responseUrl = null!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var candidate)
            || !Uri.TryCreate(ResponseUrlBase, UriKind.Absolute, out var allowed)
            || !string.Equals(candidate.Scheme, allowed.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(candidate.IdnHost, allowed.IdnHost, StringComparison.OrdinalIgnoreCase)
            || candidate.Port != allowed.Port
            || candidate.UserInfo.Length > 0
            || !candidate.AbsolutePath.StartsWith(allowed.AbsolutePath, StringComparison.Ordinal))
        {
            return false;
        }

        responseUrl = candidate;
        return true;
    }

    private static bool IsUserId(string? id) =>
        id is { Length: >= 3 and <= 32 } && (id[0] == 'U' || id[0] == 'W') && id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    /// <summary>Problems that should stop the host at start, each naming its setting.</summary>
    internal IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            yield return "Slack:ApiBaseUrl must be an absolute http(s) URL, e.g. https://slack.com/api/.";
        }

        if (!Uri.TryCreate(ResponseUrlBase, UriKind.Absolute, out var responses)
            || !(responses.Scheme == Uri.UriSchemeHttps || (responses.Scheme == Uri.UriSchemeHttp && responses.IsLoopback))
            || !responses.AbsolutePath.EndsWith('/'))
        {
            yield return "Slack:ResponseUrlBase must be an absolute https URL ending in / (http only on loopback), e.g. https://hooks.slack.com/.";
        }

        if (QuestionsPerMinute is < 0 or > 10_000)
        {
            yield return "Slack:QuestionsPerMinute must be between 0 (no limit) and 10000.";
        }

        if (string.IsNullOrWhiteSpace(Command) || !Command.StartsWith('/') || Command.Contains(' ', StringComparison.Ordinal))
        {
            yield return "Slack:Command must be a slash command such as /paper.";
        }

        if (SocketModeEnabled && !WebApiEnabled)
        {
            yield return "Slack:AppToken (Socket Mode) needs Slack:BotToken too, to post answers.";
        }

        if (MaxRequestBytes is < 1024 or > 16 * 1024 * 1024)
        {
            yield return "Slack:MaxRequestBytes must be between 1024 and 16777216.";
        }

        if (MaxConcurrentAnswers is < 1 or > 64)
        {
            yield return "Slack:MaxConcurrentAnswers must be between 1 and 64.";
        }

        if (QueueCapacity is < 1 or > 100_000)
        {
            yield return "Slack:QueueCapacity must be between 1 and 100000.";
        }

        if (AnswerTimeout <= TimeSpan.Zero)
        {
            yield return "Slack:AnswerTimeout must be positive.";
        }

        foreach (var id in Instructors.Where(id => !IsUserId(id?.Trim())))
        {
            yield return $"Slack:Instructors must list Slack user ids such as U024BE7LH; '{id}' is not one.";
        }
    }
}
