using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Channels.Slack.Handlers;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Storage;
using PaperBot.Testing.Loopback;
using PaperBot.Testing.Reports;

namespace PaperBot.Channels.Slack.Tests;

/// <summary><c>/paper report</c> and <c>report</c> in messages: the instructor's report, for instructors only, privately.</summary>
public sealed class SlackReportTests
{
    private const string Instructor = "UTEACH";

    private static string Form(string text, Uri responseUrl, string user = Instructor) =>
        $"command=%2Fpaper&text={Uri.EscapeDataString(text)}&user_id={user}&channel_id=C123&response_url={Uri.EscapeDataString(responseUrl.ToString())}&trigger_id={Guid.NewGuid():N}";

    private static async Task<(SlackTestHost Host, SeededHistory History)> StartAsync(FakeSlack slack, string? publicBaseUrl = "https://bot.example.edu/")
    {
        var history = await SeededHistory.CreateAsync(DateTimeOffset.UtcNow);
        var host = await SlackTestHost.StartAsync(
            slack,
            new() { ["Slack:Instructors:0"] = Instructor, ["Report:PublicBaseUrl"] = publicBaseUrl },
            services: s => s.AddSingleton<IQuestionLog>(history.QuestionLog).AddSingleton<IFeedbackStore>(history.FeedbackStore));
        return (host, history);
    }

    private static int InLastWeek(SeededHistory history) => history.Questions.Count(q => q.At >= history.Now.AddDays(-7));

    private static string AllText(JsonElement message) =>
        string.Join("\n", message.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetProperty("text").GetString()));

    [Fact]
    public async Task Command_Instructor_ReportPrivatelyWithALink()
    {
        await using var slack = await FakeSlack.StartAsync();
        var (host, history) = await StartAsync(slack);
        await using var _ = host;

        using var ack = await host.PostSignedAsync("/slack/commands", Form("report", slack.ResponseUrl("r1")), "application/x-www-form-urlencoded");
        var reply = (await slack.WaitForAsync("response/r1")).Json;

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
        var text = AllText(reply);
        Assert.Contains($"{InLastWeek(history)} questions from", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Contains("<https://bot.example.edu/report?token=", text, StringComparison.Ordinal);
        Assert.Empty(host.Answers.Asked);
    }

    [Fact]
    public async Task Command_InstructorWithWindowAndNoPublicUrl_ThatWindowAndNoLink()
    {
        await using var slack = await FakeSlack.StartAsync();
        var (host, history) = await StartAsync(slack, publicBaseUrl: null);
        await using var _ = host;

        await host.PostSignedAsync("/slack/commands", Form("report 2d", slack.ResponseUrl("r2")), "application/x-www-form-urlencoded");
        var text = AllText((await slack.WaitForAsync("response/r2")).Json);

        Assert.Contains("the last 2 days", text, StringComparison.Ordinal);
        Assert.Contains($"{history.Questions.Count(q => q.At >= history.Now.AddDays(-2))} questions from", text, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_Student_PoliteRefusalInTheAckAndNothingAsked()
    {
        await using var slack = await FakeSlack.StartAsync();
        var (host, _) = await StartAsync(slack);
        await using var __ = host;

        using var ack = await host.PostSignedAsync("/slack/commands", Form("report", slack.ResponseUrl("r3"), user: "USTUDENT"), "application/x-www-form-urlencoded");

        using var body = JsonDocument.Parse(await ack.Content.ReadAsStringAsync(Ct));
        Assert.Equal("ephemeral", body.RootElement.GetProperty("response_type").GetString());
        Assert.Equal(ReportRequests.RefusalText, body.RootElement.GetProperty("text").GetString());
        Assert.Empty(host.Answers.Asked);
        Assert.Empty(slack.Calls("response/r3"));
    }

    [Fact]
    public async Task Command_QuestionThatMentionsTheReport_IsAskedAsAQuestion()
    {
        await using var slack = await FakeSlack.StartAsync();
        var (host, _) = await StartAsync(slack);
        await using var _ = host;

        await host.PostSignedAsync("/slack/commands", Form("What does the report say about costs?", slack.ResponseUrl("r4"), user: "USTUDENT"), "application/x-www-form-urlencoded");
        await slack.WaitForAsync("response/r4");

        Assert.Equal("What does the report say about costs?", Assert.Single(host.Answers.Asked).Question);
    }

    [Fact]
    public async Task Mention_Instructor_EphemeralForThemOnlyInTheThread()
    {
        await using var slack = await FakeSlack.StartAsync();
        var (host, history) = await StartAsync(slack);
        await using var _ = host;

        await host.PostEventAsync(EventEnvelope("EvR1", $"<@{FakeSlack.BotUserId}> report", user: Instructor));
        var reply = (await slack.WaitForAsync("chat.postEphemeral")).Json;

        Assert.Equal(Instructor, reply.GetProperty("user").GetString());
        Assert.Equal("C123", reply.GetProperty("channel").GetString());
        Assert.Contains($"{InLastWeek(history)} questions from", AllText(reply), StringComparison.Ordinal);
        Assert.Empty(slack.Calls("chat.postMessage"));
        Assert.Empty(host.Answers.Asked);
    }

    [Fact]
    public async Task DirectMessage_Instructor_TheReportInTheDirectMessage()
    {
        await using var slack = await FakeSlack.StartAsync();
        var (host, history) = await StartAsync(slack);
        await using var _ = host;

        await host.PostEventAsync(EventEnvelope("EvR2", "report", type: "message", channelType: "im", channel: "D42", user: Instructor));
        var reply = (await slack.WaitForAsync("chat.postMessage")).Json;

        Assert.Equal("D42", reply.GetProperty("channel").GetString());
        Assert.Contains($"{InLastWeek(history)} questions from", AllText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mention_Student_RefusedPrivatelyNotAsked()
    {
        await using var slack = await FakeSlack.StartAsync();
        var (host, _) = await StartAsync(slack);
        await using var _ = host;

        await host.PostEventAsync(EventEnvelope("EvR3", $"<@{FakeSlack.BotUserId}> report", user: "USTUDENT"));
        var reply = (await slack.WaitForAsync("chat.postEphemeral")).Json;

        Assert.Equal("USTUDENT", reply.GetProperty("user").GetString());
        Assert.Equal(ReportRequests.RefusalText, reply.GetProperty("text").GetString());
        Assert.Empty(host.Answers.Asked);
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("u123")]
    [InlineData("")]
    public void Validate_InstructorNotAUserId_NamesTheSetting(string id) =>
        Assert.Contains("Slack:Instructors", Assert.Single(new SlackOptions { Instructors = [id] }.Validate()), StringComparison.Ordinal);
}
