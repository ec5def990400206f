using System.Text.Json;
using PaperBot.Channels.Slack.SocketMode;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Slack.Tests.SocketMode;

/// <summary>Socket Mode against a loopback WebSocket server (Kestrel) that speaks Slack's envelope protocol.</summary>
public sealed class SlackSocketModeServiceTests
{
    private static Dictionary<string, string?> SocketModeSettings() => new()
    {
        ["Slack:SigningSecret"] = null,
        ["Slack:AppToken"] = SlackTestHost.AppToken,
    };

    [Fact]
    public async Task SocketMode_EventsEnvelope_AckedByIdAnsweredAndReconnectsAfterDisconnect()
    {
        await using var slack = await FakeSlack.StartAsync();
        var firstAck = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = slack.WaitForAsync("chat.postMessage");
        slack.SocketSession = async (socket, number, aborted) =>
        {
            await socket.SendJsonAsync(new { type = "hello", num_connections = 1, connection_info = new { app_id = "A1" } }, aborted);
            if (number == 1)
            {
                await socket.SendJsonAsync(new
                {
                    type = "events_api",
                    envelope_id = "env-1",
                    accepts_response_payload = false,
                    retry_attempt = 0,
                    payload = EventEnvelope("EvSock1", $"<@{FakeSlack.BotUserId}> What is the NSGP?"),
                }, aborted);
                if (await socket.ReceiveJsonAsync(aborted) is { } ack)
                {
                    firstAck.TrySetResult(ack);
                }

                await answered;
                await socket.SendJsonAsync(new { type = "disconnect", reason = "refresh_requested" }, aborted);
            }

            await socket.DrainUntilClosedAsync(aborted);
        };

        await using var host = await SlackTestHost.StartAsync(slack, SocketModeSettings());

        var ack = await firstAck.Task.WaitAsync(Patience, Ct);
        Assert.Equal("env-1", ack.GetProperty("envelope_id").GetString());
        var reply = await answered;
        Assert.Equal("1700000100.000200", reply.Json.GetProperty("thread_ts").GetString());
        Assert.Equal("What is the NSGP?", Assert.Single(host.Answers.Asked).Question);

        await slack.WaitForAsync("socket", c => c.Body.Contains("\"connection\":2", StringComparison.Ordinal));
        Assert.True(slack.Calls("apps.connections.open").Count >= 2);
        Assert.All(slack.Calls("apps.connections.open"), c => Assert.Equal($"Bearer {SlackTestHost.AppToken}", c.Authorization));
    }

    [Fact]
    public async Task SocketMode_QueueFull_EnvelopeLeftUnacknowledgedSoSlackRedelivers()
    {
        await using var slack = await FakeSlack.StartAsync();
        var hostReady = new TaskCompletionSource<SlackTestHost>(TaskCreationOptions.RunContinuationsAsynchronously);
        var acks = new List<string>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slack.SocketSession = async (socket, number, aborted) =>
        {
            if (number != 1)
            {
                await socket.DrainUntilClosedAsync(aborted);
                return;
            }

            var host = await hostReady.Task;
            await socket.SendJsonAsync(new { type = "hello" }, aborted);
            async Task SendAsync(string id) => await socket.SendJsonAsync(
                new { type = "events_api", envelope_id = id, accepts_response_payload = false, payload = EventEnvelope($"Ev-{id}", $"<@{FakeSlack.BotUserId}> question {id}") }, aborted);
            async Task ReadAckAsync() => acks.Add((await socket.ReceiveJsonAsync(aborted))!.Value.GetProperty("envelope_id").GetString()!);

            await SendAsync("env-1");
            await ReadAckAsync();
            await host.Answers.WaitForAskedAsync(1, Patience, aborted); // the one worker now holds env-1, waiting at the gate

            await SendAsync("env-2"); // fills the queue of one
            await ReadAckAsync();
            await SendAsync("env-3"); // refused: the queue is full
            while (!host.Messages.GetMeasurementSnapshot().Any(m => (string?)m.Tags["outcome"] == "busy"))
            {
                await Task.Delay(10, aborted); // sent is not yet handled: the refusal must happen while the queue is still full
            }

            host.Answers.Gate!.TrySetResult();
            await host.Answers.WaitForAskedAsync(2, Patience, aborted); // env-2 taken from the queue: room again

            await SendAsync("env-4");
            await ReadAckAsync(); // frames are handled in order, so env-3's ack would have come before this one
            done.TrySetResult();
            await socket.DrainUntilClosedAsync(aborted);
        };

        var settings = SocketModeSettings();
        settings["Slack:MaxConcurrentAnswers"] = "1";
        settings["Slack:QueueCapacity"] = "1";
        await using var host = await SlackTestHost.StartAsync(slack, settings);
        host.Answers.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hostReady.SetResult(host);

        await done.Task.WaitAsync(Patience, Ct);

        Assert.Equal(["env-1", "env-2", "env-4"], acks);
    }

    [Fact]
    public async Task SocketMode_SlashCommandEnvelope_AckedAndAnsweredAtResponseUrl()
    {
        await using var slack = await FakeSlack.StartAsync();
        var acked = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        slack.SocketSession = async (socket, number, aborted) =>
        {
            await socket.SendJsonAsync(new { type = "hello" }, aborted);
            await socket.SendJsonAsync(new
            {
                type = "slash_commands",
                envelope_id = $"cmd-{number}",
                accepts_response_payload = true,
                payload = new Dictionary<string, string>
                {
                    ["command"] = "/paper",
                    ["text"] = "What is the NSGP?",
                    ["user_id"] = "UALICE",
                    ["channel_id"] = "C123",
                    ["response_url"] = slack.ResponseUrl("sock").ToString(),
                },
            }, aborted);
            if (await socket.ReceiveJsonAsync(aborted) is { } ack)
            {
                acked.TrySetResult(ack);
            }

            await socket.DrainUntilClosedAsync(aborted);
        };

        await using var host = await SlackTestHost.StartAsync(slack, SocketModeSettings());

        Assert.Equal("cmd-1", (await acked.Task.WaitAsync(Patience, Ct)).GetProperty("envelope_id").GetString());
        var answer = await slack.WaitForAsync("response/sock");
        Assert.Equal("in_channel", answer.Json.GetProperty("response_type").GetString());
    }

    [Fact]
    public async Task SocketMode_DroppedSocket_Reconnects()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.SocketSession = async (socket, number, aborted) =>
        {
            await socket.SendJsonAsync(new { type = "hello" }, aborted);
            if (number == 1)
            {
                socket.Abort(); // no close handshake: the connection just dies
                return;
            }

            await socket.DrainUntilClosedAsync(aborted);
        };

        await using var host = await SlackTestHost.StartAsync(slack, SocketModeSettings());

        await slack.WaitForAsync("socket", c => c.Body.Contains("\"connection\":2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(30, 60)]
    public void Backoff_AfterFailures_DoublesUpToAMinute(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), SlackSocketModeService.Backoff(failures));
    }
}
