using System.Net;
using System.Net.Sockets;

namespace PaperBot.Retrieval.Qdrant.Tests.Fakes;

internal static class LoopbackPorts
{
    /// <summary>A loopback port that nothing listens on: bound by the OS, then released.</summary>
    public static int Closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
