using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Host.Tests;

/// <summary>Liveness and readiness as an orchestrator reads them.</summary>
public sealed class HealthTests(HostFixture host) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paperbot-health-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Ready_IndexBuiltWithThePaper_200WithTheDocumentCount()
    {
        await host.Services.GetRequiredService<KnowledgeBaseProvider>().GetAsync(TestContext.Current.CancellationToken);
        using var client = host.CreateClient();

        foreach (var path in new[] { "/healthz/ready", "/healthz" })
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

            var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
            Assert.Equal("ok", body.GetProperty("status").GetString());
            Assert.Equal(1, body.GetProperty("documents").GetInt32());
            Assert.Equal("embedded", body.GetProperty("store").GetString());
        }
    }

    [Fact]
    public async Task EmptyReadingsFolder_Ready503NamingTheFolder_Live200()
    {
        await using var factory = Host(_folder);
        using var client = factory.CreateClient();
        var provider = factory.Services.GetRequiredService<KnowledgeBaseProvider>();

        var error = await Assert.ThrowsAsync<NoReadingsException>(() => provider.GetAsync(TestContext.Current.CancellationToken));

        Assert.Equal(_folder, error.Folder);
        await AssertNotReady(client, _folder);
        using var live = await client.GetAsync("/healthz/live", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task MissingReadingsFolder_Ready503NamingTheFolder()
    {
        var missing = Path.Combine(_folder, "no-such-folder");
        await using var factory = Host(missing);
        using var client = factory.CreateClient();

        await Assert.ThrowsAsync<NoReadingsException>(() => factory.Services.GetRequiredService<KnowledgeBaseProvider>().GetAsync(TestContext.Current.CancellationToken));

        var problem = await AssertNotReady(client, missing);
        Assert.Contains("not found", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAnUnreadableFile_Ready503WithTheFilesReason()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "empty.txt"), "", TestContext.Current.CancellationToken);
        await using var factory = Host(_folder);
        using var client = factory.CreateClient();

        await Assert.ThrowsAsync<NoReadingsException>(() => factory.Services.GetRequiredService<KnowledgeBaseProvider>().GetAsync(TestContext.Current.CancellationToken));

        var problem = await AssertNotReady(client, _folder);
        Assert.Contains("skipped empty.txt: empty file", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexNotBuiltYet_Ready503ThenReadyOnceBuilt()
    {
        var readings = Directory.CreateDirectory(Path.Combine(_folder, "readings")).FullName;
        File.Copy(Path.Combine(HostProcess.RepositoryRoot, "knowledge", "russia-pakistan-paper.txt"), Path.Combine(readings, "paper.txt"));
        await using var factory = Host(readings);
        using var client = factory.CreateClient();

        using (var before = await client.GetAsync("/healthz/ready", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
            var body = await before.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal("the index is being built", body.GetProperty("problem").GetString());
            Assert.False(body.TryGetProperty("documents", out _));
        }

        await factory.Services.GetRequiredService<KnowledgeBaseProvider>().GetAsync(TestContext.Current.CancellationToken);

        using var after = await client.GetAsync("/healthz/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task AskWithNothingToRead_503ProblemDocument()
    {
        await using var factory = Host(_folder);
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "What is the pipeline?" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<string> AssertNotReady(HttpClient client, string folder)
    {
        using var response = await client.GetAsync("/healthz/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("unavailable", body.GetProperty("status").GetString());
        var problem = body.GetProperty("problem").GetString()!;
        Assert.Contains(folder, problem, StringComparison.Ordinal);
        Assert.Equal("unavailable", body.GetProperty("checks").GetProperty("knowledge").GetProperty("status").GetString());
        return problem;
    }

    /// <summary>The host over a readings folder of the test's own; without the warm-up, the test decides when the index is built.</summary>
    private WebApplicationFactory<Program> Host(string readings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Knowledge:Path", readings);
            builder.UseSetting("Knowledge:CachePath", Path.Combine(_folder, "cache"));
            builder.ConfigureTestServices(services =>
            {
                foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(KnowledgeWarmUp)).ToList())
                {
                    services.Remove(descriptor);
                }
            });
        });
}
