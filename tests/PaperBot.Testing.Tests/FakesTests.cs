using System.Net;
using System.Text.Json;
using PaperBot.Testing.Loopback;

namespace PaperBot.Testing.Tests;

/// <summary>The wire fakes built on the loopback server, answering as the real services do.</summary>
public sealed class FakesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FakeBotConnector_AnswersEachActivityWithAResourceIdUnlessScriptedOtherwise()
    {
        await using var connector = await FakeBotConnector.StartAsync("reply-", r => r.Index == 0 ? ScriptedResponse.Empty(503) : null);
        using var client = new HttpClient { BaseAddress = connector.BaseUrl };

        using var refused = await client.PostAsync("v3/conversations/a%3A1/activities", new StringContent("{}"), Ct);
        using var accepted = await client.PostAsync("v3/conversations/a%3A1/activities/act-1", new StringContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("""{"id":"reply-1"}""", await accepted.Content.ReadAsStringAsync(Ct));
        Assert.Equal("/v3/conversations/a%3A1/activities", (await connector.NextRequestAsync()).Path);
        Assert.Equal("/v3/conversations/a%3A1/activities/act-1", (await connector.NextRequestAsync()).Path);
    }

    [Fact]
    public async Task FakeSlack_WebApiCallRecordedByMethodAndAnsweredInSlacksShape()
    {
        await using var slack = await FakeSlack.StartAsync();
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, slack.ApiBaseUrl + "chat.postMessage") { Content = new StringContent("""{"channel":"C1","text":"hi"}""") };
        request.Headers.Authorization = new("Bearer", "xoxb-test");

        using var response = await client.SendAsync(request, Ct);

        var call = await slack.WaitForAsync("chat.postMessage");
        Assert.Equal("Bearer xoxb-test", call.Authorization);
        Assert.Equal("hi", call.Json.GetProperty("text").GetString());
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(reply.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("C1", reply.RootElement.GetProperty("channel").GetString());
        Assert.Empty(slack.Calls("auth.test"));
    }
}
