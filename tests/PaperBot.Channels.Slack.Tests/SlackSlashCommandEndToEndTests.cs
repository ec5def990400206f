using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using PaperBot.Answering;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Slack.Tests;

/// <summary>
/// The slash command through the real host (<c>WebApplicationFactory&lt;Program&gt;</c>: the host's own wiring,
/// <c>AddSlackChannel</c> and <c>MapSlackEndpoints</c> included) with the answer service the host registers, slowed
/// down on purpose; the answer is delivered to a loopback <c>response_url</c> server (real Kestrel on 127.0.0.1).
/// </summary>
public sealed class SlackSlashCommandEndToEndTests
{
    private const string Secret = "e2e-signing-secret";

    private static WebApplicationFactory<Program> Host(FakeSlack? slack, Action<SlowAnswerService>? created = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(slack is null
                ? []
                : new Dictionary<string, string?>
                {
                    ["Slack:SigningSecret"] = Secret,
                    ["Slack:BotToken"] = "xoxb-e2e",
                    ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
                    ["Slack:ResponseUrlBase"] = slack.ResponseUrlBase,
                    // The real answer service's first question may build the index: give it time.
                    ["Slack:AnswerTimeout"] = "00:05:00",
                }));
            builder.ConfigureTestServices(services => SlowAnswerService.Decorate(services, created ?? (_ => { })));
        });

    private static HttpRequestMessage Command(string text, Uri responseUrl)
    {
        var body = $"token=x&team_id=T1&channel_id=C123&channel_name=study&user_id=UALICE&user_name=alice&command=%2Fpaper&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl.ToString())}&trigger_id=1.2.3";
        return SlackSigner.Request("/slack/commands", body, "application/x-www-form-urlencoded", Secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task PostCommand_SlowAnswer_AckedWithin3SecondsThenAnswerArrivesAtResponseUrl()
    {
        await using var slack = await FakeSlack.StartAsync();
        var slowCreated = new TaskCompletionSource<SlowAnswerService>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = Host(slack, s => slowCreated.TrySetResult(s));
        using var client = factory.CreateClient();

        var clock = Stopwatch.StartNew();
        using var ack = await client.SendAsync(Command("What is the North-South Gas Pipeline?", slack.ResponseUrl("e2e")), Ct);
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"ack took {clock.Elapsed}");
        Assert.Empty(slack.Calls("response/e2e"));

        var slow = await slowCreated.Task.WaitAsync(Patience, Ct);
        TestContext.Current.SendDiagnosticMessage($"Answer service under test: {slow.Inner.GetType().FullName}");
        slow.Release();
        var delivered = await slack.WaitForAsync("response/e2e", timeout: TimeSpan.FromMinutes(5));
        var answer = await slow.Answered.WaitAsync(Patience, Ct);

        var json = delivered.Json;
        Assert.Null(delivered.Authorization);
        Assert.Equal(answer.IsDeclined ? "ephemeral" : "in_channel", json.GetProperty("response_type").GetString());
        var blocks = json.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Contains(blocks, b => b.GetProperty("type").GetString() == "section");
        var citations = blocks.Where(b => b.GetProperty("type").GetString() == "context")
            .Select(b => b.GetProperty("elements")[0].GetProperty("text").GetString()!)
            .Where(t => t.StartsWith("*[", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(answer.Citations.Count, citations.Count);
        Assert.All(answer.Citations.Zip(citations), pair => Assert.StartsWith($"*[{pair.First.Marker}]* §", pair.Second, StringComparison.Ordinal));
        if (!answer.IsDeclined)
        {
            Assert.NotEmpty(citations);
            var actions = blocks.Single(b => b.GetProperty("type").GetString() == "actions" && b.GetProperty("block_id").GetString() == "paperbot_feedback");
            Assert.All(actions.GetProperty("elements").EnumerateArray(), e => Assert.Equal(answer.Id, e.GetProperty("value").GetString()));
        }
    }

    [Fact]
    public async Task PostCommand_Help_AnsweredPrivately()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var factory = Host(slack, s => s.Release());
        using var client = factory.CreateClient();

        using var ack = await client.SendAsync(Command("help", slack.ResponseUrl("help")), Ct);
        var delivered = await slack.WaitForAsync("response/help", timeout: TimeSpan.FromMinutes(5));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("ephemeral", delivered.Json.GetProperty("response_type").GetString());
        // No feedback on help; its example questions are buttons.
        Assert.DoesNotContain(delivered.Json.GetProperty("blocks").EnumerateArray(), b => b.TryGetProperty("block_id", out var id) && id.GetString() == "paperbot_feedback");
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactions")]
    public async Task Post_SlackNotConfigured_Is404AndHostRuns(string path)
    {
        await using var factory = Host(null);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(path, new StringContent("x=1"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
