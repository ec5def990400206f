using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Answering;
using PaperBot.Channels.Slack.Inbound;
using PaperBot.Channels.Slack.Processing;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.WebApi;
using PaperBot.Storage;
using PaperBot.Reporting;

namespace PaperBot.Channels.Slack.Handlers;

/// <summary>
/// <c>/paper &lt;question&gt;</c> (the command <c>Slack:Command</c> names): acknowledged at once, answered through the
/// command's <c>response_url</c>, for the channel to see when the answer is for the group.
/// </summary>
internal sealed class QuestionCommandHandler(
    SlackWorkQueue queue,
    EventDeduplicator dedupe,
    SlackUserLimits limits,
    SlackMetrics metrics,
    SlackResponder responder,
    SlackApiClient api,
    IOptionsMonitor<SlackOptions> options,
    ILogger<QuestionCommandHandler> logger,
    ReportRequests reports,
    IEnumerable<AnswerServiceProfile> profiles) : ISlackCommandHandler
{
    internal const string BusyText = "PaperBot is busy answering other questions. Please try again in a minute.";

    /// <summary>The private acknowledgement of a slash command when a language model writes the answers (seconds, not milliseconds).</summary>
    internal const string LookingUpText = "Looking that up…";

    private const string SorryText = SlackResponder.SorryText;

    private const string Kind = "slash command";

    /// <summary>Answers come from a language model: slow enough that the student should hear the command was taken.</summary>
    private readonly bool _generative = profiles.Any(p => p.Generative);

    public SlackAck Handle(SlashCommand command)
    {
        // A signed request replayed within the signature's five minutes carries the same trigger_id: answered once.
        var delivery = command.TriggerId is { Length: > 0 } trigger ? "command:" + trigger : null;
        if (delivery is not null && !dedupe.TryRegister(delivery))
        {
            Log.DuplicateDelivery(logger, Kind, command.TriggerId!);
            metrics.Message(Kind, "duplicate");
            return SlackAck.Accepted;
        }

        // "report" is the instructor's command, never a question, whoever types it (anyone else is refused).
        if (ReportWindow.IsReportRequest(command.Text, out var window))
        {
            return reports.Command(command, window);
        }

        if (!limits.TryAcquire(command.UserId, out var retryAfter))
        {
            Log.UserThrottled(logger, Kind, command.UserId);
            metrics.Message(Kind, "throttled");
            return SlackAck.Ephemeral(limits.Text(retryAfter));
        }

        if (!queue.TryEnqueue(new SlackWork(Kind, ct => AnswerCommandAsync(command, delivery, ct))))
        {
            if (delivery is not null)
            {
                dedupe.Forget(delivery);
            }

            Log.QueueFull(logger, Kind);
            metrics.Message(Kind, "busy");
            return SlackAck.Ephemeral(BusyText);
        }

        // Extractive answers arrive in milliseconds, so a plain (silent) ack is best; a model's take seconds.
        return _generative ? SlackAck.Ephemeral(LookingUpText) : SlackAck.Accepted;
    }

    private async Task AnswerCommandAsync(SlashCommand command, string? delivery, CancellationToken cancellationToken)
    {
        if (delivery is not null && !await dedupe.ClaimAsync(delivery, cancellationToken))
        {
            // Another replica has it (a replay that reached both): answered there.
            Log.DuplicateDelivery(logger, Kind, command.TriggerId!);
            metrics.Message(Kind, "duplicate");
            return;
        }

        var answer = await responder.AskAsync(new AskRequest(command.Text, command.ConversationId) { Asker = new Asker(FrontEnds.Slack, command.UserId), Channel = SlackChannels.Key(command.ChannelId) }, Kind, cancellationToken);
        if (answer is null)
        {
            await api.RespondAsync(command.ResponseUrl, SlackMessage.Plain(SorryText), inChannel: false, cancellationToken);
            metrics.Message(Kind, "failed");
            return;
        }

        // Answers, summaries, definitions and quizzes are for the group; help, lists and declines for the one who asked.
        var inChannel = options.CurrentValue.AnswersInChannel && AnswerPresentation.For(answer).Shared;
        var message = SlackMessageRenderer.Render(answer, inChannel ? (command.UserId, command.Text) : null);
        var delivered = await api.RespondAsync(command.ResponseUrl, message, inChannel, cancellationToken);
        metrics.Message(Kind, delivered ? "answered" : "failed");
    }
}
