using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Answering;
using PaperBot.Channels.Teams.Connector;
using PaperBot.Channels.Teams.Protocol;
using PaperBot.Storage;
using PaperBot.Reporting;

namespace PaperBot.Channels.Teams;

/// <summary>One accepted activity and whether its sender proved to be the Bot Connector.</summary>
public sealed record TeamsTurn(Activity Activity, bool Authenticated)
{
    /// <summary>Set when the user is over the per-user question limit: the reply says how long to wait instead of answering.</summary>
    public TimeSpan? ThrottledFor { get; init; }
}

/// <summary>
/// The whole conversation logic of the Teams channel: a message becomes a question (the bot's @mention removed),
/// the answer service answers it, and the answer goes back to the same conversation thread; a bot joining a chat
/// greets it. Everything Teams-specific about the reply is in <see cref="TeamsReplies"/>.
/// </summary>
internal sealed class TeamsBot
{
    private readonly IAnswerService _answers;
    private readonly ConnectorClient _connector;
    private readonly ServiceUrlPolicy _serviceUrls;
    /// <summary>The Bot Connector retries a delivery it got no 200 for within seconds; an hour covers every retry.</summary>
    private static readonly TimeSpan DeliveryLifetime = TimeSpan.FromHours(1);

    private readonly IFeedbackStore _replies;
    private readonly IDeliveryLedger _deliveries;
    private readonly TeamsOptions _options;
    private readonly ILogger<TeamsBot> _logger;
    private readonly TeamsReports _reports;

    public TeamsBot(IAnswerService answers, ConnectorClient connector, ServiceUrlPolicy serviceUrls, IFeedbackStore replies, IDeliveryLedger deliveries, IOptions<TeamsOptions> options, ILogger<TeamsBot> logger, TeamsReports reports)
    {
        _reports = reports;
        _answers = answers;
        _connector = connector;
        _serviceUrls = serviceUrls;
        _replies = replies;
        _deliveries = deliveries;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Handles one accepted turn; never throws except on cancellation (failures are logged).</summary>
    public async Task HandleAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId
            || !_serviceUrls.TryGetReplyTarget(activity.ServiceUrl, turn.Authenticated, out var serviceUrl))
        {
            Log.ReplyTargetRefused(_logger, activity.Type, activity.ServiceUrl);
            return;
        }

        try
        {
            if (activity.Type == ActivityTypes.Message && turn.ThrottledFor is { } wait)
            {
                await SendReplyAsync(activity, serviceUrl, conversationId, TeamsReplies.Throttled(activity, _options.QuestionsPerMinute, wait), cancellationToken);
            }
            else if (activity.Type == ActivityTypes.Message && activity.Id is { Length: > 0 } activityId
                && !await _deliveries.TryClaimAsync($"teams:{conversationId}:{activityId}", DeliveryLifetime, cancellationToken))
            {
                // The same activity again (a retry of the Bot Connector, perhaps to another replica): answered once.
                Log.DuplicateActivity(_logger, activityId, conversationId);
            }
            else if (activity.Type == ActivityTypes.Message)
            {
                await AnswerAsync(activity, serviceUrl, conversationId, cancellationToken);
            }
            else if (activity.Type == ActivityTypes.ConversationUpdate)
            {
                await WelcomeAsync(activity, serviceUrl, conversationId, cancellationToken);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TurnFailed(_logger, activity.Type, conversationId, ex);
        }
    }

    /// <summary>The user's stable id: the Entra (AAD) object id when Teams sends it, else the channel account id.</summary>
    /// <summary>
    /// How a Teams conversation (a 1:1 chat, a group chat, a channel's thread) is named to the answer service: the
    /// readings it chose with <c>use …</c> apply to it alone. The store keeps only a salted key of it.
    /// </summary>
    public static string ChannelOf(string conversationId) => "teams:" + conversationId;

    public static string? UserIdOf(Activity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id is { Length: > 0 } id ? id : null;

    /// <summary>True when a conversationUpdate says the bot itself was added (greet); other members joining are ignored.</summary>
    public static bool IsBotAdded(Activity activity) =>
        activity.Recipient?.Id is { Length: > 0 } botId
        && activity.MembersAdded?.Any(m => string.Equals(m?.Id, botId, StringComparison.OrdinalIgnoreCase)) == true;

    private async Task AnswerAsync(Activity activity, Uri serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        var question = MentionText.RemoveRecipientMention(activity);
        // "report" is the instructor's command, never a question, whoever types it (anyone else is refused).
        if (ReportWindow.IsReportRequest(question, out var window))
        {
            await SendReplyAsync(activity, serviceUrl, conversationId, await _reports.ReplyAsync(activity, window, cancellationToken), cancellationToken);
            return;
        }

        // The typing indicator goes out while the answer is prepared; a failure to show it must not cost the answer.
        var typing = SendTypingAsync(activity, serviceUrl, conversationId, cancellationToken);
        // A stuck answer (an unreachable store or model) must not hold a worker for ever.
        using var answerDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        answerDeadline.CancelAfter(_options.AnswerTimeout);
        Answer answer;
        try
        {
            answer = await _answers.AskAsync(new AskRequest(question, conversationId) { Asker = new Asker(FrontEnds.Teams, UserIdOf(activity)), Channel = ChannelOf(conversationId) }, answerDeadline.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The store or the model is unreachable, or the answer took too long: say so rather than stay silent.
            Log.TurnFailed(_logger, activity.Type, conversationId, ex);
            await typing;
            await SendReplyAsync(activity, serviceUrl, conversationId, TeamsReplies.Unavailable(activity), cancellationToken);
            return;
        }

        await typing;

        // A long study reply is several messages, sent in order; feedback refers to the first.
        var messages = TeamsReplies.ForAnswer(activity, answer);
        string? firstId = null;
        for (var i = 0; i < messages.Count; i++)
        {
            string? replyId;
            try
            {
                replyId = await SendReplyAsync(activity, serviceUrl, conversationId, messages[i], cancellationToken);
            }
            catch (ConnectorException ex) when (ex.Status is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError)
            {
                // Teams refused the message itself (too large, too many citations…): say so rather than stay silent.
                Log.DeliveryRefused(_logger, conversationId, (int)ex.Status, answer.Kind, i + 1, messages.Count);
                await SendReplyAsync(activity, serviceUrl, conversationId, TeamsReplies.Refused(activity), cancellationToken);
                return;
            }

            firstId ??= replyId;
        }

        if (firstId is not null)
        {
            await _replies.LinkReplyAsync(firstId, answer.Id, cancellationToken);
        }

        Log.Answered(_logger, conversationId, answer.Status.ToString(), answer.Kind, answer.Citations.Count, firstId ?? "(none)");
    }

    private async Task WelcomeAsync(Activity activity, Uri serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        if (!IsBotAdded(activity))
        {
            return;
        }

        // Questions an instructor configured, else the answer service's: it draws them from the loaded readings.
        var questions = _options.WelcomeQuestions.Count > 0
            ? [.. _options.WelcomeQuestions]
            : (await _answers.AskAsync(new AskRequest(new HelpCommand(), conversationId), cancellationToken)).Suggestions;
        await SendReplyAsync(activity, serviceUrl, conversationId, TeamsReplies.Welcome(activity, questions), cancellationToken);
        Log.Welcomed(_logger, conversationId);
    }

    private async Task SendTypingAsync(Activity activity, Uri serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            await _connector.SendAsync(serviceUrl, conversationId, TeamsReplies.Typing(activity), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TypingFailed(_logger, conversationId, ex.GetType().Name);
        }
    }

    private Task<string?> SendReplyAsync(Activity activity, Uri serviceUrl, string conversationId, OutgoingActivity reply, CancellationToken cancellationToken) =>
        activity.Id is { Length: > 0 } replyToId
            ? _connector.ReplyAsync(serviceUrl, conversationId, replyToId, reply, cancellationToken)
            : _connector.SendAsync(serviceUrl, conversationId, reply, cancellationToken);
}
