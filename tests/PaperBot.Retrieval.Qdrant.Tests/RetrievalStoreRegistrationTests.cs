using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Retrieval.Qdrant.Tests;

/// <summary>The registration the host and the CLI share.</summary>
public sealed class RetrievalStoreRegistrationTests
{
    [Theory]
    [InlineData(null, typeof(EmbeddedChunkStore))]
    [InlineData("embedded", typeof(EmbeddedChunkStore))]
    [InlineData("qdrant", typeof(QdrantChunkStore))]
    public void AddPaperBotRetrievalStore_RetrievalStore_PicksThatStore(string? store, Type expected)
    {
        using var services = Build(new() { ["Retrieval:Store"] = store });

        Assert.IsType(expected, services.GetRequiredService<IChunkStore>());
        Assert.Same(services.GetRequiredService<IChunkStore>(), services.GetRequiredService<KnowledgeBaseProvider>().Store);
    }

    [Fact]
    public void AddPaperBotRetrievalStore_CalledAfterKnowledge_StillReplacesTheEmbeddedDefault()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(Configuration(new() { ["Retrieval:Store"] = "qdrant" }))
            .AddLogging()
            .AddPaperBotKnowledge()
            .AddPaperBotRetrievalStore();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<QdrantChunkStore>(provider.GetRequiredService<IChunkStore>());
    }

    [Fact]
    public void QdrantOptions_Bound_FromQdrantSection()
    {
        using var services = Build(new()
        {
            ["Retrieval:Store"] = "qdrant",
            ["Qdrant:Endpoint"] = "https://qdrant.example:6334",
            ["Qdrant:Collection"] = "course-papers",
            ["Qdrant:SearchTimeout"] = "00:00:03",
        });

        var options = services.GetRequiredService<IOptions<QdrantOptions>>().Value;

        Assert.Equal("https://qdrant.example:6334", options.Endpoint);
        Assert.Equal("course-papers", options.Collection);
        Assert.Equal(TimeSpan.FromSeconds(3), options.SearchTimeout);
        Assert.Equal("https://qdrant.example:6334, collection course-papers", ((QdrantChunkStore)services.GetRequiredService<IChunkStore>()).Location);
    }

    [Fact]
    public void QdrantOptions_ApiKeyInASettingsFile_FailsNamingTheEnvironmentVariable()
    {
        var file = Path.Combine(Path.GetTempPath(), $"paperbot-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "Qdrant": { "ApiKey": "in-a-file" } }""");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(file)
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Retrieval:Store"] = "qdrant" })
                .Build();
            using var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddLogging()
                .AddPaperBotRetrievalStore()
                .AddPaperBotKnowledge()
                .BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<QdrantOptions>>().Value);

            Assert.Contains("Qdrant__ApiKey", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("in-a-file", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void QdrantOptions_ApiKeyFromTheEnvironmentLayer_Accepted()
    {
        using var services = Build(new() { ["Retrieval:Store"] = "qdrant", ["Qdrant:ApiKey"] = "from-env" });

        Assert.Equal("from-env", services.GetRequiredService<IOptions<QdrantOptions>>().Value.ApiKey);
    }

    [Fact]
    public void Dispose_StoreHeldUnderTwoServiceTypes_ClosesItWithoutError()
    {
        var services = Build(new() { ["Retrieval:Store"] = "qdrant" });
        Assert.Same(services.GetRequiredService<QdrantChunkStore>(), services.GetRequiredService<IChunkStore>());

        var error = Record.Exception(services.Dispose);

        Assert.Null(error);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(Configuration(settings))
            .AddLogging()
            .AddPaperBotRetrievalStore()
            .AddPaperBotKnowledge()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    private static IConfigurationRoot Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null)).Build();
}
