using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Answering;
using PaperBot.Channels.Slack.Tests.Infrastructure;
using PaperBot.Evaluation;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Documents;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Slack.Tests;

/// <summary>
/// <c>/paper use …</c> through the real host and answer service, over the shipped paper and the reading the tests add:
/// a channel that chose one reading is answered from it alone, another channel is not affected, <c>use all</c> restores.
/// </summary>
public sealed class SlackUseReadingsEndToEndTests : IDisposable
{
    private const string Secret = "use-signing-secret";

    private readonly CourseFolder _course = CourseFolder.Create(PathResolver.ResolveFolder("knowledge"), GoldSet.ReadingsFolder(PathResolver.ResolveFolder(GoldSet.DefaultFolder)));
    private readonly ConcurrentQueue<(AskRequest Request, Answer Answer)> _answers = new();

    public void Dispose() => _course.Dispose();

    private WebApplicationFactory<Program> Host(FakeSlack slack) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Knowledge:Path", _course.Path);
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Slack:SigningSecret"] = Secret,
                ["Slack:BotToken"] = "xoxb-use",
                ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
                ["Slack:ResponseUrlBase"] = slack.ResponseUrlBase,
                ["Slack:AnswerTimeout"] = "00:05:00",
            }));
            builder.ConfigureTestServices(services => Recording.Decorate(services, _answers));
        });

    private static HttpRequestMessage Command(string channel, string text, Uri responseUrl) =>
        SlackSigner.Request("/slack/commands", $"team_id=T1&channel_id={channel}&user_id=UALICE&command=%2Fpaper&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl.ToString())}&trigger_id={Guid.NewGuid():N}", "application/x-www-form-urlencoded", Secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    /// <summary>Sends a command in a channel and returns the answer the service gave it, once Slack has it.</summary>
    private async Task<Answer> SendAsync(HttpClient client, FakeSlack slack, string channel, string text)
    {
        var id = Guid.NewGuid().ToString("N");
        using var ack = await client.SendAsync(Command(channel, text, slack.ResponseUrl(id)), Test.Ct);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await slack.WaitForAsync("response/" + id, timeout: TimeSpan.FromMinutes(5));
        return _answers.Last(a => a.Request.Channel == "slack:" + channel && a.Request.Question == text).Answer;
    }

    private static IReadOnlyList<GoldItem> Gold => GoldSet.LoadFolder(PathResolver.ResolveFolder(GoldSet.DefaultFolder));

    [Fact]
    public async Task UseInAChannel_AnswersThereFromThatReadingOnly_OtherChannelsUnaffected_UseAllRestores()
    {
        var shipped = Directory.EnumerateFiles(PathResolver.ResolveFolder("knowledge")).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).Select(DocumentLoader.DocumentId).Single();
        var added = Gold.First(g => g.Reading != shipped && File.Exists(Path.Combine(_course.Path, g.Reading + ".md"))).Reading;
        // A question about the shipped paper, as its README asks it.
        const string aboutShipped = "When did Russia and Pakistan sign the gas pipeline deal?";
        var aboutAdded = Gold.First(g => g.Reading == added && g.Kind == "answer" && g.Category == "fact").Question;
        await using var slack = await FakeSlack.StartAsync();
        await using var factory = Host(slack);
        using var client = factory.CreateClient();

        var use = await SendAsync(client, slack, "CSTUDY", $"use {added}");
        Assert.Equal(AnswerStatus.Answered, use.Status);
        Assert.Contains(added, use.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(shipped, use.Text, StringComparison.Ordinal);

        var fromAdded = await SendAsync(client, slack, "CSTUDY", aboutAdded);
        Assert.Equal(AnswerStatus.Answered, fromAdded.Status);
        Assert.All(fromAdded.Citations, c => Assert.Equal(added, c.DocumentId));
        var notFromShipped = await SendAsync(client, slack, "CSTUDY", aboutShipped);
        Assert.DoesNotContain(notFromShipped.Citations, c => c.DocumentId == shipped);
        Assert.NotEqual(AnswerStatus.Answered, notFromShipped.Status);

        var elsewhere = await SendAsync(client, slack, "COTHER", aboutShipped);
        Assert.Equal(AnswerStatus.Answered, elsewhere.Status);
        Assert.Contains(elsewhere.Citations, c => c.DocumentId == shipped);

        var sources = await SendAsync(client, slack, "CSTUDY", "sources");
        Assert.Contains("in use", sources.Text.Split('\n').Single(l => l.Contains($"({added})", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("in use", sources.Text.Split('\n').Single(l => l.Contains($"({shipped})", StringComparison.Ordinal)), StringComparison.Ordinal);

        var all = await SendAsync(client, slack, "CSTUDY", "use all");
        Assert.Equal(AnswerStatus.Answered, all.Status);
        var restored = await SendAsync(client, slack, "CSTUDY", aboutShipped);
        Assert.Equal(elsewhere.Citations.Select(c => c.DocumentId), restored.Citations.Select(c => c.DocumentId));
    }

    [Fact]
    public async Task UseOfNoReading_SaysWhatDidNotMatch_AndAQuestionStartingWithUseIsAnswered()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var factory = Host(slack);
        using var client = factory.CreateClient();

        var unmatched = await SendAsync(client, slack, "CSTUDY", "use zeppelin-manuals");
        var question = await SendAsync(client, slack, "CSTUDY", "use of force in the paper?");

        Assert.Equal(Answering.Decision.DeclineReasons.UnknownReading, unmatched.Reason);
        Assert.Contains("zeppelin-manuals", unmatched.Text, StringComparison.Ordinal);
        Assert.NotEqual(AnswerKinds.Readings, question.Kind);
        Assert.NotEqual(Answering.Decision.DeclineReasons.UnknownReading, question.Reason);
    }

    /// <summary>Wraps the host's answer service and records each request with its answer.</summary>
    private sealed class Recording(IAnswerService inner, ConcurrentQueue<(AskRequest, Answer)> log) : IAnswerService
    {
        public async Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
        {
            var answer = await inner.AskAsync(request, cancellationToken);
            log.Enqueue((request, answer));
            return answer;
        }

        public static void Decorate(IServiceCollection services, ConcurrentQueue<(AskRequest, Answer)> log)
        {
            var original = services.Last(d => d.ServiceType == typeof(IAnswerService));
            services.Remove(original);
            services.Add(new ServiceDescriptor(typeof(IAnswerService), sp => new Recording(original switch
            {
                { ImplementationInstance: IAnswerService instance } => instance,
                { ImplementationFactory: { } factory } => (IAnswerService)factory(sp),
                { ImplementationType: { } type } => (IAnswerService)ActivatorUtilities.CreateInstance(sp, type),
                _ => throw new InvalidOperationException("no answer service"),
            }, log), original.Lifetime));
        }
    }
}
