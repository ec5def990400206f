using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Hostile.Tests.Support;
using PaperBot.Testing.Loopback;

namespace PaperBot.Hostile.Tests;

/// <summary>
/// A language model that accepts connections and never answers: after a few timeouts the circuit opens and answers
/// are extractive at once, instead of each waiting for the model's timeout.
/// </summary>
public sealed class HungModelTests(HostileHost suite) : IAsyncLifetime
{
    private const string Question = "When did Russia and Pakistan sign the gas pipeline deal?";
    private readonly SilentServer _model = SilentServer.Start();
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        _host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Knowledge:CachePath", suite.CacheFolder);
            builder.UseSetting("Llm:Provider", "openai");
            builder.UseSetting("Llm:Endpoint", _model.Url("v1"));
            builder.UseSetting("Llm:Model", "hung-model");
            builder.UseSetting("Llm:TimeoutSeconds", "1");
            builder.UseSetting("Llm:BreakAfterFailures", "2");
            builder.UseSetting("Llm:BreakSeconds", "300");
        });
        _host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Ask_ModelNeverAnswers_CircuitOpensAndAnswersAreExtractiveAtOnce()
    {
        for (var i = 0; i < 2; i++)
        {
            var (mode, elapsed) = await AskAsync();
            Assert.Equal("extractive", mode);
            Assert.True(elapsed >= TimeSpan.FromSeconds(0.9), $"the model was waited for: {elapsed}");
        }

        var before = _model.Connections;
        var (skippedMode, skippedElapsed) = await AskAsync();

        Assert.Equal("extractive", skippedMode);
        Assert.True(skippedElapsed < TimeSpan.FromSeconds(0.8), $"answered without waiting for the model: {skippedElapsed}");
        Assert.Equal(before, _model.Connections);
    }

    private async Task<(string Mode, TimeSpan Elapsed)> AskAsync()
    {
        var watch = Stopwatch.StartNew();
        using var response = await _http.PostAsJsonAsync("/api/ask", new { question = Question }, TestContext.Current.CancellationToken);
        watch.Stop();
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("answered", json.RootElement.GetProperty("status").GetString());
        return (json.RootElement.GetProperty("mode").GetString()!, watch.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _model.DisposeAsync();
    }
}
