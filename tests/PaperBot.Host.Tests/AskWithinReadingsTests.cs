using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Evaluation;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Configuration;

namespace PaperBot.Host.Tests;

/// <summary>
/// <c>POST /api/ask</c> with <c>"readings"</c> over real HTTP on loopback, the host reading the shipped paper and the
/// reading the tests add (<c>tests/gold/readings/</c>): answers come from the readings named, unknown ids are a 400.
/// </summary>
public sealed class AskWithinReadingsTests(HostFixture fixture) : IAsyncLifetime
{
    private CourseFolder _course = null!;
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _http = null!;
    private IReadOnlyList<string> _ids = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _course = CourseFolder.Create(PathResolver.ResolveFolder("knowledge"), GoldSet.ReadingsFolder(PathResolver.ResolveFolder(GoldSet.DefaultFolder)));
        _host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Knowledge:Path", _course.Path);
            builder.UseSetting("Knowledge:CachePath", fixture.CacheFolder);
        });
        _host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };
        _ids = (await _host.Services.GetRequiredService<KnowledgeBaseProvider>().GetAsync(Ct)).Documents.Select(d => d.Id).ToList();
        Assert.Equal(2, _ids.Count);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        _course.Dispose();
    }

    private string Added => GoldSet.LoadFolder(PathResolver.ResolveFolder(GoldSet.DefaultFolder)).First(g => g.Reading != Shipped && _ids.Contains(g.Reading)).Reading;

    private string Shipped => DocumentIdOfShippedPaper();

    private static string DocumentIdOfShippedPaper() =>
        Directory.EnumerateFiles(PathResolver.ResolveFolder("knowledge")).Where(f => !f.EndsWith(".json", StringComparison.Ordinal))
            .Select(PaperBot.Knowledge.Documents.DocumentLoader.DocumentId).Single();

    private async Task<(HttpStatusCode Status, JsonElement Body)> AskAsync(object body)
    {
        using var response = await _http.PostAsJsonAsync("api/ask", body, Ct);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone());
    }

    private static IEnumerable<string> CitedReadings(JsonElement answer) =>
        answer.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("documentId").GetString()!);

    [Fact]
    public async Task Ask_WithReadings_IsAnsweredFromThoseOnly()
    {
        var question = GoldSet.LoadFolder(PathResolver.ResolveFolder(GoldSet.DefaultFolder)).First(g => g.Reading == Added && g.Kind == "answer" && g.Category == "fact").Question;

        var (status, answer) = await AskAsync(new { question, readings = new[] { Added } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("answered", answer.GetProperty("status").GetString());
        Assert.NotEmpty(CitedReadings(answer));
        Assert.All(CitedReadings(answer), id => Assert.Equal(Added, id));
    }

    [Fact]
    public async Task Ask_AboutTheReadingNotNamed_SaysItIsNotInUse_AndCitesNothingOfIt()
    {
        // A question about the shipped paper, as its README asks it.
        const string question = "When did Russia and Pakistan sign the gas pipeline deal?";
        var (_, everywhere) = await AskAsync(new { question });
        Assert.Contains(Shipped, CitedReadings(everywhere));

        var (status, answer) = await AskAsync(new { question, readings = new[] { Added } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(Shipped, CitedReadings(answer));
        Assert.NotEqual("answered", answer.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ask_UnknownReadingIds_Is400NamingThemAndTheKnownIds()
    {
        var (status, problem) = await AskAsync(new { question = "What is the abstract about?", readings = new[] { Added, "no-such-reading" } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["no-such-reading"], problem.GetProperty("unknown").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(_ids.Order(), problem.GetProperty("known").EnumerateArray().Select(e => e.GetString()!).Order());
        Assert.Contains("no-such-reading", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"question": "q", "readings": "one-id"}""")]
    [InlineData("""{"question": "q", "readings": [1, 2]}""")]
    [InlineData("""{"question": "q", "readings": [""]}""")]
    public async Task Ask_ReadingsNotAListOfIds_Is400(string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("api/ask", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Contains("readings", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_ListsBothReadingsWithTheirSections()
    {
        using var response = await _http.GetAsync("api/sources", Ct);
        var sources = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("answer").GetString()!;

        Assert.All(_ids, id => Assert.Contains($"({id})", sources, StringComparison.Ordinal));
        Assert.Contains("indexed", sources, StringComparison.Ordinal);
    }
}
