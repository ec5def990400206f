using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Knowledge;

namespace PaperBot.Host.Tests;

public sealed class AskEndpointTests(HostFixture host)
{
    private readonly HttpClient _client = host.CreateClient();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Post_Question_ReturnsTheAnswerContract()
    {
        var response = await _client.PostAsync("/api/ask", Json("""{"question": "How long is the North-South gas pipeline?"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal("answered", root.GetProperty("status").GetString());
        Assert.Equal("extractive", root.GetProperty("mode").GetString());
        Assert.Contains("[1]", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("elapsedMs").GetDouble() > 0);
        var citation = root.GetProperty("citations")[0];
        Assert.Equal(1, citation.GetProperty("marker").GetInt32());
        Assert.Equal("russia-pakistan-paper", citation.GetProperty("documentId").GetString());
        Assert.Equal("3.II", citation.GetProperty("sectionId").GetString());
        Assert.Equal("North-South Gas Pipeline (NSGP) Project", citation.GetProperty("sectionTitle").GetString());
        Assert.Equal("Russia Pakistan Paper", citation.GetProperty("documentTitle").GetString());
        Assert.Contains("1,100 kms", citation.GetProperty("quote").GetString(), StringComparison.Ordinal);
        Assert.False(root.TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Post_FollowUpWithConversationId_ReadInTheLightOfThePreviousQuestion()
    {
        var conversation = "http-test-" + Guid.NewGuid().ToString("N");
        await _client.PostAsJsonAsync("/api/ask", new { question = "When did Russia and Pakistan sign the North-South gas pipeline deal?", conversationId = conversation }, TestContext.Current.CancellationToken);

        var followUp = await _client.PostAsJsonAsync("/api/ask", new { question = "How much was it worth?", conversationId = conversation }, TestContext.Current.CancellationToken);
        var alone = await _client.PostAsJsonAsync("/api/ask", new { question = "How much was it worth?", conversationId = "http-test-" + Guid.NewGuid().ToString("N") }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        using var json = JsonDocument.Parse(await followUp.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("answered", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("pipeline", json.RootElement.GetProperty("interpretation").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(json.RootElement.GetProperty("citations").EnumerateArray(), c => c.GetProperty("quote").GetString()!.Contains("1.7 billion", StringComparison.Ordinal));
        using var other = JsonDocument.Parse(await alone.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(other.RootElement.TryGetProperty("interpretation", out var reading) && reading.ValueKind == JsonValueKind.String);
    }

    [Theory]
    [InlineData("""{"question": "What is the NSGP?", "conversationId": 42}""")]
    [InlineData("""{"question": "What is the NSGP?", "conversationId": ""}""")]
    [InlineData("""{"question": "What is the NSGP?", "conversationId": "a\u0001b"}""")]
    public async Task Post_BadConversationId_400NamingTheField(string body)
    {
        var response = await _client.PostAsync("/api/ask", Json(body), TestContext.Current.CancellationToken);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("conversationId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_LongConversationId_400()
    {
        var response = await _client.PostAsJsonAsync("/api/ask", new { question = "What is the NSGP?", conversationId = new string('c', 201) }, TestContext.Current.CancellationToken);

        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_MalformedJson_400ProblemDocument()
    {
        var response = await _client.PostAsync("/api/ask", Json("""{"question": """), TestContext.Current.CancellationToken);

        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""["a list"]""")]
    [InlineData("""{"question": 42}""")]
    [InlineData("""{"q": "wrong field"}""")]
    public async Task Post_WrongShape_400ProblemDocument(string body)
    {
        var response = await _client.PostAsync("/api/ask", Json(body), TestContext.Current.CancellationToken);

        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_NotJson_415ProblemDocument()
    {
        var response = await _client.PostAsync("/api/ask", new StringContent("question=hi", Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_BodyOver64KB_413ProblemDocument()
    {
        var body = JsonSerializer.Serialize(new { question = new string('a', 70 * 1024) });

        var response = await _client.PostAsync("/api/ask", Json(body), TestContext.Current.CancellationToken);

        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("What\u0001is this?")]
    public async Task Post_UnusableQuestion_400WithTheReason(string question)
    {
        var response = await _client.PostAsJsonAsync("/api/ask", new { question }, TestContext.Current.CancellationToken);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Post_QuestionOver1000Characters_400SayingTheLimit()
    {
        var response = await _client.PostAsJsonAsync("/api/ask", new { question = new string('q', 1500) }, TestContext.Current.CancellationToken);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("1,000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DeclinedQuestion_200WithStatusAndSuggestions()
    {
        var response = await _client.PostAsJsonAsync("/api/ask", new { question = "Write a poem about cats" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("out_of_scope", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("off_topic", json.RootElement.GetProperty("reason").GetString());
        Assert.True(json.RootElement.GetProperty("evidence").GetArrayLength() >= 1);
        Assert.True(json.RootElement.GetProperty("suggestions").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task GetHealthz_EmbeddedStore_200NamingTheStore()
    {
        await host.Services.GetRequiredService<KnowledgeBaseProvider>().GetAsync(TestContext.Current.CancellationToken);

        var response = await _client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("embedded", json.RootElement.GetProperty("store").GetString());
    }

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        Assert.Equal((int)expected, json.RootElement.GetProperty("status").GetInt32());
        return json.RootElement.Clone();
    }
}
