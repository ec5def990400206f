using System.Net;
using System.Text;
using PaperBot.Testing.Loopback;

namespace PaperBot.Testing.Tests;

public sealed class LoopbackServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Request_IsRecordedWithMethodTargetHeadersAndBody()
    {
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Ok);
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Put, "things/a%20b?x=1") { Content = new StringContent("""{"n":1}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Paperbot-Test", "yes");
        request.Headers.Authorization = new("Bearer", "token-1");

        using var response = await client.SendAsync(request, Ct);

        var recorded = Assert.Single(server.Requests);
        Assert.Equal(0, recorded.Index);
        Assert.Equal("PUT", recorded.Method);
        Assert.Equal("/things/a%20b?x=1", recorded.Target);
        Assert.Equal("/things/a%20b", recorded.Path);
        Assert.Equal("?x=1", recorded.Query);
        Assert.Equal("yes", recorded.Header("x-paperbot-test"));
        Assert.Equal("Bearer token-1", recorded.Authorization);
        Assert.Null(recorded.Header("X-Not-Sent"));
        Assert.Equal("""{"n":1}""", recorded.Body);
        Assert.Equal(1, recorded.Json.GetProperty("n").GetInt32());
        Assert.Equal("127.0.0.1", server.BaseUrl.Host);
        Assert.NotEqual(0, server.Port);
    }

    [Fact]
    public async Task ScriptedResponse_StatusHeadersAndBodyReachTheClient()
    {
        await using var server = await LoopbackServer.StartAsync(request => request.Path == "/busy"
            ? ScriptedResponse.Empty(429).WithHeader("Retry-After", "3")
            : ScriptedResponse.Json(new { id = $"reply-{request.Index}" }, 201));
        using var client = new HttpClient { BaseAddress = server.BaseUrl };

        using var created = await client.PostAsync("things", new StringContent("x"), Ct);
        using var busy = await client.PostAsync("busy", new StringContent("y"), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/json", created.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"id":"reply-0"}""", await created.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), busy.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task NextRequestAsync_RequestSentAfterTheWaitBegan_CompletesWhenItArrives()
    {
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Ok);
        using var client = new HttpClient { BaseAddress = server.BaseUrl };

        var next = server.NextRequestAsync(TimeSpan.FromSeconds(15));
        Assert.False(next.IsCompleted);
        using (await client.PostAsync("first", new StringContent("1"), Ct))
        {
        }

        Assert.Equal("/first", (await next).Path);
    }

    [Fact]
    public async Task NextRequestAsync_TakesEachRequestOnceInArrivalOrder()
    {
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Ok);
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        foreach (var path in new[] { "a", "b" })
        {
            using var _ = await client.GetAsync(path, Ct);
        }

        Assert.Equal("/a", (await server.NextRequestAsync()).Path);
        Assert.Equal("/b", (await server.NextRequestAsync()).Path);
        await Assert.ThrowsAsync<TimeoutException>(() => server.NextRequestAsync(Short));
    }

    [Fact]
    public async Task WaitForAsync_MatchAlreadyReceivedOrStillToCome_ReturnsThatRequest()
    {
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Ok);
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        using (await client.PostAsync("early", new StringContent("e"), Ct))
        {
        }

        var late = server.WaitForAsync(r => r.Path == "/late");
        Assert.False(late.IsCompleted);
        using (await client.PostAsync("late", new StringContent("l"), Ct))
        {
        }

        Assert.Equal("e", (await server.WaitForAsync(r => r.Path == "/early")).Body);
        Assert.Equal("l", (await late).Body);
    }

    [Fact]
    public async Task WaitForAsync_NothingMatches_TimesOutNamingWhatCame()
    {
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Ok);
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        using (await client.GetAsync("other", Ct))
        {
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => server.WaitForAsync(r => r.Path == "/never", Short));

        Assert.InRange(clock.Elapsed, Short - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(10));
        Assert.Contains("GET /other", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitUntilAsync_ConditionOverSeveralRequests_MetWhenTheLastArrives()
    {
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Ok);
        using var client = new HttpClient { BaseAddress = server.BaseUrl };

        var both = server.WaitUntilAsync(all => all.Count(r => r.Path == "/part") >= 2 ? all : null);
        using (await client.PostAsync("part", new StringContent("1"), Ct))
        {
        }

        Assert.False(both.IsCompleted);
        using (await client.PostAsync("part", new StringContent("2"), Ct))
        {
        }

        Assert.Equal(["1", "2"], (await both).Select(r => r.Body));
    }

    [Fact]
    public async Task DisposeAsync_ResponderHoldingARequest_EndsItAndCancelsOpenWaits()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        LoopbackServer? server = null;
        server = await LoopbackServer.StartAsync(async (_, _) =>
        {
            held.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, server!.Stopping);
            }
            catch (OperationCanceledException)
            {
            }
        });
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        var hanging = client.GetAsync("hang", Ct);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        var open = server.WaitForAsync(r => r.Path == "/never", TimeSpan.FromSeconds(30));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await server.DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"stopped in {clock.Elapsed}");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => open);
        using var ended = await hanging.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
    }
}
