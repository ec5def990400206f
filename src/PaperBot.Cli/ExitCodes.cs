using PaperBot.Answering;

namespace PaperBot.Cli;

/// <summary>
/// One rule for every command: 0 when it answered, 1 when the bot declined (the reply says why), 2 for bad usage,
/// 3 when it could not run at all (nothing to read, the store unreachable, a bad setting). 130 when cancelled.
/// </summary>
internal static class ExitCodes
{
    public const int Answered = 0;
    public const int Declined = 1;
    public const int Usage = 2;
    public const int CannotRun = 3;
    public const int Cancelled = 130;

    public static int For(Answer answer) => answer.Status == AnswerStatus.Answered ? Answered : Declined;
}
