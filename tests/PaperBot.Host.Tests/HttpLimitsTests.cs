using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using PaperBot.Web;

namespace PaperBot.Host.Tests;

public sealed class HttpLimitsTests(HostFixture host)
{
    [Fact]
    public async Task Ask_OverThePerClientLimit_429WithRetryAfter()
    {
        await using var limited = host.WithWebHostBuilder(builder => builder.UseSetting("Http:AskPermitsPerMinute", "2"));
        using var client = limited.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.PostAsJsonAsync("/api/ask", new { question = "What does RLNG stand for?" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.PostAsJsonAsync("/api/ask", new { question = "What does RLNG stand for?" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ask_ByDefault_NoPerClientLimit()
    {
        using var client = host.CreateClient();

        for (var i = 0; i < 25; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/ask", new { question = "What does RLNG stand for?" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("APPLICATION/JSON", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("application/jsonxyz", false)]
    [InlineData("application/json-patch", false)]
    [InlineData("application/+json", false)]
    [InlineData("text/json", false)]
    [InlineData("application/x-www-form-urlencoded", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsJson_MediaTypeComparedWhole(string? contentType, bool expected)
    {
        Assert.Equal(expected, MediaTypes.IsJson(contentType));
    }
}

public sealed class PerUserLimiterTests
{
    [Fact]
    public void TryAcquire_OverTheLimit_RefusedWithAWaitOtherUsersUnaffected()
    {
        using var limiter = new PerUserLimiter(2);

        Assert.True(limiter.TryAcquire("alice", out _));
        Assert.True(limiter.TryAcquire("alice", out _));
        Assert.False(limiter.TryAcquire("alice", out var wait));
        Assert.InRange(wait, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30));
        Assert.True(limiter.TryAcquire("bob", out _));
    }

    [Fact]
    public void ShouldTell_AFloodingUser_ToldOnceAMinute()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var limiter = new PerUserLimiter(1, clock);

        Assert.True(limiter.ShouldTell("alice"));
        Assert.False(limiter.ShouldTell("alice"));
        Assert.True(limiter.ShouldTell("bob"));
        clock.Advance(TimeSpan.FromMinutes(1.01));
        Assert.True(limiter.ShouldTell("alice"));
    }

    [Fact]
    public void TryAcquire_LimitZero_NoLimit()
    {
        using var limiter = new PerUserLimiter(0);

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(limiter.TryAcquire("alice", out TimeSpan _)));
    }
}
