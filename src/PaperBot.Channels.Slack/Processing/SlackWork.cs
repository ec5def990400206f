namespace PaperBot.Channels.Slack.Processing;

/// <summary>
/// Something accepted (and already acknowledged to Slack) that still has to be done, as the handler that accepted it
/// does it. <see cref="Kind"/> names it in the log: "slash command", "message", "feedback", "quiz reveal", "throttled note".
/// </summary>
internal sealed record SlackWork(string Kind, Func<CancellationToken, Task> RunAsync);
