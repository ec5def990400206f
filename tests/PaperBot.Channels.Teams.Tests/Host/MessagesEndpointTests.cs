using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PaperBot.Channels.Teams.Tests.Support;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Teams.Tests.Host;

public sealed class MessagesEndpointTests
{
    private const string Message = """{"type":"message","id":"1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/amer/","text":"hi","conversation":{"id":"a:1"}}""";

    private static TeamsHostFactory Anonymous(IPAddress? client = null) => new(new Dictionary<string, string?> { ["Teams:PlaygroundServiceUrl"] = "http://127.0.0.1:9/" }, client ?? IPAddress.Loopback);

    private static TeamsHostFactory WithAppId() => new(new Dictionary<string, string?>
    {
        ["Teams:MicrosoftAppId"] = SigningAuthority.AppId,
        ["Teams:MicrosoftAppPassword"] = "test-secret",
    }, IPAddress.Loopback);

    private static async Task<HttpResponseMessage> PostAsync(TeamsHostFactory factory, string body, string? bearer = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Post_MalformedJson_400ProblemWithoutStackTrace()
    {
        await using var factory = Anonymous();

        using var response = await PostAsync(factory, "{\"type\": \"message\",");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NoType_400()
    {
        await using var factory = Anonymous();

        using var response = await PostAsync(factory, """{"id":"1","text":"hi"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_Oversized_413()
    {
        await using var factory = Anonymous();
        var huge = "{\"type\":\"message\",\"text\":\"" + new string('a', 300 * 1024) + "\"}";

        using var response = await PostAsync(factory, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_AnonymousFromLoopbackWithoutAppId_200()
    {
        await using var factory = Anonymous();

        using var response = await PostAsync(factory, Message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownActivityType_200Ignored()
    {
        await using var factory = Anonymous();

        using var response = await PostAsync(factory, """{"type":"messageReaction","reactionsAdded":[{"type":"like"}],"someNewField":1}""");
        using var message = await PostAsync(factory, """{"type":"message","id":"2","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","text":"hi","conversation":{"id":"a:1"}}""");

        // The message behind it is answered by the same queue: once it is, a wrongly queued reaction would have been too.
        await factory.Answers.WaitForAskedAsync(1, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(factory.Answers.Asked);
    }

    [Fact]
    public async Task Post_AnonymousRelayedByALocalProxy_401()
    {
        await using var factory = Anonymous();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(Message, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(factory.Answers.Asked);
    }

    [Fact]
    public async Task Post_AnonymousFromRemoteAddressWithoutAppId_401()
    {
        await using var factory = Anonymous(IPAddress.Parse("203.0.113.7"));

        using var response = await PostAsync(factory, Message);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_AppIdSetAndNoToken_401WithoutDetail()
    {
        await using var factory = WithAppId();

        using var response = await PostAsync(factory, Message);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Authorization", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("token", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_AppIdSetAndBadToken_401()
    {
        await using var factory = WithAppId();

        using var response = await PostAsync(factory, Message, bearer: "not-a-jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_FeedbackInvoke_200EmptyObject()
    {
        await using var factory = Anonymous();

        using var response = await PostAsync(factory, """
            {"type":"invoke","name":"message/submitAction","value":{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"{\"feedbackText\":\"\"}"}}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Post_OtherInvoke_501()
    {
        await using var factory = Anonymous();

        using var response = await PostAsync(factory, """{"type":"invoke","name":"composeExtension/query"}""");

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Start_AppIdWithoutPassword_FailsNamingTheSetting()
    {
        // A host that fails at start disposes itself at once, and WebApplicationFactory sometimes reports that
        // disposal instead of the failure: only then is a new factory asked again.
        Exception? error = null;
        for (var attempt = 0; attempt < 5 && error is null or ObjectDisposedException; attempt++)
        {
            await using var factory = new TeamsHostFactory(new Dictionary<string, string?> { ["Teams:MicrosoftAppId"] = "app" }, IPAddress.Loopback);
            error = Record.Exception(() => factory.CreateClient());
        }

        Assert.NotNull(error);
        Assert.Contains("Teams:MicrosoftAppPassword", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MoreQuestionsThanThePerUserLimit_TheExtraOneToldToWaitOthersAnswered()
    {
        await using var connector = await FakeBotConnector.StartAsync("r-");
        await using var factory = new TeamsHostFactory(new Dictionary<string, string?>
        {
            ["Teams:PlaygroundServiceUrl"] = connector.BaseUrl.ToString(),
            ["Teams:QuestionsPerMinute"] = "2",
        }, IPAddress.Loopback);
        string From(string user, int n) =>
            $$"""{"type":"message","id":"m{{n}}","channelId":"msteams","serviceUrl":"{{connector.BaseUrl}}","from":{"id":"{{user}}"},"conversation":{"id":"c-{{user}}"},"text":"question {{n}}"}""";

        for (var n = 1; n <= 3; n++)
        {
            using var accepted = await PostAsync(factory, From("29:eager", n));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using (var other = await PostAsync(factory, From("29:patient", 4)))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        var replies = new List<RecordedRequest>();
        while (replies.Count(r => r.Body.Contains("\"message\"", StringComparison.Ordinal)) < 4)
        {
            replies.Add(await connector.NextRequestAsync());
        }

        var throttled = Assert.Single(replies, r => r.Body.Contains("try again in", StringComparison.Ordinal));
        Assert.Contains("c-29%3Aeager", throttled.Path, StringComparison.Ordinal);
        Assert.Contains("at most 2 questions a minute", throttled.Body, StringComparison.Ordinal);
        Assert.Equal(3, factory.Answers.Asked.Count);
        Assert.Single(factory.Answers.Asked, a => a.ConversationId == "c-29:patient");
    }

    [Fact]
    public async Task Post_FeedbackInvokeTwiceFromOneUser_CountedOnce()
    {
        await using var factory = Anonymous();
        const string Invoke = """{"type":"invoke","name":"message/submitAction","id":"i1","replyToId":"reply-9","from":{"id":"29:voter"},"value":{"actionName":"feedback","actionValue":{"reaction":"like"}}}""";
        using var collector = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(
            factory.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), FeedbackRecorder.MeterName, FeedbackRecorder.CounterName);

        using var first = await PostAsync(factory, Invoke);
        using var second = await PostAsync(factory, Invoke.Replace("\"i1\"", "\"i2\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(collector.GetMeasurementSnapshot());
    }
}
