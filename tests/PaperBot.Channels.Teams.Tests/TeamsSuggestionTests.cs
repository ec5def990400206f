using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Answering;
using PaperBot.Channels.Teams.Protocol;
using PaperBot.Channels.Teams.Tests.Support;
using PaperBot.Testing;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Teams.Tests;

/// <summary>Suggested questions as buttons that send the question as the user's own message, and that message answered.</summary>
public sealed class TeamsSuggestionTests
{
    private static readonly string[] Questions = ["What does the abbreviation NSGP stand for?", "What does the paper say happened in 2015?", new string('x', 80) + "?", "A fourth?"];

    private static Activity Message(Uri serviceUrl, string conversationType, string conversationId, string text, string id) => new()
    {
        Type = "message",
        Id = id,
        ChannelId = "msteams",
        ServiceUrl = serviceUrl.ToString(),
        From = new ChannelAccount("29:user", "User"),
        Recipient = new ChannelAccount("28:bot", "PaperBot"),
        Conversation = new ConversationAccount(conversationId) { ConversationType = conversationType },
        Text = text,
    };

    private static Answer WithSuggestions(AskRequest request) => CannedAnswers.Cited(request.Question) with { Suggestions = Questions };

    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    public void ForAnswer_ChatAnswerWithSuggestions_ThreeImBackSuggestedActions(string conversationType)
    {
        var incoming = Message(new Uri("http://127.0.0.1:1/"), conversationType, "a:1", "What is the NSGP?", "1");

        var reply = TeamsReplies.ForAnswer(incoming, WithSuggestions(new AskRequest("What is the NSGP?")))[^1];

        var actions = reply.SuggestedActions!.Actions;
        Assert.Equal(Questions.Take(TeamsReplies.MaxSuggestedActions), actions.Select(a => a.Value));
        Assert.All(actions, a => Assert.Equal("imBack", a.Type));
        Assert.All(actions, a => Assert.True(a.Title.Length <= TeamsReplies.MaxActionTitle));
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public void ForAnswer_ChannelAnswerWithSuggestions_HeroCardOfImBackButtons()
    {
        var incoming = Message(new Uri("http://127.0.0.1:1/"), "channel", "19:general@thread.skype;messageid=1", "What is the NSGP?", "1");

        var reply = TeamsReplies.ForAnswer(incoming, WithSuggestions(new AskRequest("What is the NSGP?")))[^1];

        Assert.Null(reply.SuggestedActions);
        var card = Assert.Single(reply.Attachments!);
        Assert.Equal(HeroCard.ContentType, card.ContentType);
        var buttons = ((HeroCard)card.Content).Buttons;
        Assert.Equal(Questions.Take(TeamsReplies.MaxSuggestedActions), buttons.Select(b => b.Value));
        Assert.All(buttons, b => Assert.Equal("imBack", b.Type));
    }

    [Fact]
    public void ForAnswer_QuizCard_NoSuggestedActions()
    {
        var incoming = Message(new Uri("http://127.0.0.1:1/"), "personal", "a:1", "quiz", "1");
        var quiz = CannedAnswers.Cited("quiz") with
        {
            Kind = AnswerKinds.Quiz,
            Quiz = new QuizCard("q1", "Fill the blank", "NSGP", CannedAnswers.Cited("quiz").Citations[0]),
            Suggestions = Questions,
        };

        var reply = Assert.Single(TeamsReplies.ForAnswer(incoming, quiz));

        Assert.Null(reply.SuggestedActions);
    }

    [Theory]
    [InlineData("personal", "a:personal-1")]
    [InlineData("channel", "19:general@thread.skype;messageid=1700000000001")]
    public async Task HandleAsync_ClickOnASuggestion_AskedInTheSameConversationAndAnswered(string conversationType, string conversationId)
    {
        await using var connector = await FakeBotConnector.StartAsync("bot-activity-");
        var answers = new StubAnswerService { Next = WithSuggestions };
        await using var services = TeamsServices.Build(answers, playground: connector.BaseUrl);
        var bot = services.GetRequiredService<TeamsBot>();
        var ct = TestContext.Current.CancellationToken;

        await bot.HandleAsync(new TeamsTurn(Message(connector.BaseUrl, conversationType, conversationId, "What is the NSGP?", "1700000000001"), false), ct);
        var first = await connector.WaitForAsync(r => r.Body.Contains("\"message\"", StringComparison.Ordinal));
        var offered = Offered(JsonDocument.Parse(first.Body).RootElement);
        Assert.Equal(Questions.Take(TeamsReplies.MaxSuggestedActions), offered);

        // A click on imBack is the user's own message with the button's value, in the same conversation.
        await bot.HandleAsync(new TeamsTurn(Message(connector.BaseUrl, conversationType, conversationId, offered[0], "1700000000002"), false), ct);
        var second = await connector.WaitForAsync(r => r.Path.EndsWith("/1700000000002", StringComparison.Ordinal) && r.Body.Contains("\"message\"", StringComparison.Ordinal));

        Assert.Equal(offered[0], answers.Asked[^1].Question);
        Assert.Equal(conversationId, answers.Asked[^1].ConversationId);
        var reply = JsonDocument.Parse(second.Body).RootElement;
        Assert.Contains("[1]", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(reply.GetProperty("entities")[0].GetProperty("citation").EnumerateArray());
    }

    private static List<string> Offered(JsonElement reply) =>
        reply.TryGetProperty("suggestedActions", out var suggested)
            ? suggested.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("value").GetString()!).ToList()
            : reply.GetProperty("attachments")[0].GetProperty("content").GetProperty("buttons").EnumerateArray().Select(a => a.GetProperty("value").GetString()!).ToList();
}
