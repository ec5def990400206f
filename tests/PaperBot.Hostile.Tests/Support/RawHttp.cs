using System.Net.Sockets;
using System.Text;

namespace PaperBot.Hostile.Tests.Support;

/// <summary>HTTP/1.1 by hand over a socket, for what HttpClient will not send: a body that stops, a client that hangs up.</summary>
public static class RawHttp
{
    /// <summary>Sends the headers (declaring <paramref name="declaredLength"/> bytes) and part of the body, then nothing more; returns the status line the server answers with.</summary>
    public static async Task<string> StallAsync(Uri server, string path, string contentType, int declaredLength, byte[] partialBody, IEnumerable<(string, string)>? headers = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Head(server, path, contentType, declaredLength, headers));
        await stream.WriteAsync(partialBody);
        await stream.FlushAsync();

        // The server must end this, not the test: the read is bounded only as a guard.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, bound.Token);
        var text = Encoding.ASCII.GetString(buffer, 0, read);
        return text.Split("\r\n")[0];
    }

    /// <summary>Sends the headers and part of the body, then closes the connection.</summary>
    public static async Task HangUpAsync(Uri server, string path, string contentType, int declaredLength, byte[] partialBody, IEnumerable<(string, string)>? headers = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Head(server, path, contentType, declaredLength, headers));
        await stream.WriteAsync(partialBody);
        await stream.FlushAsync();
        client.Client.Shutdown(SocketShutdown.Both);
        client.Close();
    }

    private static byte[] Head(Uri server, string path, string contentType, int declaredLength, IEnumerable<(string Name, string Value)>? headers)
    {
        var head = new StringBuilder()
            .Append("POST ").Append(path).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.Authority).Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Content-Length: ").Append(declaredLength).Append("\r\n");
        foreach (var (name, value) in headers ?? [])
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
    }
}
