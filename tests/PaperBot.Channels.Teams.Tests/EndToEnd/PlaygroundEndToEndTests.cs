using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Net.Http.Json;
using System.Text.Json;

namespace PaperBot.Channels.Teams.Tests.EndToEnd;

/// <summary>
/// PaperBot in the Microsoft 365 Agents Playground: questions in a personal chat, a group chat and a channel, the
/// replies as Teams would render them (AI label, citation pills, feedback buttons), and a feedback click.
/// </summary>
public sealed class PlaygroundEndToEndTests(PlaygroundFixture playground, ITestOutputHelper output) : IClassFixture<PlaygroundFixture>
{

    private JsonElement Config => playground.TestConfig;

    private string BotId => Config.GetProperty("bot").GetProperty("id").GetString()!;

    private string BotName => Config.GetProperty("bot").GetProperty("name").GetString()!;

    private string UserId => Config.GetProperty("currentUser").GetProperty("id").GetString()!;

    /// <summary>Sends a user message and returns the bot's reply to it.</summary>
    private async Task<JsonElement> AskAsync(string conversationId, string text, bool mention)
    {
        var at = $"<at>{BotName}</at>";
        var fullText = mention ? $"{at} {text}" : text;
        object body = mention
            ? new
            {
                from = new { id = UserId },
                text = fullText,
                textFormat = "plain",
                mentions = new[] { new { mentioned = new { id = BotId, name = BotName }, text = at } },
            }
            : new { from = new { id = UserId }, text, textFormat = "plain" };
        using var response = await playground.Playground.PostAsJsonAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body, TestContext.Current.CancellationToken);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"the Playground refused the message: {(int)response.StatusCode} {raw}");
        return await playground.WaitForReplyToAsync(fullText);
    }

    private void AssertCitedAnswer(JsonElement reply)
    {
        output.WriteLine($"answer service: {playground.AnswerServiceType}");
        output.WriteLine(reply.GetRawText());
        var text = reply.GetProperty("text").GetString()!;
        Assert.Contains("[1]", text, StringComparison.Ordinal);
        Assert.True(reply.GetProperty("channelData").GetProperty("feedbackLoopEnabled").GetBoolean());
        var entity = Assert.Single(reply.GetProperty("entities").EnumerateArray());
        Assert.Equal("https://schema.org/Message", entity.GetProperty("type").GetString());
        Assert.Contains("AIGeneratedContent", entity.GetProperty("additionalType").EnumerateArray().Select(e => e.GetString()));
        var citations = entity.GetProperty("citation").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        foreach (var citation in citations)
        {
            Assert.Contains($"[{citation.GetProperty("position").GetInt32()}]", text, StringComparison.Ordinal);
            var appearance = citation.GetProperty("appearance");
            Assert.StartsWith("§", appearance.GetProperty("name").GetString(), StringComparison.Ordinal);
            Assert.InRange(appearance.GetProperty("name").GetString()!.Length, 1, 80);
            Assert.InRange(appearance.GetProperty("abstract").GetString()!.Length, 1, 160);
        }
    }

    [Fact]
    public async Task PersonalChat_Question_AnsweredWithCitationsAiLabelAndFeedback()
    {
        var chat = Config.GetProperty("personalChat").GetProperty("id").GetString()!;

        var reply = await AskAsync(chat, "What is the North-South Gas Pipeline project?", mention: false);

        AssertCitedAnswer(reply);
        Assert.Equal(chat, reply.GetProperty("conversation").GetProperty("id").GetString());
    }

    [Fact]
    public async Task GroupChat_QuestionWithMention_AnsweredInTheChat()
    {
        var chat = Config.GetProperty("groupChats")[0].GetProperty("id").GetString()!;

        var reply = await AskAsync(chat, "What does the paper say about the North-South Gas Pipeline project?", mention: true);

        AssertCitedAnswer(reply);
        Assert.Equal(chat, reply.GetProperty("conversation").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Channel_QuestionWithMention_AnsweredInTheThread()
    {
        var channel = Config.GetProperty("teams")[0].GetProperty("channels")[0].GetProperty("id").GetString()!;

        var reply = await AskAsync(channel, "Who would build the North-South Gas Pipeline project?", mention: true);

        AssertCitedAnswer(reply);
        // A channel post is its own thread: the reply goes to that thread, not to the channel at large.
        Assert.StartsWith(channel + ";messageid=", reply.GetProperty("conversation").GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("sections")]
    public async Task PersonalChat_TextCommand_Answered(string command)
    {
        var chat = Config.GetProperty("personalChat").GetProperty("id").GetString()!;

        var reply = await AskAsync(chat, command, mention: false);

        output.WriteLine(reply.GetRawText());
        Assert.False(string.IsNullOrWhiteSpace(reply.GetProperty("text").GetString()));
        Assert.False(reply.TryGetProperty("entities", out _), "help and sections are not AI answers");
    }

    [Fact]
    public async Task FeedbackInvoke_AnsweredWith200()
    {
        var chat = Config.GetProperty("personalChat").GetProperty("id").GetString()!;
        using var feedback = new MetricCollector<long>(playground.HostServices.GetRequiredService<IMeterFactory>(), FeedbackRecorder.MeterName, FeedbackRecorder.CounterName);
        var invoke = new
        {
            type = "invoke",
            name = "message/submitAction",
            conversation = new { id = chat },
            from = new { id = UserId },
            value = new { actionName = "feedback", actionValue = new { reaction = "like", feedback = "{\"feedbackText\":\"clear answer\"}" } },
        };

        using var response = await playground.Playground.PostAsJsonAsync("_internal/v1/customActivities", invoke, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        output.WriteLine($"{(int)response.StatusCode} {body}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivered = await playground.WaitForLogAsync(log =>
            log.TryGetProperty("request", out var r) && r.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.Object
            && b.TryGetProperty("name", out var n) && n.GetString() == "message/submitAction");
        Assert.Equal(200, delivered.GetProperty("response").GetProperty("statusCode").GetInt32());
        var measurement = Assert.Single(feedback.GetMeasurementSnapshot());
        Assert.Equal("like", measurement.Tags["reaction"]);
    }
}
