using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the readings, the local embedding model, the embedding cache, the embedded store (unless another
    /// store was registered) and the <see cref="KnowledgeBaseProvider"/> that builds the index once.
    /// </summary>
    public static IServiceCollection AddPaperBotKnowledge(this IServiceCollection services)
    {
        // Every settings class is checked one way: its IValidateOptions class, at start.
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>());
        services.AddOptions<ChunkingOptions>().BindConfiguration(ChunkingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChunkingOptions>, ChunkingOptionsValidator>());
        services.AddOptions<RetrievalOptions>().BindConfiguration(RetrievalOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetrievalOptions>, RetrievalOptionsValidator>());

        services.AddOptions<SecretSettingsCheck>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecretSettingsCheck>, SecretSettingsValidator>());

        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
            new ArcticXsEmbeddingGenerator(
                sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolveCachePath(),
                sp.GetService<ILoggerFactory>()?.CreateLogger<ArcticXsEmbeddingGenerator>()));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var generator = sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
            var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
            return new EmbeddingCache(
                options.ResolveCachePath(),
                metadata?.DefaultModelId ?? "unknown-model",
                metadata?.DefaultModelDimensions ?? 0,
                sp.GetService<ILoggerFactory>()?.CreateLogger<EmbeddingCache>());
        });
        services.TryAddSingleton<IChunkStore, EmbeddedChunkStore>();
        services.TryAddSingleton<KnowledgeBaseProvider>();
        return services;
    }
}
