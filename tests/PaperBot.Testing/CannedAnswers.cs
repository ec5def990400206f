using PaperBot.Answering;

namespace PaperBot.Testing;

/// <summary>Answers shaped like the real service's, for tests of how the channels show them.</summary>
public static class CannedAnswers
{
    public const string PipelineQuote =
        "The North-South Gas Pipeline, agreed in 2015, would carry liquefied natural gas from Karachi to Lahore over about 1,100 kilometres, built by Russian companies with Russian finance.";

    /// <summary>
    /// The stub's default: <c>help</c> is the help answer, <c>what is the weather?</c> is declined, <c>fail</c> throws
    /// (a failing service), and anything else is <see cref="Answered"/>.
    /// </summary>
    public static Answer ByQuestion(AskRequest request) => request.Question.Trim().ToLowerInvariant() switch
    {
        "help" => Help(request.Question),
        "what is the weather?" => Declined(request.Question),
        "fail" => throw new InvalidOperationException("The answer service failed on purpose."),
        _ => Answered(request.Question),
    };

    /// <summary>An answer citing both its passages, with characters (&amp;, &lt;, &gt;) that a channel must escape.</summary>
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

    /// <summary>An answer whose text cites [1] only, though a second passage is listed: a channel shows what is cited.</summary>
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
