using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Hostile.Tests.Support;

namespace PaperBot.Hostile.Tests;

/// <summary>The suite's host started over the audit's damaged cache file: it set the file aside and answers correctly.</summary>
public sealed class DamagedCacheTests(HostileHost host)
{
    [Fact]
    public async Task Ask_HostStartedOverABadLengthPrefix_AnswersFromTheRightSection()
    {
        using var response = await host.Http.PostAsJsonAsync("/api/ask", new { question = "When did Russia and Pakistan sign the gas pipeline deal?" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("answered", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("3.II", json.RootElement.GetProperty("citations")[0].GetProperty("sectionId").GetString());
        Assert.Single(Directory.GetFiles(host.CacheFolder, "*.damaged-*"));
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 4000 && r.Level == LogLevel.Warning && r.Exception is null);
    }

    [Fact]
    public async Task Healthz_AfterTheRebuild_Ok()
    {
        // Ready means the index is built: wait for the build itself (it does not wait for a health probe).
        await host.Services.GetRequiredService<PaperBot.Knowledge.KnowledgeBaseProvider>().GetAsync(TestContext.Current.CancellationToken);

        using var response = await host.Http.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
