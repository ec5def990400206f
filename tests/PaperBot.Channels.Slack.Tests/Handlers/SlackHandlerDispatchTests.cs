using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Testing;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Slack.Tests.Handlers;

/// <summary>
/// Requests over real HTTP (and Socket Mode) reach the handler registered for their event type, command or action id;
/// what has no handler is acknowledged and ignored; a handler a host registers replaces the channel's own.
/// </summary>
public sealed class SlackHandlerDispatchTests
{
    private const string Form = "application/x-www-form-urlencoded";

    private static string Command(string command, string text, Uri responseUrl) =>
        $"command={Uri.EscapeDataString(command)}&text={Uri.EscapeDataString(text)}&user_id=UALICE&channel_id=C123&response_url={Uri.EscapeDataString(responseUrl.ToString())}";

    private static object Envelope(string eventId, string type) =>
        new { type = "event_callback", event_id = eventId, team_id = "T1", @event = new { type, user = "UALICE", reaction = "thumbsup", event_ts = "1700000100.000200" } };

    /// <summary>One answer at a time: once a later question is answered, anything queued before it would have been too.</summary>
    private static Task<SlackTestHost> StartAsync(FakeSlack slack, Action<IServiceCollection> handlers) =>
        SlackTestHost.StartAsync(slack, new() { ["Slack:MaxConcurrentAnswers"] = "1" }, services: services =>
        {
            services.AddSingleton<HandlerLog>();
            handlers(services);
        });

    private static HandlerLog LogOf(SlackTestHost host) => host.Services.GetRequiredService<HandlerLog>();

    /// <summary>A direct message through the default handler, answered once everything queued before it is.</summary>
    private static async Task DirectMessageAnsweredAsync(SlackTestHost host, FakeSlack slack)
    {
        await host.IdentityKnownAsync();
        await host.PostEventAsync(EventEnvelope("Ev-dm", "What is the NSGP?", type: "message", channelType: "im", channel: "D42"));
        await slack.WaitForAsync("chat.postMessage", c => c.Json.GetProperty("channel").GetString() == "D42");
    }

    [Fact]
    public async Task PostEvent_TypeWithARegisteredHandler_ThatHandlerAcknowledges()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await StartAsync(slack, services => services.AddSlackEventHandler<RecordingEventHandler>("reaction_added"));

        using var response = await host.PostEventAsync(Envelope("EvR1", "reaction_added"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("test", ack.RootElement.GetProperty("handled_by").GetString());
        Assert.Equal(["event reaction_added EvR1"], LogOf(host).Entries);
    }

    [Fact]
    public async Task PostEvent_TypeWithoutAHandler_AcknowledgedAndIgnored()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await StartAsync(slack, _ => { });

        using var response = await host.PostEventAsync(Envelope("EvT1", "team_join"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 2011 && r.Message.Contains("EvT1", StringComparison.Ordinal)
            && r.Message.Contains("no handler for event type team_join", StringComparison.Ordinal));
        Assert.Equal("ignored", (string?)Assert.Single(host.Messages.GetMeasurementSnapshot()).Tags["outcome"]);
        await DirectMessageAnsweredAsync(host, slack);
        Assert.Equal("What is the NSGP?", Assert.Single(host.Answers.Asked).Question);
    }

    [Fact]
    public async Task PostEvent_MentionHandlerReplaced_TheDefaultNeverSeesAMention()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await StartAsync(slack, services => services.AddSlackEventHandler<RecordingEventHandler>("app_mention"));

        using var response = await host.PostEventAsync(EventEnvelope("EvM1", $"<@{FakeSlack.BotUserId}> What is CPEC?"));
        await DirectMessageAnsweredAsync(host, slack);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["event app_mention EvM1"], LogOf(host).Entries);
        Assert.Equal("What is the NSGP?", Assert.Single(host.Answers.Asked).Question);
        Assert.Single(slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task PostCommand_HandlerRegisteredForTheCommand_ReplacesTheDefault()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await StartAsync(slack, services => services.AddSlackCommandHandler<EchoCommandHandler>("/paper"));

        using var response = await host.PostSignedAsync("/slack/commands", Command("/paper", "What is CPEC?", slack.ResponseUrl("echo")), Form);
        await DirectMessageAnsweredAsync(host, slack);

        using var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("echo: What is CPEC?", ack.RootElement.GetProperty("text").GetString());
        Assert.Equal(["command /paper What is CPEC?"], LogOf(host).Entries);
        Assert.Equal("What is the NSGP?", Assert.Single(host.Answers.Asked).Question);
        Assert.Empty(slack.Calls("response/echo"));
    }

    [Fact]
    public async Task PostCommand_AnotherCommandRegistered_EachGoesToItsOwnHandler()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await StartAsync(slack, services => services.AddSlackCommandHandler<EchoCommandHandler>("/echo"));

        using var echoed = await host.PostSignedAsync("/slack/commands", Command("/echo", "hi", slack.ResponseUrl("e")), Form);
        using var asked = await host.PostSignedAsync("/slack/commands", Command("/paper", "What is the NSGP?", slack.ResponseUrl("p")), Form);
        using var unknown = await host.PostSignedAsync("/slack/commands", Command("/nope", "x", slack.ResponseUrl("n")), Form);

        Assert.Equal("echo: hi", JsonDocument.Parse(await echoed.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("text").GetString());
        Assert.Equal("in_channel", (await slack.WaitForAsync("response/p")).Json.GetProperty("response_type").GetString());
        Assert.Equal("PaperBot answers /paper, not /nope.", JsonDocument.Parse(await unknown.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("text").GetString());
        Assert.Equal(["command /echo hi"], LogOf(host).Entries);
    }

    [Fact]
    public async Task PostInteraction_ActionWithARegisteredHandler_ThatHandlerGetsTheClick()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await StartAsync(slack, services => services.AddSlackActionHandler<RecordingActionHandler>("study_more"));
        var payload = JsonSerializer.Serialize(new
        {
            type = "block_actions",
            user = new { id = "UALICE" },
            response_url = slack.ResponseUrl("click").ToString(),
            trigger_id = "9.8.7",
            actions = new[] { new { action_id = "study_more", value = "3.II" }, new { action_id = "not_registered", value = "x" } },
        });

        using var response = await host.PostSignedAsync("/slack/interactions", "payload=" + Uri.EscapeDataString(payload), Form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"action study_more 3.II UALICE {slack.ResponseUrl("click")}"], LogOf(host).Entries);
        Assert.Empty(host.Feedback.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task SocketMode_EventTypeWithARegisteredHandler_TheSameHandlerAsOverHttp()
    {
        await using var slack = await FakeSlack.StartAsync();
        var acked = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        slack.SocketSession = async (socket, number, aborted) =>
        {
            await socket.SendJsonAsync(new { type = "hello" }, aborted);
            await socket.SendJsonAsync(new { type = "events_api", envelope_id = $"env-{number}", accepts_response_payload = true, payload = Envelope("EvS1", "reaction_added") }, aborted);
            if (await socket.ReceiveJsonAsync(aborted) is { } ack)
            {
                acked.TrySetResult(ack);
            }

            await socket.DrainUntilClosedAsync(aborted);
        };
        await using var host = await SlackTestHost.StartAsync(slack, new() { ["Slack:SigningSecret"] = null, ["Slack:AppToken"] = SlackTestHost.AppToken }, services: services =>
        {
            services.AddSingleton<HandlerLog>();
            services.AddSlackEventHandler<RecordingEventHandler>("reaction_added");
        });

        var ack = await acked.Task.WaitAsync(Patience, Ct);

        Assert.Equal("env-1", ack.GetProperty("envelope_id").GetString());
        Assert.Equal("test", ack.GetProperty("payload").GetProperty("handled_by").GetString());
        Assert.Equal(["event reaction_added EvS1"], LogOf(host).Entries);
    }
}
