using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaperBot.Answering.Conversations;
using PaperBot.Answering.Pipeline;
using PaperBot.Answering.Pipeline.Steps;
using PaperBot.Answering.Study;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Embeddings;

namespace PaperBot.Answering;

public static class AnsweringServiceCollectionExtensions
{
    /// <summary>Registers the answer service, its pipeline of steps (and the knowledge it answers from) with validated settings.</summary>
    public static IServiceCollection AddPaperBotAnswering(this IServiceCollection services)
    {
        services.AddPaperBotKnowledge();
        services.AddOptions<AnsweringOptions>().BindConfiguration(AnsweringOptions.SectionName)
            .Validate(o => o.MinCoverage is >= 0 and <= 1, "Answering:MinCoverage must be between 0 and 1.")
            .Validate(o => o.MaxUnsupportedShare is >= 0 and <= 1 && o.PremiseMaxUnsupportedShare is >= 0 and <= 1, "Answering:MaxUnsupportedShare and Answering:PremiseMaxUnsupportedShare must be between 0 and 1.")
            .Validate(o => o.OffTopicPresence is >= 0 and <= 1, "Answering:OffTopicPresence must be between 0 and 1.")
            .Validate(o => o.PremiseCoverage is >= 0 and <= 1, "Answering:PremiseCoverage must be between 0 and 1.")
            .Validate(o => o.RelevanceFloor is > -1 and < 1, "Answering:RelevanceFloor must be between -1 and 1.")
            .Validate(o => o.MeaningFloor < o.MeaningFull && o.MeaningFull <= 1, "Answering:MeaningFloor must be below Answering:MeaningFull, which is at most 1.")
            .Validate(o => o.ContextFull == 0 || o.ContextFloor < o.ContextFull && o.ContextFull <= 1 && o.ContextUnknownMargin >= 0, "Answering:ContextFloor must be below Answering:ContextFull (at most 1, or 0 to turn matching in context off), and Answering:ContextUnknownMargin at least 0.")
            .Validate(o => o.MaxSentences is >= 1 and <= 3, "Answering:MaxSentences must be 1, 2 or 3.")
            .Validate(o => o.Passages is >= 1 and <= 20, "Answering:Passages must be between 1 and 20.")
            .Validate(o => o.ExampleQuestions.Count is 0 or >= 2, "Answering:ExampleQuestions needs at least two questions (or none, to draw them from the readings).")
            .Validate(o => o.NotInPaperText.Contains("{subject}", StringComparison.Ordinal), "Answering:NotInPaperText must contain {subject}.")
            .Validate(o => o.UnsupportedTermsText.Contains("{terms}", StringComparison.Ordinal), "Answering:UnsupportedTermsText must contain {terms}.")
            .ValidateOnStart();
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName)
            .Validate(o => o.TtlMinutes > 0, "Conversations:TtlMinutes must be greater than 0.")
            .Validate(o => o.MaxTurns is >= 1 and <= 50, "Conversations:MaxTurns must be between 1 and 50.")
            .Validate(o => o.MaxConversations is >= 1 and <= 1_000_000, "Conversations:MaxConversations must be between 1 and 1,000,000.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationMemory, InMemoryConversationMemory>();
        services.TryAddSingleton<QuizBook>(_ => new QuizBook());
        services.TryAddSingleton<IWordList>(ModelWordList.Instance);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AnsweringOptions>>().Value);
        services.TryAddSingleton<Replies>();
        services.TryAddSingleton<StudyCommands>();
        services.TryAddSingleton<CommandStep>();
        services.TryAddSingleton<SmallTalkStep>();
        services.TryAddSingleton<InjectionStep>();
        services.TryAddSingleton(sp => new FollowUpStep(sp.GetService<IConversationMemory>()));
        services.TryAddSingleton<SpellingStep>();
        services.TryAddSingleton<WholeReadingStep>();
        services.TryAddSingleton<OutlineStep>();
        services.TryAddSingleton<EvidenceStep>();
        services.TryAddSingleton<AnswerabilityStep>();
        services.TryAddSingleton(sp => new GenerationStep(sp.GetService<IAnswerGenerator>()));
        services.TryAddSingleton<CompositionStep>();
        services.TryAddSingleton<AnswerPipeline>();
        services.TryAddSingleton<AnswerService>();
        services.TryAddSingleton<IAnswerService>(sp => sp.GetRequiredService<AnswerService>());
        return services;
    }
}
