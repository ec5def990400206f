using System.Net;
using System.Net.Sockets;
using PaperBot.Testing.Loopback;

namespace PaperBot.Testing.Tests;

/// <summary>Loopback ports where nothing useful listens: one that hangs, one that refuses.</summary>
public sealed class SilentServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SilentServer_AcceptsAndNeverAnswers()
    {
        await using var silent = SilentServer.Start();
        using var client = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => client.GetAsync(silent.Url("openid"), Ct));

        await silent.WaitForConnectionAsync();
        Assert.Equal(1, silent.Connections);
    }

    [Fact]
    public async Task LoopbackPorts_Closed_RefusesConnections()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        var error = await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, LoopbackPorts.Closed(), Ct).AsTask());

        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }
}
