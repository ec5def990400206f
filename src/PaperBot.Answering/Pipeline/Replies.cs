using PaperBot.Answering.Decision;
using PaperBot.Answering.Readings;

namespace PaperBot.Answering.Pipeline;

/// <summary>
/// The replies that are not answers from a passage: declines (with their reason, evidence and questions to try
/// instead) and help. Their texts are settings with placeholders that name the loaded readings:
/// <c>{readings}</c> ("the paper", "the readings"), <c>{them}</c>, <c>{they}</c>, <c>{its}</c> and <c>{do}</c> (agreeing with it),
/// <c>{titles}</c> (the readings' titles) and, where a text has them, <c>{subject}</c>, <c>{terms}</c>.
/// </summary>
public sealed class Replies(AnsweringOptions options)
{
    public Answer Decline(string question, AnswerStatus status, string reason, string text, ReadingIndex? readings, IReadOnlyList<Evidence>? evidence = null) => new()
    {
        Question = question,
        Status = status,
        Reason = reason,
        Evidence = evidence ?? [],
        Text = readings is null ? text : Fill(text, readings),
        Suggestions = readings is null ? [] : Suggestions(readings),
    };

    public Answer Help(string question, ReadingIndex readings) => new()
    {
        Question = question,
        Status = AnswerStatus.Answered,
        Kind = AnswerKinds.Help,
        Text = Fill(options.HelpText, readings),
        Suggestions = Suggestions(readings),
    };

    /// <summary>The questions offered with help and declines: the configured ones, else questions drawn from the readings.</summary>
    public IReadOnlyList<string> Suggestions(ReadingIndex readings) =>
        options.ExampleQuestions.Count > 0 ? options.ExampleQuestions : readings.ExampleQuestions;

    /// <summary>A text with the readings named in it.</summary>
    public string Fill(string text, ReadingIndex readings) => text
        .Replace("{them}", readings.Documents.Count == 1 ? "it" : "them", StringComparison.Ordinal)
        .Replace("{they}", readings.Documents.Count == 1 ? "it" : "they", StringComparison.Ordinal)
        .Replace("{do}", readings.Documents.Count == 1 ? "does" : "do", StringComparison.Ordinal)
        .Replace("{its}", readings.Documents.Count == 1 ? "its" : "their", StringComparison.Ordinal)
        .Replace("{readings}", readings.Documents.Count == 1 ? "the paper" : "the readings", StringComparison.Ordinal)
        .Replace("{Readings}", readings.Documents.Count == 1 ? "The paper" : "The readings", StringComparison.Ordinal)
        .Replace("{titles}", readings.TitleList, StringComparison.Ordinal);
}
