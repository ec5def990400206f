using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PaperBot.Answering;
using PaperBot.Testing;
using PaperBot.Testing.Loopback;

namespace PaperBot.Generation.Tests;

/// <summary>
/// The gold set in generative mode: every answerable gold question goes through the generator and the real connector
/// to a scripted model whose reply mixes grounded sentences with invented ones. Nothing invented may survive, and
/// every citation must quote the paper verbatim.
/// </summary>
public sealed partial class GoldSetGenerativeTests(PaperFixture paper)
{
    [Fact]
    public async Task GenerateAsync_EveryAnswerableGoldQuestion_NothingInventedSurvivesAndQuotesAreVerbatim()
    {
        var replies = await GoldReplies.BuildAsync(paper);
        Assert.True(replies.Count >= 50, $"expected the gold set's answerable questions, found {replies.Count}");
        var byQuestion = replies.ToDictionary(r => r.Item.Question, StringComparer.Ordinal);
        await using var server = await ScriptedChatServer.StartAsync(body => new ScriptedReply.Completion(byQuestion[QuestionOf(body)].Text));
        await using var services = TestGenerators.Services(server.Endpoint);
        var generator = TestGenerators.Generator(services);

        var groundedSent = 0;
        var groundedKept = 0;
        var misattributedSent = 0;
        var misattributedKept = 0;
        foreach (var reply in replies)
        {
            var answer = await generator.GenerateAsync(reply.Request, TestContext.Current.CancellationToken);

            Assert.NotNull(answer);
            Assert.Equal(AnswerStatus.Answered, answer.Status);
            Assert.Equal("generative", answer.Mode);
            foreach (var invented in reply.Invented)
            {
                Assert.False(GoldReplies.States(answer.Text, invented), $"{reply.Item.Id}: invented sentence survived: {invented}");
            }

            Assert.DoesNotContain("S-4", answer.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("irreversible strategic merger", answer.Text, StringComparison.Ordinal);
            Assert.NotNull(answer.Grounding);
            Assert.Equal(reply.Grounded.Count + reply.Invented.Count + reply.Misattributed.Count, answer.Grounding.Kept + answer.Grounding.Removed);
            Assert.True(answer.Grounding.Removed >= reply.Invented.Count, $"{reply.Item.Id}: removed {answer.Grounding.Removed} of {reply.Invented.Count} invented");
            Assert.All(answer.Citations, c => Assert.Contains(c.Quote, paper.PaperSentences));
            Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.Marker));
            Assert.Empty(CitationMarkers.UncitedSentences(answer.Text));
            Assert.EndsWith("]", answer.Text, StringComparison.Ordinal);

            groundedSent += reply.Grounded.Count;
            groundedKept += reply.Grounded.Count(g => GoldReplies.States(answer.Text, g));

            misattributedSent += reply.Misattributed.Count;
            misattributedKept += reply.Misattributed.Count(m => GoldReplies.States(answer.Text, m));
        }

        Assert.Equal(replies.Count, server.Requests.Count);
        Assert.True(groundedKept >= groundedSent * 0.99, $"kept {groundedKept} of {groundedSent} grounded sentences");
        Assert.True(misattributedKept <= misattributedSent * 0.05, $"kept {misattributedKept} of {misattributedSent} misattributed sentences");
    }

    private static string QuestionOf(JsonObject body)
    {
        var user = (string)body["messages"]!.AsArray().Last(m => (string?)m!["role"] == "user")!["content"]!;
        return QuestionBlock().Match(user).Groups[1].Value;
    }

    [GeneratedRegex(@"<question>\n(.*?)\n</question>", RegexOptions.Singleline)]
    private static partial Regex QuestionBlock();
}
