using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaperBot.Answering.Conversations;
using PaperBot.Answering.Study;
using PaperBot.Knowledge;

namespace PaperBot.Answering;

public static class AnsweringServiceCollectionExtensions
{
    /// <summary>Registers the answer service (and the knowledge it answers from) with validated settings.</summary>
    public static IServiceCollection AddPaperBotAnswering(this IServiceCollection services)
    {
        services.AddPaperBotKnowledge();
        services.AddOptions<AnsweringOptions>().BindConfiguration(AnsweringOptions.SectionName)
            .PostConfigure(o =>
            {
                // A configured list replaces the built-in one instead of being appended to it.
                if (o.ExampleQuestions.Count == 0)
                {
                    o.ExampleQuestions.AddRange(AnsweringOptions.DefaultExampleQuestions);
                }
            })
            .Validate(o => o.RelevanceFloor is > -1 and < 1, "Answering:RelevanceFloor must be between -1 and 1.")
            .Validate(o => o.OffTopicSimilarity is > -1 and < 1, "Answering:OffTopicSimilarity must be between -1 and 1.")
            .Validate(o => o.MaxSentences is >= 1 and <= 3, "Answering:MaxSentences must be 1, 2 or 3.")
            .Validate(o => o.Passages is >= 1 and <= 20, "Answering:Passages must be between 1 and 20.")
            .Validate(o => o.ExampleQuestions.Count >= 2, "Answering:ExampleQuestions needs at least two questions.")
            .Validate(o => o.NotInPaperText.Contains("{subject}", StringComparison.Ordinal), "Answering:NotInPaperText must contain {subject}.")
            .ValidateOnStart();
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName)
            .Validate(o => o.TtlMinutes > 0, "Conversations:TtlMinutes must be greater than 0.")
            .Validate(o => o.MaxTurns is >= 1 and <= 50, "Conversations:MaxTurns must be between 1 and 50.")
            .Validate(o => o.MaxConversations is >= 1 and <= 1_000_000, "Conversations:MaxConversations must be between 1 and 1,000,000.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationMemory, InMemoryConversationMemory>();
        services.TryAddSingleton<QuizBook>(_ => new QuizBook());
        services.TryAddSingleton<IAnswerService, AnswerService>();
        return services;
    }
}
