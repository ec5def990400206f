using System.Text;
using Microsoft.Extensions.Logging;
using PaperBot.Hostile.Tests.Support;

namespace PaperBot.Hostile.Tests;

/// <summary>
/// A body that stalls (headers sent, body never finished) is cut off after the grace period with 408, on every endpoint
/// and before any signature check; a client that hangs up mid-body is noted at Debug. Neither is a fault: no error, no
/// stack trace in the log.
/// </summary>
public sealed class BodyTimingTests(HostileHost host)
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "/api/ask", "application/json" },
        { "/slack/events", "application/json" },
        { "/slack/commands", "application/x-www-form-urlencoded" },
        { "/slack/interactions", "application/x-www-form-urlencoded" },
        { "/api/messages", "application/json" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_BodyStallsAfterTheHeaders_408AndOnlyADebugLine(string path, string contentType)
    {
        var status = await RawHttp.StallAsync(host.BaseAddress, path, contentType, declaredLength: 200, Encoding.ASCII.GetBytes("{\"question\": \"Wh"));

        Assert.StartsWith("HTTP/1.1 408", status, StringComparison.Ordinal);
        var noted = await host.LogAsync(r => r.Id.Id == 1200 && r.Message.Contains(path, StringComparison.Ordinal) && r.Message.Contains("stalled", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, noted.Level);
        Assert.Null(noted.Exception);
        host.AssertNoFaultLogged();
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_ClientHangsUpMidBody_NotedAtDebugWithoutAFault(string path, string contentType)
    {
        var marker = Guid.NewGuid().ToString("N");

        await RawHttp.HangUpAsync(host.BaseAddress, path + "?" + marker, contentType, declaredLength: 500, Encoding.ASCII.GetBytes("{\"question\": \"Wh"));

        var noted = await host.LogAsync(r => r.Id.Id == 1200 && r.Message.Contains(path, StringComparison.Ordinal) && !r.Message.Contains("stalled", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, noted.Level);
        Assert.Null(noted.Exception);
        host.AssertNoFaultLogged();
    }
}
