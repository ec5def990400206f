using System.Text.Json;
using PaperBot.Channels.Teams.Protocol;

namespace PaperBot.Channels.Teams.Tests;

public sealed class MentionTextTests
{
    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = "message",
        Text = text,
        Recipient = new ChannelAccount("28:bot-id", "PaperBot"),
        Entities = entities,
    };

    private static Entity Mention(string id, string text) => new() { Type = "mention", Mentioned = new ChannelAccount(id, "x"), Text = text };

    [Fact]
    public void RemoveRecipientMention_BotMentioned_RemovesOnlyTheBotsMention()
    {
        var activity = Message("<at>PaperBot</at> what did <at>Alice</at> say about NSGP?",
            Mention("28:bot-id", "<at>PaperBot</at>"), Mention("29:alice", "<at>Alice</at>"));

        Assert.Equal("what did <at>Alice</at> say about NSGP?", MentionText.RemoveRecipientMention(activity));
    }

    [Fact]
    public void RemoveRecipientMention_DifferentCase_RemovesCaseInsensitively()
    {
        var activity = Message("<AT>paperbot</AT> sections", Mention("28:BOT-ID", "<at>PaperBot</at>"));

        Assert.Equal("sections", MentionText.RemoveRecipientMention(activity));
    }

    [Fact]
    public void RemoveRecipientMention_MentionTextWithRegexCharacters_IsTreatedLiterally()
    {
        var activity = Message("<at>Paper.Bot (beta)+</at> help, PaperXBot (beta)", Mention("28:bot-id", "<at>Paper.Bot (beta)+</at>"));

        Assert.Equal("help, PaperXBot (beta)", MentionText.RemoveRecipientMention(activity));
    }

    [Fact]
    public void RemoveRecipientMention_NoEntities_ReturnsTrimmedText()
    {
        Assert.Equal("help", MentionText.RemoveRecipientMention(Message("  help  ")));
    }

    [Fact]
    public void RemoveRecipientMention_TextLooksLikeMentionButNoEntity_IsKept()
    {
        var activity = Message("<at>PaperBot</at> help", Mention("29:someone-else", "<at>Someone</at>"));

        Assert.Equal("<at>PaperBot</at> help", MentionText.RemoveRecipientMention(activity));
    }

    [Fact]
    public void Deserialize_UnknownFieldsAndEntityTypes_AreTolerated()
    {
        const string json = """
            {"type":"message","id":"1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/amer/",
             "from":{"id":"29:u","name":"U","aadObjectId":"a","role":"user"},"recipient":{"id":"28:bot-id","name":"PaperBot"},
             "conversation":{"id":"19:c@thread.skype;messageid=1","conversationType":"channel","tenantId":"t","isGroup":true},
             "text":"<at>PaperBot</at> help","futureField":{"nested":[1,2,3]},
             "entities":[{"type":"clientInfo","locale":"en-US"},{"type":"mention","mentioned":{"id":"28:bot-id","name":"PaperBot"},"text":"<at>PaperBot</at>"}],
             "channelData":{"tenant":{"id":"t"},"team":{"id":"19:team"},"channel":{"id":"19:c"}}}
            """;

        var activity = JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("channel", activity.Conversation!.ConversationType);
        Assert.True(activity.Extra!.ContainsKey("futureField"));
        Assert.Equal("help", MentionText.RemoveRecipientMention(activity));
    }
}
