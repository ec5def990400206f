using PaperBot.Channels.Slack.Inbound;

namespace PaperBot.Channels.Slack.Processing;

/// <summary>Something accepted (and already acknowledged to Slack) that still has to be done.</summary>
internal abstract record SlackWork(string Kind);

/// <summary>Answer a slash command through its <c>response_url</c>.</summary>
internal sealed record AnswerCommand(SlashCommand Command) : SlackWork("slash command");

/// <summary>Answer a mention or a direct message in its thread.</summary>
internal sealed record AnswerMessage(SlackMessageEvent Event) : SlackWork("message");

/// <summary>Thank someone, privately, for pressing 👍 or 👎.</summary>
internal sealed record ThankForFeedback(Uri ResponseUrl, bool Liked) : SlackWork("feedback");

/// <summary>Show the answer to a quiz, privately, to whoever pressed "Show answer".</summary>
internal sealed record RevealQuiz(Uri ResponseUrl, string QuizId, string UserId) : SlackWork("quiz reveal");

/// <summary>Tell someone, privately and in the thread, that they are asking faster than the per-user limit allows.</summary>
internal sealed record NoteThrottled(SlackMessageEvent Event, string Text) : SlackWork("throttled note");
