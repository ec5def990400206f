using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Slack.Tests;

/// <summary><c>/paper timeline</c> and <c>/paper quiz</c> through the real host and answer service; the quiz's "Show answer".</summary>
public sealed class SlackStudyCommandsEndToEndTests
{
    private const string Secret = "study-signing-secret";

    private static WebApplicationFactory<Program> Host(FakeSlack slack) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Slack:SigningSecret"] = Secret,
                ["Slack:BotToken"] = "xoxb-study",
                ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
                ["Slack:ResponseUrlBase"] = slack.ResponseUrlBase,
                ["Slack:AnswerTimeout"] = "00:05:00",
            })));

    private static HttpRequestMessage Signed(string path, string body) =>
        SlackSigner.Request(path, body, "application/x-www-form-urlencoded", Secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private static HttpRequestMessage Command(string text, Uri responseUrl) =>
        Signed("/slack/commands", $"team_id=T1&channel_id=C123&user_id=UALICE&command=%2Fpaper&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl.ToString())}");

    private static List<JsonElement> Blocks(JsonElement json, string type) =>
        json.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == type).ToList();

    [Fact]
    public async Task PostCommand_Timeline_CitedAndPrivate()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var factory = Host(slack);
        using var client = factory.CreateClient();

        using var ack = await client.SendAsync(Command("timeline", slack.ResponseUrl("timeline")), Test.Ct);
        var delivered = await slack.WaitForAsync("response/timeline", timeout: TimeSpan.FromMinutes(5));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("ephemeral", delivered.Json.GetProperty("response_type").GetString());
        var text = string.Join("\n", Blocks(delivered.Json, "section").Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Assert.Contains("16th October 2015: ", text, StringComparison.Ordinal);
        Assert.Contains(Blocks(delivered.Json, "context"), b => b.GetProperty("elements")[0].GetProperty("text").GetString()!.StartsWith("*[1]* §", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostCommand_QuizThenShowAnswer_AnswerRevealedOnlyOnClick()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var factory = Host(slack);
        using var client = factory.CreateClient();

        using var ack = await client.SendAsync(Command("quiz 3.II", slack.ResponseUrl("quiz")), Test.Ct);
        var quiz = (await slack.WaitForAsync("response/quiz", timeout: TimeSpan.FromMinutes(5))).Json;

        Assert.Equal("in_channel", quiz.GetProperty("response_type").GetString());
        var button = Blocks(quiz, "actions").Single().GetProperty("elements")[0];
        Assert.Equal(SlackMessageRenderer.RevealQuizActionId, button.GetProperty("action_id").GetString());
        var quizId = button.GetProperty("value").GetString()!;
        Assert.DoesNotContain(Blocks(quiz, "context"), b => b.GetProperty("elements")[0].GetProperty("text").GetString()!.StartsWith("*[", StringComparison.Ordinal));

        var payload = JsonSerializer.Serialize(new
        {
            type = "block_actions",
            user = new { id = "UBOB" },
            response_url = slack.ResponseUrl("reveal").ToString(),
            actions = new[] { new { action_id = SlackMessageRenderer.RevealQuizActionId, block_id = SlackMessageRenderer.QuizBlockId, value = quizId, type = "button" } },
        });
        using var click = await client.SendAsync(Signed("/slack/interactions", "payload=" + Uri.EscapeDataString(payload)), Test.Ct);
        var reveal = (await slack.WaitForAsync("response/reveal", timeout: TimeSpan.FromMinutes(1))).Json;

        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        Assert.Equal("ephemeral", reveal.GetProperty("response_type").GetString());
        var revealText = Blocks(reveal, "section")[0].GetProperty("text").GetProperty("text").GetString()!;
        Assert.StartsWith("The answer is “", revealText, StringComparison.Ordinal);
        Assert.Contains(Blocks(reveal, "context"), b => b.GetProperty("elements")[0].GetProperty("text").GetString()!.StartsWith("*[1]* §3.II", StringComparison.Ordinal));
    }
}
