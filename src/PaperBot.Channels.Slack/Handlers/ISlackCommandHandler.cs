using PaperBot.Channels.Slack.Inbound;
using PaperBot.Channels.Slack.Processing;

namespace PaperBot.Channels.Slack.Handlers;

/// <summary>
/// Handles one slash command (<c>/paper</c>), registered with
/// <see cref="SlackServiceCollectionExtensions.AddSlackCommandHandler{THandler}"/>. The same handler serves HTTP and
/// Socket Mode.
/// </summary>
internal interface ISlackCommandHandler
{
    /// <summary>
    /// The acknowledgement, decided at once (Slack waits 3 seconds at most): empty, or a body Slack shows the user.
    /// Slow work goes on the <see cref="SlackWorkQueue"/> and answers through the command's <c>response_url</c>.
    /// </summary>
    SlackAck Handle(SlashCommand command);
}
