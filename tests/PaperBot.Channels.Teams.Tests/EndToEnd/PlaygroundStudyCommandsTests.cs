using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PaperBot.Channels.Teams.Tests.EndToEnd;

/// <summary>
/// Every study command typed in the Agents Playground's personal chat, answered by the real answer service over the
/// shipped paper: each reply (every part of a long one) must be accepted by the Playground's Bot Connector, which
/// refuses what Teams refuses (an eleventh citation, for one), so the student sees it.
/// </summary>
public sealed partial class PlaygroundStudyCommandsTests(PlaygroundFixture playground, ITestOutputHelper output) : IClassFixture<PlaygroundFixture>
{
    private JsonElement Config => playground.TestConfig;

    [Theory]
    [InlineData("help")]
    [InlineData("sections")]
    [InlineData("summary")]
    [InlineData("summary 3.II")]
    [InlineData("timeline")]
    [InlineData("glossary")]
    [InlineData("define RLNG")]
    [InlineData("quiz")]
    [InlineData("sources")]
    public async Task PersonalChat_StudyCommand_EveryPartReachesTheStudent(string command)
    {
        var chat = Config.GetProperty("personalChat").GetProperty("id").GetString()!;
        var user = Config.GetProperty("currentUser").GetProperty("id").GetString()!;
        var text = command;
        using var sent = await playground.Playground.PostAsJsonAsync(
            $"_conversation/v1/conversations/{Uri.EscapeDataString(chat)}/messages",
            new { from = new { id = user }, text, textFormat = "plain" },
            TestContext.Current.CancellationToken);
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var first = await playground.WaitForReplyToAsync(text);
        var replyTo = first.GetProperty("replyToId").GetString()!;
        var parts = PartCount(first);
        var replies = new List<JsonElement>();
        for (var part = 1; part <= parts; part++)
        {
            var index = part;
            var delivered = await playground.WaitForLogAsync(log => IsBotMessage(log, replyTo) && (parts == 1 || PartNumber(log) == index));
            output.WriteLine(delivered.GetRawText());
            Assert.InRange(delivered.GetProperty("response").GetProperty("statusCode").GetInt32(), 200, 299);
            replies.Add(delivered.GetProperty("request").GetProperty("body"));
        }

        Assert.DoesNotContain(playground.LogEvents, e => e.TryGetProperty("log", out var log) && log.ValueKind == JsonValueKind.Object
            && IsBotMessage(log, replyTo) && log.TryGetProperty("response", out var r) && r.GetProperty("statusCode").GetInt32() >= 400);
        foreach (var reply in replies)
        {
            var shown = reply.TryGetProperty("text", out var t) ? t.GetString() : null;
            Assert.True(!string.IsNullOrWhiteSpace(shown) || reply.TryGetProperty("attachments", out _), reply.GetRawText());
            Assert.NotEqual(TeamsReplies.RefusedText, shown);
            if (reply.TryGetProperty("entities", out var entities))
            {
                Assert.True(entities[0].GetProperty("citation").GetArrayLength() <= TeamsReplies.MaxCitationsPerMessage);
            }
        }
    }

    /// <summary>"… (1/3)" in the first part of a long reply says how many parts follow.</summary>
    private static int PartCount(JsonElement reply) =>
        reply.TryGetProperty("text", out var text) && Part().Match(text.GetString() ?? "") is { Success: true } match
            ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)
            : 1;

    private static int PartNumber(JsonElement log) =>
        log.GetProperty("request").GetProperty("body").TryGetProperty("text", out var text) && Part().Match(text.GetString() ?? "") is { Success: true } match
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    private static bool IsBotMessage(JsonElement log, string replyTo) =>
        log.TryGetProperty("from", out var from) && from.GetString() == "User Application"
        && log.TryGetProperty("request", out var request) && request.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object
        && body.TryGetProperty("type", out var type) && type.GetString() == "message"
        && body.TryGetProperty("replyToId", out var id) && id.GetString() == replyTo;

    [GeneratedRegex(@"\((\d+)/(\d+)\)")]
    private static partial Regex Part();
}
