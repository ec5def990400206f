using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Answering;
using System.Text.Json;
using PaperBot.Channels.Slack.Processing;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Slack.Tests;

/// <summary>Who sees a slash command's reply, and what happens when answering goes wrong.</summary>
public sealed class SlackCommandsTests
{
    private static string Form(string command, string text, Uri responseUrl) =>
        $"command={Uri.EscapeDataString(command)}&text={Uri.EscapeDataString(text)}&user_id=UALICE&channel_id=C123&response_url={Uri.EscapeDataString(responseUrl.ToString())}";

    [Fact]
    public async Task PostCommand_Answer_PostedInChannelWithWhoAsked()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        await host.PostSignedAsync("/slack/commands", Form("/paper", "What is the NSGP?", slack.ResponseUrl("a")), "application/x-www-form-urlencoded");
        var reply = (await slack.WaitForAsync("response/a")).Json;

        Assert.Equal("in_channel", reply.GetProperty("response_type").GetString());
        Assert.Equal("<@UALICE> asked: _What is the NSGP?_", reply.GetProperty("blocks")[0].GetProperty("elements")[0].GetProperty("text").GetString());
        Assert.Equal("C123", Assert.Single(host.Answers.Asked).ConversationId);
    }

    [Fact]
    public async Task PostCommand_AnswersInChannelOff_PostedPrivately()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new() { ["Slack:AnswersInChannel"] = "false" });

        await host.PostSignedAsync("/slack/commands", Form("/paper", "What is the NSGP?", slack.ResponseUrl("b")), "application/x-www-form-urlencoded");

        Assert.Equal("ephemeral", (await slack.WaitForAsync("response/b")).Json.GetProperty("response_type").GetString());
    }

    [Fact]
    public async Task PostCommand_Declined_PostedPrivatelyWithSuggestions()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        await host.PostSignedAsync("/slack/commands", Form("/paper", "What is the weather?", slack.ResponseUrl("c")), "application/x-www-form-urlencoded");
        var reply = (await slack.WaitForAsync("response/c")).Json;

        Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
        Assert.Contains(reply.GetProperty("blocks").EnumerateArray(), b => b.GetProperty("type").GetString() == "section"
            && b.GetProperty("text").GetProperty("text").GetString()!.StartsWith("*Try asking:*", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostCommand_AnswerServiceFails_ApologisesPrivatelyAndKeepsWorking()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        await host.PostSignedAsync("/slack/commands", Form("/paper", "fail", slack.ResponseUrl("d")), "application/x-www-form-urlencoded");
        var apology = (await slack.WaitForAsync("response/d")).Json;
        await host.PostSignedAsync("/slack/commands", Form("/paper", "What is the NSGP?", slack.ResponseUrl("e")), "application/x-www-form-urlencoded");
        var answer = (await slack.WaitForAsync("response/e")).Json;

        Assert.Equal("ephemeral", apology.GetProperty("response_type").GetString());
        Assert.Equal(SlackResponder.SorryText, apology.GetProperty("text").GetString());
        Assert.Equal("in_channel", answer.GetProperty("response_type").GetString());
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 2021 && r.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task PostCommand_OtherCommand_PrivateNoteInAckAndNotAnswered()
    {
        await using var host = await SlackTestHost.StartAsync(null);

        using var response = await host.PostSignedAsync("/slack/commands", Form("/weather", "today", new Uri("http://127.0.0.1:9/r")), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("ephemeral", body.RootElement.GetProperty("response_type").GetString());
        Assert.Contains("/paper", body.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Answers.Asked);
    }

    [Fact]
    public async Task PostCommand_ExtractiveAnswers_SilentAck()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        using var ack = await host.PostSignedAsync("/slack/commands", Form("/paper", "What is the NSGP?", slack.ResponseUrl("e")), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("", await ack.Content.ReadAsStringAsync(Ct));
        await slack.WaitForAsync("response/e");
    }

    [Fact]
    public async Task PostCommand_GenerativeAnswers_AckSaysLookingThatUpPrivatelyThenAnswers()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, services: s => s.AddSingleton(new AnswerServiceProfile(Generative: true)));

        using var ack = await host.PostSignedAsync("/slack/commands", Form("/paper", "What is the NSGP?", slack.ResponseUrl("f")), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        using var body = JsonDocument.Parse(await ack.Content.ReadAsStringAsync(Ct));
        Assert.Equal("ephemeral", body.RootElement.GetProperty("response_type").GetString());
        Assert.Equal("Looking that up…", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("in_channel", (await slack.WaitForAsync("response/f")).Json.GetProperty("response_type").GetString());
    }
}
