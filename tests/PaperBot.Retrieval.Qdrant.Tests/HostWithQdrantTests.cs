using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Retrieval.Qdrant.Tests.Fakes;

namespace PaperBot.Retrieval.Qdrant.Tests;

/// <summary>The web host with <c>Retrieval__Store=qdrant</c> and no Qdrant behind the endpoint.</summary>
public sealed class HostWithQdrantTests
{
    [Fact]
    public async Task Host_QdrantDown_StartsAndHealthzAnswers503NamingStoreAndEndpoint()
    {
        var endpoint = $"http://127.0.0.1:{LoopbackPorts.Closed()}";
        await using var factory = new QdrantHostFactory(new() { ["Retrieval:Store"] = "qdrant", ["Qdrant:Endpoint"] = endpoint });
        using var client = factory.CreateClient();
        var watch = Stopwatch.StartNew();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("unavailable", body.GetProperty("status").GetString());
        Assert.Equal("qdrant", body.GetProperty("store").GetString());
        Assert.Contains(endpoint, body.GetProperty("location").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_QdrantDown_IndexingThrowsStoreUnavailableAndTheHostKeepsServing()
    {
        await using var factory = new QdrantHostFactory(new() { ["Retrieval:Store"] = "qdrant", ["Qdrant:Endpoint"] = $"http://127.0.0.1:{LoopbackPorts.Closed()}" });
        using var client = factory.CreateClient();
        var provider = factory.Services.GetRequiredService<KnowledgeBaseProvider>();

        await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => provider.GetAsync(TestContext.Current.CancellationToken));

        Assert.Null(provider.Current);
        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost:6334", "Qdrant:Endpoint")]
    [InlineData("http://localhost:6333", "Qdrant:Endpoint")]
    [InlineData("http://localhost:6334", "Qdrant:Collection", "")]
    [InlineData("http://localhost:6334", "Qdrant:WriteConsistencyFactor", "paperbot", "3")]
    public void Host_QdrantMisconfigured_FailsAtStartNamingTheSetting(string endpoint, string setting, string collection = "paperbot", string? writeConsistency = null)
    {
        using var factory = new QdrantHostFactory(new()
        {
            ["Retrieval:Store"] = "qdrant",
            ["Qdrant:Endpoint"] = endpoint,
            ["Qdrant:Collection"] = collection,
            ["Qdrant:WriteConsistencyFactor"] = writeConsistency,
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_DefaultStore_IsEmbeddedAndIgnoresQdrantSettings()
    {
        await using var factory = new QdrantHostFactory(new() { ["Qdrant:Endpoint"] = "not a url" });
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsType<EmbeddedChunkStore>(factory.Services.GetRequiredService<IChunkStore>());
    }
}
