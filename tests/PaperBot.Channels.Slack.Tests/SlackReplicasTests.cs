using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PaperBot.Answering;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Testing;
using PaperBot.Testing.Logging;
using PaperBot.Testing.Loopback;
using PaperBot.Testing.Servers;

[assembly: AssemblyFixture(typeof(PostgresFixture))]

namespace PaperBot.Channels.Slack.Tests;

/// <summary>
/// Two replicas of the host behind one load balancer, sharing one real PostgreSQL: Slack's retry of an event that
/// reaches the other replica is answered once, not twice.
/// </summary>
public sealed class SlackReplicasTests(PostgresFixture postgres)
{
    private const string Secret = "replica-signing-secret";

    private static WebApplicationFactory<Program> Replica(FakeSlack slack, string connectionString, LogSignal duplicate) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:Provider", "postgres");
            builder.UseSetting("Storage:ConnectionString", connectionString);
            builder.UseSetting("Slack:SigningSecret", Secret);
            builder.UseSetting("Slack:BotToken", "xoxb-replica");
            builder.UseSetting("Slack:ApiBaseUrl", slack.ApiBaseUrl);
            builder.UseSetting("Slack:ResponseUrlBase", slack.ResponseUrlBase);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IAnswerService>();
                services.AddSingleton<IAnswerService>(new StubAnswerService());
                services.AddSingleton<ILoggerProvider>(duplicate);
            });
        });

    [Fact]
    public async Task SameEventToBothReplicas_AnsweredOnce()
    {
        await using var slack = await FakeSlack.StartAsync();
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        // The replica that lost the claim logs "already seen" (event 2010).
        var duplicate = new LogSignal(2010);
        await using var first = Replica(slack, connectionString, duplicate);
        await using var second = Replica(slack, connectionString, duplicate);
        using var toFirst = first.CreateClient();
        using var toSecond = second.CreateClient();
        var body = JsonSerializer.Serialize(Test.EventEnvelope("EvReplica1", $"<@{FakeSlack.BotUserId}> What is in the reading?"));

        // The first delivery to one replica, Slack's retry (as if the first ack was lost) to the other.
        using var ack1 = await toFirst.SendAsync(SlackSigner.Request("/slack/events", body, "application/json", Secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()), Test.Ct);
        var retry = SlackSigner.Request("/slack/events", body, "application/json", Secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        using var ack2 = await toSecond.SendAsync(retry, Test.Ct);

        Assert.Equal(HttpStatusCode.OK, ack1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ack2.StatusCode);
        await slack.WaitForAsync("chat.postMessage", timeout: TimeSpan.FromSeconds(30));
        // The replica that lost the claim says so once it has looked: only then is the count final.
        await duplicate.Logged.WaitAsync(TimeSpan.FromSeconds(30), Test.Ct);
        Assert.Single(slack.Calls("chat.postMessage"));
    }
}
