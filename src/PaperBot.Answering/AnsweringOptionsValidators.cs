using PaperBot.Storage;
using Microsoft.Extensions.Options;
using PaperBot.Answering.Conversations;

namespace PaperBot.Answering;

/// <summary>Checks <c>Answering</c> at start, naming the setting that is wrong.</summary>
internal sealed class AnsweringOptionsValidator : IValidateOptions<AnsweringOptions>
{
    public ValidateOptionsResult Validate(string? name, AnsweringOptions o)
    {
        var failures = new List<string>();
        void Require(bool holds, string failure)
        {
            if (!holds)
            {
                failures.Add(failure);
            }
        }

        Require(o.MinCoverage is >= 0 and <= 1, "Answering:MinCoverage must be between 0 and 1.");
        Require(o.MaxUnsupportedShare is >= 0 and <= 1 && o.PremiseMaxUnsupportedShare is >= 0 and <= 1, "Answering:MaxUnsupportedShare and Answering:PremiseMaxUnsupportedShare must be between 0 and 1.");
        Require(o.OffTopicPresence is >= 0 and <= 1, "Answering:OffTopicPresence must be between 0 and 1.");
        Require(o.PremiseCoverage is >= 0 and <= 1, "Answering:PremiseCoverage must be between 0 and 1.");
        Require(o.FollowUpSectionWeight is >= 0 and <= 1, "Answering:FollowUpSectionWeight must be between 0 and 1.");
        Require(o.FactRunShare is >= 0 and <= 1, "Answering:FactRunShare must be between 0 and 1.");
        Require(o.RelevanceFloor is > -1 and < 1, "Answering:RelevanceFloor must be between -1 and 1.");
        Require(o.MeaningFloor < o.MeaningFull && o.MeaningFull <= 1, "Answering:MeaningFloor must be below Answering:MeaningFull, which is at most 1.");
        Require(o.ContextFull == 0 || (o.ContextFloor < o.ContextFull && o.ContextFull <= 1 && o.ContextUnknownMargin >= 0), "Answering:ContextFloor must be below Answering:ContextFull (at most 1, or 0 to turn matching in context off), and Answering:ContextUnknownMargin at least 0.");
        Require(o.MaxSentences is >= 1 and <= 3, "Answering:MaxSentences must be 1, 2 or 3.");
        Require(o.Passages is >= 1 and <= 20, "Answering:Passages must be between 1 and 20.");
        Require(o.ExampleQuestions.Count is 0 or >= 2, "Answering:ExampleQuestions needs at least two questions (or none, to draw them from the readings).");
        Require(o.SuggestedFollowUps is >= 0 and <= 3, "Answering:SuggestedFollowUps must be between 0 and 3.");
        Require(o.NotInPaperText.Contains("{subject}", StringComparison.Ordinal), "Answering:NotInPaperText must contain {subject}.");
        Require(o.UnsupportedTermsText.Contains("{terms}", StringComparison.Ordinal), "Answering:UnsupportedTermsText must contain {terms}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Checks <c>Conversations</c> at start.</summary>
internal sealed class ConversationOptionsValidator : IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationOptions o)
    {
        var failures = new List<string>();
        if (!(o.TtlMinutes > 0))
        {
            failures.Add("Conversations:TtlMinutes must be greater than 0.");
        }

        if (o.MaxTurns is < 1 or > 50)
        {
            failures.Add("Conversations:MaxTurns must be between 1 and 50.");
        }

        if (o.MaxConversations is < 1 or > 1_000_000)
        {
            failures.Add("Conversations:MaxConversations must be between 1 and 1,000,000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
