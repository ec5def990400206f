using PaperBot.Answering;

namespace PaperBot.Channels.Teams.Tests.Support;

/// <summary>An answer service double: returns <see cref="Next"/> and records the questions it was asked.</summary>
public sealed class StubAnswerService : IAnswerService
{
    private readonly List<AskRequest> _asked = [];

    public Func<AskRequest, Answer> Next { get; set; } = request => Answers.Cited(request.Question);

    public IReadOnlyList<AskRequest> Asked
    {
        get
        {
            lock (_asked)
            {
                return [.. _asked];
            }
        }
    }

    public Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        lock (_asked)
        {
            _asked.Add(request);
        }

        return Task.FromResult(Next(request));
    }
}

/// <summary>Answers shaped like the real service's.</summary>
public static class Answers
{
    public const string PipelineQuote =
        "The North-South Gas Pipeline, agreed in 2015, would carry liquefied natural gas from Karachi to Lahore over about 1,100 kilometres, built by Russian companies with Russian finance.";

    public static Answer Cited(string question) => new()
    {
        Question = question,
        Status = AnswerStatus.Answered,
        Text = "Russia agreed to build a gas pipeline from Karachi to Lahore [1].",
        Citations =
        [
            new Citation(1, "paper", "3.II", "North-South Gas Pipeline (NSGP) Project", PipelineQuote),
            new Citation(2, "paper", "4", "Defence Cooperation", "Not cited in the text."),
        ],
    };

    public static Answer Declined(string question) => new()
    {
        Question = question,
        Status = AnswerStatus.OutOfScope,
        Text = "I can only answer questions about the paper.",
        Suggestions = ["What is the NSGP?", "When did Russia and Pakistan hold joint exercises?"],
    };
}
