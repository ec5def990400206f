using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Retrieval.Qdrant;

public static class RetrievalStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the chunk store that <c>Retrieval:Store</c> names: <c>embedded</c> (the default) or <c>qdrant</c>
    /// (settings under <c>Qdrant</c>, validated at start when chosen), and the background warm-up that indexes the
    /// readings into Qdrant after start. Call it next to <c>AddPaperBotKnowledge</c>, in either order: it replaces
    /// the store registration rather than racing its <c>TryAdd</c>.
    /// </summary>
    public static IServiceCollection AddPaperBotRetrievalStore(this IServiceCollection services)
    {
        services.AddOptions<QdrantOptions>().BindConfiguration(QdrantOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QdrantOptions>, QdrantOptionsValidator>());

        services.TryAddSingleton<EmbeddedChunkStore>();
        services.TryAddSingleton(sp => new QdrantChunkStore(
            sp.GetRequiredService<IOptions<QdrantOptions>>(),
            sp.GetRequiredService<ILogger<QdrantChunkStore>>()));
        services.Replace(ServiceDescriptor.Singleton<IChunkStore>(sp =>
            sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.Store == RetrievalStores.Qdrant
                ? sp.GetRequiredService<QdrantChunkStore>()
                : sp.GetRequiredService<EmbeddedChunkStore>()));

        return services;
    }
}
