using System.Collections.Concurrent;
using PaperBot.Answering;

namespace PaperBot.Channels.Slack.Tests.Infrastructure;

/// <summary>An answer service with known answers, that remembers what it was asked and can be held back on purpose.</summary>
internal sealed class StubAnswerService : IAnswerService
{
    public ConcurrentQueue<AskRequest> Requests { get; } = new();

    /// <summary>When set, every question waits until this completes: answering made slow on purpose.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(request);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return request.Question.Trim().ToLowerInvariant() switch
        {
            "help" => Help(request.Question),
            "what is the weather?" => Declined(request.Question),
            "fail" => throw new InvalidOperationException("The answer service failed on purpose."),
            _ => Answered(request.Question),
        };
    }

    public static Answer Answered(string question) => new()
    {
        Question = question,
        Status = AnswerStatus.Answered,
        Text = "The NSGP was planned to carry gas from Karachi to Lahore [1]. Costs & delays <grew> [2].",
        Citations =
        [
            new Citation(1, "paper", "3.II", "North-South Gas Pipeline (NSGP) Project", "The North-South Gas Pipeline will carry 1.2 bcfd of gas."),
            new Citation(2, "paper", "3.III", "Financing", "Financing was delayed by sanctions & disputes."),
        ],
    };

    public static Answer Declined(string question) => new()
    {
        Question = question,
        Status = AnswerStatus.OutOfScope,
        Text = "That question is not about the paper.",
        Suggestions = ["What is the NSGP?", "Who financed the pipeline?"],
    };

    public static Answer Help(string question) => new()
    {
        Question = question,
        Status = AnswerStatus.Answered,
        Kind = AnswerKinds.Help,
        Text = "Ask me anything about the paper.",
        Suggestions = ["What is the NSGP?"],
    };
}
