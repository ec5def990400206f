using System.Net;
using System.Net.Sockets;

namespace PaperBot.Testing.Loopback;

/// <summary>
/// A loopback TCP server that accepts every connection and never answers: the worst case for a client, a hang rather
/// than a refusal. Connections are held open until disposal, and counted.
/// </summary>
public sealed class SilentServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _accepting;
    private int _connections;

    private SilentServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>The server's address with a path, e.g. <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public string Url(string path = "") => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    /// <summary>How many connections have been accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public static SilentServer Start() => new();

    /// <summary>Completes once a connection has been accepted; fails after the bound.</summary>
    public Task WaitForConnectionAsync(TimeSpan? timeout = null) => _connected.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(15));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _accepting;
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }

        _listener.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync();
                lock (_held)
                {
                    _held.Add(client); // held open, never answered
                }

                Interlocked.Increment(ref _connections);
                _connected.TrySetResult();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // the listener was stopped
        }
    }
}
