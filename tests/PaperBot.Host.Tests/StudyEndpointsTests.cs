using System.Net;
using System.Text.Json;

namespace PaperBot.Host.Tests;

public sealed class StudyEndpointsTests(HostFixture host)
{
    private readonly HttpClient _client = host.CreateClient();

    private async Task<(HttpStatusCode Status, JsonElement Json, string? ContentType)> GetAsync(string path)
    {
        var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/sections", "sections")]
    [InlineData("/api/summary", "summary")]
    [InlineData("/api/summary?section=3.II", "summary")]
    [InlineData("/api/timeline", "timeline")]
    [InlineData("/api/glossary", "glossary")]
    [InlineData("/api/define?term=RLNG", "define")]
    [InlineData("/api/quiz", "quiz")]
    [InlineData("/api/sources", "sources")]
    public async Task Get_StudyCommand_ReturnsTheAnswerContract(string path, string kind)
    {
        var (status, json, _) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("answered", json.GetProperty("status").GetString());
        Assert.Equal(kind, json.GetProperty("kind").GetString());
        if (kind is "summary" or "timeline" or "glossary" or "define")
        {
            Assert.True(json.GetProperty("citations").GetArrayLength() > 0);
        }
    }

    [Fact]
    public async Task Get_QuizThenItsAnswer_RevealsTheHiddenFact()
    {
        var (_, quiz, _) = await GetAsync("/api/quiz?section=3.III");
        var id = quiz.GetProperty("quiz").GetProperty("id").GetString();
        var hidden = quiz.GetProperty("quiz").GetProperty("answer").GetString()!;

        var (status, reveal, _) = await GetAsync($"/api/quiz/{id}/answer");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("quiz_answer", reveal.GetProperty("kind").GetString());
        Assert.Contains(hidden, reveal.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("3.III", reveal.GetProperty("citations")[0].GetProperty("sectionId").GetString());
    }

    [Fact]
    public async Task Get_TermNotDefined_IsNotInPaper()
    {
        var (status, json, _) = await GetAsync("/api/define?term=NATO");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("not_in_paper", json.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/api/define", HttpStatusCode.BadRequest)]
    [InlineData("/api/summary?section=9.IX", HttpStatusCode.NotFound)]
    [InlineData("/api/summary?section=not%20a%20section", HttpStatusCode.BadRequest)]
    [InlineData("/api/quiz/000000000000/answer", HttpStatusCode.NotFound)]
    public async Task Get_BadInput_IsAProblemDocument(string path, HttpStatusCode expected)
    {
        var (status, json, contentType) = await GetAsync(path);

        Assert.Equal(expected, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal((int)expected, json.GetProperty("status").GetInt32());
    }
}
