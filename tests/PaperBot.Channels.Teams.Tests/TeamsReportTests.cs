using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Channels.Teams.Protocol;
using PaperBot.Channels.Teams.Tests.Support;
using PaperBot.Storage;
using PaperBot.Testing;
using PaperBot.Testing.Loopback;
using PaperBot.Testing.Reports;

namespace PaperBot.Channels.Teams.Tests;

/// <summary><c>report</c> typed to the bot: the instructor's report, for instructors only, and only in a 1:1 chat.</summary>
public sealed class TeamsReportTests
{
    private const string InstructorAad = "6f1c2a9e-0000-4000-8000-00000000a11d";

    private static Activity Message(Uri serviceUrl, string text, string conversationType, string userId = "29:student", string? aad = null) => new()
    {
        Type = "message",
        Id = "1700000000002",
        ChannelId = "msteams",
        ServiceUrl = serviceUrl.ToString(),
        From = new ChannelAccount(userId, "Someone") { AadObjectId = aad },
        Recipient = new ChannelAccount("28:bot", "PaperBot"),
        Conversation = new ConversationAccount(conversationType == "personal" ? "a:1on1" : "19:group@thread.v2") { ConversationType = conversationType },
        Text = conversationType == "personal" ? text : $"<at>PaperBot</at> {text}",
        Entities = conversationType == "personal" ? null : [new Entity { Type = "mention", Mentioned = new ChannelAccount("28:bot", "PaperBot"), Text = "<at>PaperBot</at>" }],
    };

    private static async Task<(ServiceProvider Services, StubAnswerService Answers, SeededHistory History)> BuildAsync(FakeBotConnector connector, string instructor = InstructorAad)
    {
        var history = await SeededHistory.CreateAsync(DateTimeOffset.UtcNow);
        var answers = new StubAnswerService();
        var services = TeamsServices.Build(
            answers,
            new Dictionary<string, string?> { ["Teams:Instructors:0"] = instructor, ["Report:PublicBaseUrl"] = "https://bot.example.edu/" },
            connector.BaseUrl,
            s => s.AddSingleton<IQuestionLog>(history.QuestionLog).AddSingleton<IFeedbackStore>(history.FeedbackStore));
        return (services, answers, history);
    }

    private static async Task<string> ReplyTextAsync(ServiceProvider services, Activity activity, FakeBotConnector connector)
    {
        await services.GetRequiredService<TeamsBot>().HandleAsync(new TeamsTurn(activity, false), TestContext.Current.CancellationToken);
        var reply = await connector.NextRequestAsync();
        return JsonDocument.Parse(reply.Body).RootElement.GetProperty("text").GetString()!;
    }

    [Fact]
    public async Task Report_InstructorByAadIdInOneToOne_TheReportWithALink()
    {
        await using var connector = await FakeBotConnector.StartAsync("report-");
        var (services, answers, history) = await BuildAsync(connector);
        await using var _ = services;

        var text = await ReplyTextAsync(services, Message(connector.BaseUrl, "report", "personal", aad: InstructorAad), connector);

        Assert.Contains($"{history.Questions.Count(q => q.At >= history.Now.AddDays(-7))} questions from", text, StringComparison.Ordinal);
        Assert.Contains("\\<script\\>", text, StringComparison.Ordinal);
        Assert.Contains("](https://bot.example.edu/report?token=", text, StringComparison.Ordinal);
        Assert.Empty(answers.Asked);
    }

    [Fact]
    public async Task Report_InstructorByTeamsIdWithWindow_ThatWindow()
    {
        await using var connector = await FakeBotConnector.StartAsync("report-");
        var (services, _, history) = await BuildAsync(connector, instructor: "29:teacher");
        await using var _ = services;

        var text = await ReplyTextAsync(services, Message(connector.BaseUrl, "report 3d", "personal", userId: "29:teacher"), connector);

        Assert.Contains("the last 3 days", text, StringComparison.Ordinal);
        Assert.Contains($"{history.Questions.Count(q => q.At >= history.Now.AddDays(-3))} questions from", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task Report_InstructorInAGroup_AskedToRequestItOneToOneNothingShown(string conversationType)
    {
        await using var connector = await FakeBotConnector.StartAsync("report-");
        var (services, answers, _) = await BuildAsync(connector);
        await using var _ = services;

        var text = await ReplyTextAsync(services, Message(connector.BaseUrl, "report", conversationType, aad: InstructorAad), connector);

        Assert.Equal(TeamsReports.OneToOneText, text);
        Assert.Empty(answers.Asked);
    }

    [Fact]
    public async Task Report_Student_PoliteRefusalNotAsked()
    {
        await using var connector = await FakeBotConnector.StartAsync("report-");
        var (services, answers, _) = await BuildAsync(connector);
        await using var _ = services;

        var text = await ReplyTextAsync(services, Message(connector.BaseUrl, "report", "personal", aad: "someone-else"), connector);

        Assert.Equal(TeamsReports.RefusalText, text);
        Assert.Empty(answers.Asked);
    }

    [Fact]
    public async Task Report_QuestionThatMentionsTheReport_IsAskedAsAQuestion()
    {
        await using var connector = await FakeBotConnector.StartAsync("report-");
        var (services, answers, _) = await BuildAsync(connector);
        await using var _ = services;

        await services.GetRequiredService<TeamsBot>().HandleAsync(
            new TeamsTurn(Message(connector.BaseUrl, "What does the report say about costs?", "personal"), false), TestContext.Current.CancellationToken);

        Assert.Equal("What does the report say about costs?", Assert.Single(answers.Asked).Question);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    public void Validate_InstructorNotAnId_NamesTheSetting(string id)
    {
        var result = new TeamsOptionsValidator().Validate(null, new TeamsOptions { Instructors = [id] });

        Assert.Contains("Teams:Instructors", result.FailureMessage, StringComparison.Ordinal);
    }
}
