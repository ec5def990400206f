using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using PaperBot.Answering;
using PaperBot.Channels.Teams.Protocol;
using PaperBot.Channels.Teams.Tests.Support;
using PaperBot.Testing;
using PaperBot.Testing.Loopback;
using PaperBot.Storage;

namespace PaperBot.Channels.Teams.Tests;

public sealed class TeamsBotTests
{
    private static Task<FakeBotConnector> ConnectorAsync() => FakeBotConnector.StartAsync("bot-activity-");

    private static Activity ChannelMessage(Uri serviceUrl, string text) => new()
    {
        Type = "message",
        Id = "1700000000001",
        ChannelId = "msteams",
        ServiceUrl = serviceUrl.ToString(),
        From = new ChannelAccount("29:user", "User"),
        Recipient = new ChannelAccount("28:bot", "PaperBot"),
        Conversation = new ConversationAccount("19:general@thread.skype;messageid=1700000000001") { ConversationType = "channel" },
        Text = $"<at>PaperBot</at> {text}",
        Entities = [new Entity { Type = "mention", Mentioned = new ChannelAccount("28:bot", "PaperBot"), Text = "<at>PaperBot</at>" }],
    };

    [Fact]
    public async Task HandleAsync_ChannelMessage_TypingThenThreadedReplyWithCitations()
    {
        await using var connector = await ConnectorAsync();
        var answers = new StubAnswerService();
        await using var services = TeamsServices.Build(answers, playground: connector.BaseUrl);
        var bot = services.GetRequiredService<TeamsBot>();

        await bot.HandleAsync(new TeamsTurn(ChannelMessage(connector.BaseUrl, "What is the NSGP?"), false), TestContext.Current.CancellationToken);

        var asked = Assert.Single(answers.Asked);
        Assert.Equal("What is the NSGP?", asked.Question);
        Assert.Equal("19:general@thread.skype;messageid=1700000000001", asked.ConversationId);

        var typing = await connector.NextRequestAsync();
        Assert.Equal("/v3/conversations/19%3Ageneral%40thread.skype%3Bmessageid%3D1700000000001/activities", typing.Path);
        Assert.Equal("typing", JsonDocument.Parse(typing.Body).RootElement.GetProperty("type").GetString());

        var reply = await connector.NextRequestAsync();
        Assert.Equal("/v3/conversations/19%3Ageneral%40thread.skype%3Bmessageid%3D1700000000001/activities/1700000000001", reply.Path);
        var body = JsonDocument.Parse(reply.Body).RootElement;
        Assert.Equal("1700000000001", body.GetProperty("replyToId").GetString());
        Assert.True(body.GetProperty("channelData").GetProperty("feedbackLoopEnabled").GetBoolean());
        Assert.Equal("§3.II North-South Gas Pipeline (NSGP) Project",
            body.GetProperty("entities")[0].GetProperty("citation")[0].GetProperty("appearance").GetProperty("name").GetString());
    }

    /// <summary>An answer service that never answers until it is cancelled.</summary>
    private sealed class StuckAnswerService : IAnswerService
    {
        public async Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    [Fact]
    public async Task HandleAsync_AnswerNeverComes_GivesUpAtTheAnswerTimeoutAndSaysSo()
    {
        await using var connector = await ConnectorAsync();
        await using var services = TeamsServices.Build(new StuckAnswerService(), new Dictionary<string, string?> { ["Teams:AnswerTimeout"] = "00:00:00.300" }, connector.BaseUrl);

        var handling = services.GetRequiredService<TeamsBot>().HandleAsync(new TeamsTurn(ChannelMessage(connector.BaseUrl, "What is the NSGP?"), false), TestContext.Current.CancellationToken);

        await handling.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.True(handling.IsCompletedSuccessfully);
        var typing = await connector.NextRequestAsync();
        Assert.Equal("typing", JsonDocument.Parse(typing.Body).RootElement.GetProperty("type").GetString());
        var reply = await connector.NextRequestAsync();
        Assert.Equal(TeamsReplies.UnavailableText, JsonDocument.Parse(reply.Body).RootElement.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("help")]
    [InlineData("sections")]
    public async Task HandleAsync_TextCommand_PassedToAnswerServiceAndShownPlain(string command)
    {
        await using var connector = await ConnectorAsync();
        var answers = new StubAnswerService
        {
            Next = r => new Answer { Question = r.Question, Status = AnswerStatus.Answered, Kind = r.Question, Text = $"The {r.Question} text." },
        };
        await using var services = TeamsServices.Build(answers, playground: connector.BaseUrl);

        await services.GetRequiredService<TeamsBot>().HandleAsync(new TeamsTurn(ChannelMessage(connector.BaseUrl, command), false), TestContext.Current.CancellationToken);

        Assert.Equal(command, Assert.Single(answers.Asked).Question);
        await connector.NextRequestAsync();
        var reply = JsonDocument.Parse((await connector.NextRequestAsync()).Body).RootElement;
        // The section list is a Markdown list in Teams, one section a line.
        Assert.Equal(command == "sections" ? "- The sections text." : "The help text.", reply.GetProperty("text").GetString());
        Assert.False(reply.TryGetProperty("entities", out _));
    }

    [Fact]
    public async Task HandleAsync_BotAddedToConversation_WelcomesWithThreeOfTheServicesQuestions()
    {
        await using var connector = await ConnectorAsync();
        string[] offered = ["What is the first question?", "What is the second?", "What is the third?", "What is the fourth?"];
        var answers = new StubAnswerService
        {
            Next = request => new Answer { Question = request.Question, Status = AnswerStatus.Answered, Kind = AnswerKinds.Help, Text = "How to ask.", Suggestions = offered },
        };
        await using var services = TeamsServices.Build(answers, playground: connector.BaseUrl);
        var update = new Activity
        {
            Type = "conversationUpdate",
            Id = "f:1",
            ServiceUrl = connector.BaseUrl.ToString(),
            From = new ChannelAccount("29:user"),
            Recipient = new ChannelAccount("28:bot", "PaperBot"),
            Conversation = new ConversationAccount("a:personal"),
            MembersAdded = [new ChannelAccount("29:user"), new ChannelAccount("28:bot")],
        };

        await services.GetRequiredService<TeamsBot>().HandleAsync(new TeamsTurn(update, false), TestContext.Current.CancellationToken);

        var welcome = JsonDocument.Parse((await connector.NextRequestAsync()).Body).RootElement.GetProperty("text").GetString()!;
        Assert.Contains("PaperBot", welcome, StringComparison.Ordinal);
        var listed = welcome.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToList();
        Assert.Equal(offered.Take(3), listed);
        // The questions come from the answer service's help (drawn from the loaded readings).
        Assert.Equal("help", Assert.Single(answers.Asked).Question);
    }

    [Fact]
    public void IsBotAdded_OnlyOtherMembersAdded_False()
    {
        var update = new Activity
        {
            Type = "conversationUpdate",
            Recipient = new ChannelAccount("28:bot"),
            MembersAdded = [new ChannelAccount("29:someone")],
        };

        Assert.False(TeamsBot.IsBotAdded(update));
    }

    [Fact]
    public async Task HandleAsync_ServiceUrlNotLoopbackWithoutAppId_SendsNothing()
    {
        var answers = new StubAnswerService();
        await using var services = TeamsServices.Build(answers);

        await services.GetRequiredService<TeamsBot>().HandleAsync(new TeamsTurn(ChannelMessage(new Uri("https://evil.example.com/"), "hi"), false), TestContext.Current.CancellationToken);

        Assert.Empty(answers.Asked);
    }

    [Fact]
    public async Task Record_FeedbackInvoke_CountsMetricAndLogsWhichAnswer()
    {
        await using var services = TeamsServices.Build();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var collector = new MetricCollector<long>(meters, FeedbackRecorder.MeterName, FeedbackRecorder.CounterName);
        await services.GetRequiredService<IFeedbackStore>().LinkReplyAsync("bot-activity-7", "answer-42", TestContext.Current.CancellationToken);
        var invoke = JsonSerializer.Deserialize<Activity>("""
            {"type":"invoke","name":"message/submitAction","replyToId":"bot-activity-7",
             "value":{"actionName":"feedback","actionValue":{"reaction":"dislike","feedback":"{\"feedbackText\":\"Wrong section\"}"}}}
            """, ProtocolJson.Options)!;

        var recorded = await services.GetRequiredService<FeedbackRecorder>().RecordAsync(FeedbackRecorder.Parse(invoke)!, invoke, TestContext.Current.CancellationToken);

        Assert.Equal(new Feedback("bot-activity-7", "answer-42", "dislike", "Wrong section"), recorded);
        var measurement = Assert.Single(collector.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal("dislike", measurement.Tags["reaction"]);
        var log = services.GetRequiredService<FakeLogCollector>().GetSnapshot().Single(r => r.Id.Id == 3200);
        Assert.Contains("dislike", log.Message, StringComparison.Ordinal);
        Assert.Contains("bot-activity-7", log.Message, StringComparison.Ordinal);
        Assert.Contains("answer-42", log.Message, StringComparison.Ordinal);
        Assert.Contains("Wrong section", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotFeedbackAction_ReturnsNull()
    {
        var invoke = JsonSerializer.Deserialize<Activity>("""{"type":"invoke","name":"message/submitAction","value":{"actionName":"other"}}""", ProtocolJson.Options)!;

        Assert.Null(FeedbackRecorder.Parse(invoke));
    }

    [Fact]
    public async Task HandleAsync_TeamsRefusesTheReply_FollowsWithAShortMessageSayingSo()
    {
        // The Playground's answer to an eleventh citation: 400 with a validation message.
        await using var connector = await FakeBotConnector.StartAsync("bot-activity-", request => request.Index == 1 // after the typing indicator: the answer
            ? ScriptedResponse.Json("""{"error":{"code":"BadArgument","message":"Array must contain at most 10 element(s)"}}""", 400)
            : null);
        await using var services = TeamsServices.Build(new StubAnswerService(), playground: connector.BaseUrl);

        await services.GetRequiredService<TeamsBot>().HandleAsync(new TeamsTurn(ChannelMessage(connector.BaseUrl, "What is the NSGP?"), false), TestContext.Current.CancellationToken);

        Assert.Equal("typing", JsonDocument.Parse((await connector.NextRequestAsync()).Body).RootElement.GetProperty("type").GetString());
        Assert.Contains("entities", (await connector.NextRequestAsync()).Body, StringComparison.Ordinal);
        var notice = JsonDocument.Parse((await connector.NextRequestAsync()).Body).RootElement;
        Assert.Equal(TeamsReplies.RefusedText, notice.GetProperty("text").GetString());
        Assert.Equal("1700000000001", notice.GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task HandleAsync_LongTimeline_SentAsSeveralMessagesInOrder()
    {
        await using var connector = await ConnectorAsync();
        var citations = Enumerable.Range(1, 23).Select(i => new Citation(i, "paper", "2", "History", $"Event {i} happened.", 1)).ToList();
        var timeline = new Answer
        {
            Question = "timeline",
            Status = AnswerStatus.Answered,
            Kind = AnswerKinds.Timeline,
            Text = "The dated events the paper reports (23), in order:\n" + string.Join("\n", citations.Select(c => $"{1990 + c.Marker}: {c.Quote} [{c.Marker}]")),
            Citations = citations,
        };
        await using var services = TeamsServices.Build(new StubAnswerService { Next = _ => timeline }, playground: connector.BaseUrl);

        await services.GetRequiredService<TeamsBot>().HandleAsync(new TeamsTurn(ChannelMessage(connector.BaseUrl, "timeline"), false), TestContext.Current.CancellationToken);

        await connector.NextRequestAsync(); // typing
        var texts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var body = JsonDocument.Parse((await connector.NextRequestAsync()).Body).RootElement;
            Assert.InRange(body.GetProperty("entities")[0].GetProperty("citation").GetArrayLength(), 1, 10);
            texts.Add(body.GetProperty("text").GetString()!);
        }

        Assert.Contains("1991: Event 1 happened. [1]", texts[0], StringComparison.Ordinal);
        Assert.Contains("2001: Event 11 happened. [1]", texts[1], StringComparison.Ordinal);
        Assert.Contains("2013: Event 23 happened. [3]", texts[2], StringComparison.Ordinal);
    }
}

/// <summary><c>use …</c> in Teams is per conversation: each conversation names itself to the answer service.</summary>
public sealed class TeamsUseReadingsTests
{
    private static Activity Message(Uri serviceUrl, string conversation, string id, string text) => new()
    {
        Type = "message",
        Id = id,
        ChannelId = "msteams",
        ServiceUrl = serviceUrl.ToString(),
        From = new ChannelAccount("29:user", "User"),
        Recipient = new ChannelAccount("28:bot", "PaperBot"),
        Conversation = new ConversationAccount(conversation) { ConversationType = "groupChat" },
        Text = text,
    };

    [Fact]
    public async Task Use_InOneConversation_IsAskedAsThatConversationsChoice_AndAnotherConversationNamesItself()
    {
        await using var connector = await FakeBotConnector.StartAsync("bot-activity-");
        var answers = new StubAnswerService
        {
            Next = r => new Answer { Question = r.Question, Status = AnswerStatus.Answered, Kind = AnswerKinds.Readings, Text = "This channel now answers from these readings only." },
        };
        await using var services = TeamsServices.Build(answers, playground: connector.BaseUrl);
        var bot = services.GetRequiredService<TeamsBot>();

        await bot.HandleAsync(new TeamsTurn(Message(connector.BaseUrl, "19:one@thread.v2", "1", "use london-main-drainage"), false), TestContext.Current.CancellationToken);
        await bot.HandleAsync(new TeamsTurn(Message(connector.BaseUrl, "19:two@thread.v2", "2", "use of force in the paper?"), false), TestContext.Current.CancellationToken);

        var asked = answers.Asked;
        Assert.Equal(2, asked.Count);
        Assert.Equal("london-main-drainage", Assert.IsType<UseCommand>(asked[0].Command).Readings);
        Assert.Equal(TeamsBot.ChannelOf("19:one@thread.v2"), asked[0].Channel);
        Assert.IsType<QuestionCommand>(asked[1].Command);
        Assert.Equal(TeamsBot.ChannelOf("19:two@thread.v2"), asked[1].Channel);
        Assert.NotEqual(asked[0].Channel, asked[1].Channel);
    }
}
