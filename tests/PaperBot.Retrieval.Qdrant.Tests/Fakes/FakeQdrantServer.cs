using System.Buffers.Binary;
using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace PaperBot.Retrieval.Qdrant.Tests.Fakes;

/// <summary>
/// A loopback HTTP/2 server that answers a few Qdrant gRPC methods with fixed messages, framed by hand
/// (flag byte, big-endian length, protobuf, then <c>grpc-status</c> in the trailers). Enough to show that a store
/// which failed while nothing listened works once something does, over a real channel.
/// </summary>
internal sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeQdrantServer(WebApplication app) => _app = app;

    public static async Task<FakeQdrantServer> StartAsync(int port, IReadOnlyDictionary<string, IMessage> responses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        foreach (var (path, response) in responses)
        {
            app.MapPost(path, context => AnswerAsync(context, response));
        }

        await app.StartAsync();
        return new FakeQdrantServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task AnswerAsync(HttpContext context, IMessage response)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        var payload = response.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        context.Response.ContentType = "application/grpc";
        await context.Response.Body.WriteAsync(frame);
        context.Response.AppendTrailer("grpc-status", "0");
    }
}
