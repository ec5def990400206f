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
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Knowledge:Path must name the readings folder.")
            .Validate(o => o.Path.IndexOfAny(Path.GetInvalidPathChars()) < 0, "Knowledge:Path must be a folder path.")
            .Validate(o => o.CachePath.IndexOfAny(Path.GetInvalidPathChars()) < 0, "Knowledge:CachePath must be a folder path (or empty for the user's cache folder).")
            .ValidateOnStart();
        services.AddOptions<ChunkingOptions>().BindConfiguration(ChunkingOptions.SectionName)
            .Validate(o => o.Mode is "window" or "paragraph", "Chunking:Mode must be 'window' or 'paragraph'.")
            .Validate(o => o.WindowSentences is >= 1 and <= 12, "Chunking:WindowSentences must be between 1 and 12.")
            .ValidateOnStart();
        services.AddOptions<RetrievalOptions>().BindConfiguration(RetrievalOptions.SectionName)
            .Validate(o => o.Store is "embedded" or "qdrant", "Retrieval:Store must be 'embedded' or 'qdrant'.")
            .Validate(o => o.Top is >= 1 and <= 50, "Retrieval:Top must be between 1 and 50.")
            .ValidateOnStart();

        services.AddOptions<SecretSettingsCheck>()
            .Validate<IConfiguration>((_, configuration) => ThrowIfSecretsInFiles(configuration))
            .ValidateOnStart();

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

    private static bool ThrowIfSecretsInFiles(IConfiguration configuration)
    {
        var found = SecretSettings.FoundInFiles(configuration);
        return found.Count == 0 ? true : throw new OptionsValidationException(nameof(SecretSettingsCheck), typeof(SecretSettingsCheck), found);
    }
}
