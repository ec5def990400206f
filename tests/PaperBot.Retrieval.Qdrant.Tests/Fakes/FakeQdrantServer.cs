using System.Buffers.Binary;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using PaperBot.Testing.Loopback;

namespace PaperBot.Retrieval.Qdrant.Tests.Fakes;

/// <summary>
/// A loopback HTTP/2 server (a <see cref="LoopbackServer"/> on a given port) that answers a few Qdrant gRPC methods
/// with fixed messages, framed by hand (flag byte, big-endian length, protobuf, then <c>grpc-status</c> in the
/// trailers). Enough to show that a store which failed while nothing listened works once something does, over a
/// real channel.
/// </summary>
internal sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FakeQdrantServer(LoopbackServer server) => _server = server;

    public static async Task<FakeQdrantServer> StartAsync(int port, IReadOnlyDictionary<string, IMessage> responses) =>
        new(await LoopbackServer.StartAsync(
            (request, context) => request.Method == HttpMethods.Post && responses.TryGetValue(request.Path, out var response)
                ? AnswerAsync(context, response)
                : ScriptedResponse.Empty(StatusCodes.Status404NotFound).WriteAsync(context.Response, context.RequestAborted),
            new LoopbackOptions { Port = port, Http2Only = true }));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static async Task AnswerAsync(HttpContext context, IMessage response)
    {
        var payload = response.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        context.Response.ContentType = "application/grpc";
        await context.Response.Body.WriteAsync(frame);
        context.Response.AppendTrailer("grpc-status", "0");
    }
}
