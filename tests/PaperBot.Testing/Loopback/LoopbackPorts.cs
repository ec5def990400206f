using System.Net;
using System.Net.Sockets;

namespace PaperBot.Testing.Loopback;

/// <summary>Loopback ports for tests about what happens when nothing, or nothing useful, listens.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// A loopback port that nothing listens on: bound by the OS, then released, so connecting to it is refused (until
    /// something else happens to take it).
    /// </summary>
    public static int Closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
