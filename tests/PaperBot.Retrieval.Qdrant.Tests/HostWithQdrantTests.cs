using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Retrieval.Qdrant.Tests.Fakes;
using PaperBot.Testing.Loopback;

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

    [Fact]
    public async Task AskApi_QdrantDown_Answers503ProblemDocument()
    {
        await using var factory = new QdrantHostFactory(new() { ["Retrieval:Store"] = "qdrant", ["Qdrant:Endpoint"] = $"http://127.0.0.1:{LoopbackPorts.Closed()}" });
        using var client = factory.CreateClient();
        var watch = Stopwatch.StartNew();

        var response = await AskAsync(client, "What is the North-South Gas Pipeline?");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains("knowledge store is unavailable", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Host_QdrantComesBack_IndexesAndAnswersWithoutARestart()
    {
        using var reserved = new ReservedPort();
        var port = reserved.Port;
        await using var factory = new QdrantHostFactory(new() { ["Retrieval:Store"] = "qdrant", ["Qdrant:Endpoint"] = $"http://127.0.0.1:{port}" });
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await AskAsync(client, "What is the North-South Gas Pipeline?")).StatusCode);

        reserved.Release();
        var qdrant = new FakeQdrant(FakeQdrant.ExistingPaperBotCollection());
        await using var server = await FakeQdrantServer.StartAsync(qdrant.Invoker, port);
        var watch = Stopwatch.StartNew();
        HttpResponseMessage health;
        do
        {
            health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        }
        while (health.StatusCode != HttpStatusCode.OK && watch.Elapsed < TimeSpan.FromSeconds(15) && await Pause());

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var answer = await AskAsync(client, "What is the North-South Gas Pipeline?");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var knowledge = factory.Services.GetRequiredService<KnowledgeBaseProvider>().Current;
        Assert.NotNull(knowledge);
        Assert.Equal(knowledge.Chunks.Count, qdrant.PointCount);
        Assert.Contains(qdrant.Invoker.Calls, c => c.Method == FakeQdrant.PointsQuery);
    }

    [Theory]
    [InlineData("localhost:6334", "Qdrant:Endpoint")]
    [InlineData("http://localhost:6333", "Qdrant:Endpoint")]
    [InlineData("http://localhost:6334", "Qdrant:Collection", "")]
    [InlineData("http://localhost:6334", "Qdrant:WriteConsistencyFactor", "paperbot", "3")]
    public void Host_QdrantMisconfigured_FailsAtStartNamingTheSetting(string endpoint, string setting, string collection = "paperbot", string? writeConsistency = null)
    {
        // A host that fails at start disposes itself at once; WebApplicationFactory, still waiting for it to start,
        // then sometimes reports that disposal (ObjectDisposedException) instead of the failure. A new factory is
        // asked again in that case only: the failure itself must be the validation naming the setting.
        Exception? error = null;
        for (var attempt = 0; attempt < 5 && error is null or ObjectDisposedException; attempt++)
        {
            using var factory = new QdrantHostFactory(new()
            {
                ["Retrieval:Store"] = "qdrant",
                ["Qdrant:Endpoint"] = endpoint,
                ["Qdrant:Collection"] = collection,
                ["Qdrant:WriteConsistencyFactor"] = writeConsistency,
            });
            error = Record.Exception(() => factory.CreateClient());
        }

        var validation = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(setting, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_DefaultStore_IsEmbeddedAndIgnoresQdrantSettings()
    {
        await using var factory = new QdrantHostFactory(new() { ["Qdrant:Endpoint"] = "not a url" });
        using var client = factory.CreateClient();
        await factory.Services.GetRequiredService<KnowledgeBaseProvider>().GetAsync(TestContext.Current.CancellationToken);

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsType<EmbeddedChunkStore>(factory.Services.GetRequiredService<IChunkStore>());
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, string question) =>
        client.PostAsync(
            new Uri("/api/ask", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { question }), Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

    private static async Task<bool> Pause()
    {
        await Task.Delay(200, TestContext.Current.CancellationToken);
        return true;
    }
}
