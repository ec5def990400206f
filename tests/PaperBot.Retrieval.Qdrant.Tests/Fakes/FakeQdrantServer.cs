using System.Buffers.Binary;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using PaperBot.Testing.Loopback;

namespace PaperBot.Retrieval.Qdrant.Tests.Fakes;

/// <summary>
/// A loopback HTTP/2 server (a <see cref="LoopbackServer"/>) that answers Qdrant gRPC methods in the wire format,
/// framed by hand: a request is a flag byte, a big-endian length and the protobuf; the answer is framed the same way,
/// then <c>grpc-status</c> (and <c>grpc-message</c> on an error) in the trailers. It answers either with fixed
/// messages, or with the responders of a <see cref="RecordingCallInvoker"/> (a <see cref="FakeQdrant"/> with its
/// points), so a real channel and the real client talk to the same fake the request tests use.
/// </summary>
internal sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FakeQdrantServer(LoopbackServer server) => _server = server;

    /// <summary>Where the store should point, e.g. <c>http://127.0.0.1:PORT</c>.</summary>
    public string Endpoint => _server.BaseUrl.ToString().TrimEnd('/');

    /// <summary>A server on this port that answers each known path (<c>/qdrant.Points/Query</c>) with a fixed message.</summary>
    public static async Task<FakeQdrantServer> StartAsync(int port, IReadOnlyDictionary<string, IMessage> responses) =>
        new(await LoopbackServer.StartAsync(
            (request, context) => request.Method == HttpMethods.Post && responses.TryGetValue(request.Path, out var response)
                ? AnswerAsync(context, response)
                : ScriptedResponse.Empty(StatusCodes.Status404NotFound).WriteAsync(context.Response, context.RequestAborted),
            new LoopbackOptions { Port = port, Http2Only = true }));

    /// <summary>A server (on this port; 0: a free one) that answers through the responders of <paramref name="qdrant"/>, which records each call.</summary>
    public static async Task<FakeQdrantServer> StartAsync(RecordingCallInvoker qdrant, int port = 0) =>
        new(await LoopbackServer.StartAsync(
            (request, context) => request.Method == HttpMethods.Post
                ? AnswerAsync(context, qdrant, request)
                : ScriptedResponse.Empty(StatusCodes.Status404NotFound).WriteAsync(context.Response, context.RequestAborted),
            new LoopbackOptions { Port = port, Http2Only = true }));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static async Task AnswerAsync(HttpContext context, RecordingCallInvoker qdrant, RecordedRequest request)
    {
        IMessage response;
        try
        {
            response = qdrant.Answer(request.Path.TrimStart('/'), Unframe(request.Content));
        }
        catch (RpcException failed)
        {
            // An error is a trailers-only answer: HTTP 200 with the gRPC status and no message.
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)failed.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(failed.Status.Detail);
            return;
        }

        await AnswerAsync(context, response);
    }

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

    /// <summary>The one message of a unary request (uncompressed: the client sends no <c>grpc-encoding</c>).</summary>
    private static byte[] Unframe(byte[] body)
    {
        if (body.Length < 5 || body[0] != 0)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"expected one uncompressed gRPC frame, got {body.Length} bytes"));
        }

        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1));
        return body.AsSpan(5, length).ToArray();
    }
}
