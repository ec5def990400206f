using System.Net;
using System.Net.Sockets;

namespace PaperBot.Retrieval.Qdrant.Tests.Fakes;

/// <summary>
/// A loopback port held by a bound socket that does not listen: connections to it are refused, and no other test
/// can take it until <see cref="Release"/> hands it to the server that is about to start on it.
/// </summary>
internal sealed class ReservedPort : IDisposable
{
    private Socket? _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public ReservedPort()
    {
        _socket!.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Release()
    {
        _socket?.Dispose();
        _socket = null;
    }

    public void Dispose() => Release();
}
