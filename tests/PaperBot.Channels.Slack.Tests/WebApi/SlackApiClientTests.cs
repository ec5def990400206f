using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Channels.Slack.WebApi;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Slack.Tests.WebApi;

public sealed class SlackApiClientTests
{
    private static ServiceProvider Services(FakeSlack slack)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = SlackTestHost.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        }).Build());
        services.AddLogging(b => b.AddFakeLogging());
        services.AddSlackChannel();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task PostMessageAsync_OkFalse_LogsErrorCode()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Override = (method, _) => method == "chat.postMessage" ? ScriptedResponse.Json(new { ok = false, error = "channel_not_found" }) : null;
        await using var services = Services(slack);

        var result = await services.GetRequiredService<SlackApiClient>().PostMessageAsync("C404", null, SlackMessage.Plain("hi"), Ct);

        Assert.False(result.Ok);
        Assert.Equal("channel_not_found", result.Error);
        var line = Assert.Single(services.GetRequiredService<FakeLogCollector>().GetSnapshot(), r => r.Id.Id == 2040);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("chat.postMessage", line.Message, StringComparison.Ordinal);
        Assert.Contains("channel_not_found", line.Message, StringComparison.Ordinal);
        Assert.Single(slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task PostMessageAsync_429WithRetryAfter_WaitsThenSucceeds()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Override = (method, count) => method == "chat.postMessage" && count == 1 ? RateLimited(1) : null;
        await using var services = Services(slack);
        var clock = Stopwatch.StartNew();

        var result = await services.GetRequiredService<SlackApiClient>().PostMessageAsync("C1", "1.2", SlackMessage.Plain("hi"), Ct);

        Assert.True(result.Ok);
        Assert.Equal(2, slack.Calls("chat.postMessage").Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}, before Retry-After");
    }

    [Fact]
    public async Task PostMessageAsync_ClientError_NotRetried()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Override = (method, _) => method == "chat.postMessage" ? ScriptedResponse.Empty(StatusCodes.Status400BadRequest) : null;
        await using var services = Services(slack);

        var result = await services.GetRequiredService<SlackApiClient>().PostMessageAsync("C1", null, SlackMessage.Plain("hi"), Ct);

        Assert.False(result.Ok);
        Assert.Single(slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task AuthTestAsync_Ok_ReturnsBotIdentity()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = Services(slack);

        var identity = await services.GetRequiredService<SlackApiClient>().AuthTestAsync(Ct);

        Assert.Equal(new SlackAuthIdentity(FakeSlack.BotUserId, FakeSlack.BotId), identity);
        Assert.Equal($"Bearer {SlackTestHost.BotToken}", Assert.Single(slack.Calls("auth.test")).Authorization);
    }

    [Fact]
    public async Task RespondAsync_ResponseUrl_SendsNoToken()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = Services(slack);

        var ok = await services.GetRequiredService<SlackApiClient>().RespondAsync(slack.ResponseUrl("r"), SlackMessage.Plain("hi"), inChannel: true, Ct);

        Assert.True(ok);
        var call = Assert.Single(slack.Calls("response/r"));
        Assert.Null(call.Authorization);
        Assert.Equal("in_channel", call.Json.GetProperty("response_type").GetString());
    }

    private static ScriptedResponse RateLimited(int seconds) =>
        ScriptedResponse.Empty(StatusCodes.Status429TooManyRequests).WithHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
