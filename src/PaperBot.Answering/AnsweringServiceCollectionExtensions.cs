using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaperBot.Answering.Conversations;
using PaperBot.Answering.Generation;
using PaperBot.Answering.Pipeline;
using PaperBot.Answering.Pipeline.Steps;
using PaperBot.Answering.Study;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Storage;

namespace PaperBot.Answering;

public static class AnsweringServiceCollectionExtensions
{
    /// <summary>Registers the answer service, its pipeline of steps (and the knowledge it answers from) with validated settings.</summary>
    public static IServiceCollection AddPaperBotAnswering(this IServiceCollection services)
    {
        services.AddPaperBotKnowledge();
        services.AddOptions<AnsweringOptions>().BindConfiguration(AnsweringOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnsweringOptions>, AnsweringOptionsValidator>());
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationMemory>(sp => new InMemoryConversationMemory(sp.GetRequiredService<IOptions<ConversationOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IQuizStore>(_ => new InMemoryQuizStore());
        services.TryAddSingleton<IQuestionLog>(_ => new InMemoryQuestionLog());
        services.TryAddSingleton<IUserKeys>(_ => SaltedUserKeys.Ephemeral());
        services.TryAddSingleton<IChannelReadings>(_ => new InMemoryChannelReadings());
        services.TryAddSingleton<IWordList>(ModelWordList.Instance);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AnsweringOptions>>().Value);
        services.TryAddSingleton<Replies>();
        services.TryAddSingleton<StudyCommands>();
        services.TryAddSingleton<CommandStep>();
        services.TryAddSingleton<SmallTalkStep>();
        services.TryAddSingleton<InjectionStep>();
        services.TryAddSingleton<ReadingScopeStep>();
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
