namespace PaperBot.Answering;

/// <summary>How a front end shows one answer: decided once here, so Slack, Teams and the CLI agree.</summary>
/// <param name="Shared">For the whole channel (answers, summaries, definitions, quizzes) rather than only the one who asked (help, lists, declines).</param>
/// <param name="ShowCitations">The text carries <c>[n]</c> markers whose citations are shown beside it.</param>
/// <param name="OfferFeedback">👍/👎 are offered: on the reply to a question, answered or declined.</param>
/// <param name="Interpretation">How the question was read, to show apart from the text; null when there is none or the text already leads with it.</param>
/// <param name="AiLabel">Marked as made by the bot (Teams' AI label): replies made from the readings with citations, quizzes, and a language model's answers.</param>
/// <param name="IsList">A lead line and one cited entry a line (timeline, glossary, summary), which a front end may split into several messages.</param>
public sealed record Presentation(bool Shared, bool ShowCitations, bool OfferFeedback, string? Interpretation, bool AiLabel, bool IsList);

/// <summary>The presentation policy every channel asks.</summary>
public static class AnswerPresentation
{
    public static Presentation For(Answer answer)
    {
        var showCitations = answer.Citations.Count > 0 && answer.Quiz is null;
        var interpretation = !string.IsNullOrWhiteSpace(answer.Interpretation) && !answer.Text.StartsWith(answer.Interpretation, StringComparison.Ordinal)
            ? answer.Interpretation
            : null;
        return new Presentation(
            Shared: !answer.IsDeclined && answer.Kind is AnswerKinds.Answer or AnswerKinds.Summary or AnswerKinds.Define or AnswerKinds.Quiz,
            ShowCitations: showCitations,
            OfferFeedback: answer.Kind == AnswerKinds.Answer,
            Interpretation: interpretation,
            AiLabel: showCitations || answer.Quiz is not null || answer.Mode == "generative",
            IsList: answer.Kind is AnswerKinds.Timeline or AnswerKinds.Glossary or AnswerKinds.Summary);
    }
}
