using Microsoft.Extensions.Time.Testing;
using PaperBot.Answering;
using PaperBot.Testing;
using PaperBot.Testing.Loopback;

namespace PaperBot.Generation.Tests;

/// <summary>The circuit breaker in front of the model, against a real loopback model that fails, then recovers.</summary>
public sealed class ModelCircuitTests(PaperFixture paper)
{
    private const string Question = "What agreement did Zulfikar Ali Bhutto conclude with the USSR?";

    [Fact]
    public async Task GenerateAsync_ModelFailsRepeatedly_SkippedUntilTheBreakEndsThenAProbeBringsItBack()
    {
        var request = await paper.RequestAsync(Question);
        var reply = string.Join(" ", ScriptedAnswers.Statements(request.Passages[0]).Take(2).Select(s => ScriptedAnswers.Paraphrase(s).TrimEnd('.') + " [1]."));
        var healthy = false;
        await using var server = await ScriptedChatServer.StartAsync(_ => Volatile.Read(ref healthy) ? new ScriptedReply.Completion(reply) : new ScriptedReply.Failure(503));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = TestGenerators.Services(server.Endpoint, time: clock, extra: new Dictionary<string, string?>
        {
            ["Llm:BreakAfterFailures"] = "3",
            ["Llm:BreakSeconds"] = "30",
        });
        var generator = TestGenerators.Generator(services);
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await generator.GenerateAsync(request, ct));
        }

        Assert.Equal(3, server.Requests.Count);

        // Open: the model is not called at all.
        Volatile.Write(ref healthy, true);
        Assert.Null(await generator.GenerateAsync(request, ct));
        Assert.Equal(3, server.Requests.Count);

        // The break is over: one question probes, gets an answer, and the circuit is closed again.
        clock.Advance(TimeSpan.FromSeconds(31));
        var probed = await generator.GenerateAsync(request, ct);
        Assert.Equal("generative", probed?.Mode);
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal("generative", (await generator.GenerateAsync(request, ct))?.Mode);
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task GenerateAsync_EmptyRepliesAreNotFailures_ModelStillCalled()
    {
        var request = await paper.RequestAsync(Question);
        await using var server = await ScriptedChatServer.StartAsync(new ScriptedReply.Completion(" "));
        await using var services = TestGenerators.Services(server.Endpoint, extra: new Dictionary<string, string?> { ["Llm:BreakAfterFailures"] = "2" });
        var generator = TestGenerators.Generator(services);

        for (var i = 0; i < 4; i++)
        {
            Assert.Null(await generator.GenerateAsync(request, TestContext.Current.CancellationToken));
        }

        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public void Validate_BreakSettingsOutOfRange_NameTheSetting()
    {
        var result = new LlmOptionsValidator().Validate(null, new LlmOptions { BreakAfterFailures = 1, BreakSeconds = 0 });

        Assert.Contains(result.Failures!, f => f.Contains("Llm:BreakAfterFailures", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Llm:BreakSeconds", StringComparison.Ordinal));
    }
}
