using Google.Protobuf;
using Grpc.Core;

namespace PaperBot.Retrieval.Qdrant.Tests.Fakes;

/// <summary>
/// Stands in for the gRPC channel under <c>QdrantClient</c>: records every unary request and answers from canned
/// responders keyed by <c>service/method</c> (e.g. <c>qdrant.Points/Query</c>). A method with no responder fails as
/// Unimplemented, so a test notices a call it did not expect. <see cref="FakeQdrantServer"/> serves the same responders
/// over a real HTTP/2 channel, from the bytes on the wire.
/// </summary>
internal sealed class RecordingCallInvoker : CallInvoker
{
    private readonly Dictionary<string, Func<IMessage, IMessage>> _responders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MessageParser> _parsers = new(StringComparer.Ordinal);
    private readonly List<RecordedCall> _calls = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToList();
            }
        }
    }

    public RecordingCallInvoker On<TRequest, TResponse>(string method, Func<TRequest, TResponse> respond)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage
    {
        lock (_gate)
        {
            _responders[method] = request => respond((TRequest)request);
            _parsers[method] = new MessageParser<TRequest>(() => new TRequest());
        }

        return this;
    }

    /// <summary>
    /// Answers a request as it came over the wire (<c>service/method</c> and the protobuf bytes): recorded as any other
    /// call. Throws <see cref="RpcException"/> for a method with no responder, or as the responder does.
    /// </summary>
    public IMessage Answer(string method, byte[] request)
    {
        MessageParser? parser;
        lock (_gate)
        {
            _parsers.TryGetValue(method, out parser);
        }

        if (parser is null)
        {
            throw Unimplemented(method);
        }

        return Respond(method, parser.ParseFrom(request));
    }

    public IReadOnlyList<TRequest> Requests<TRequest>(string method) =>
        Calls.Where(c => c.Method == method).Select(c => (TRequest)c.Request).ToList();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var message = (IMessage)request;
        try
        {
            // A copy: the client may reuse or change the request object after the call.
            var response = (TResponse)Respond($"{method.ServiceName}/{method.Name}", message.Descriptor.Parser.ParseFrom(message.ToByteArray()));
            return new AsyncUnaryCall<TResponse>(Task.FromResult(response), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }
        catch (RpcException failed)
        {
            return new AsyncUnaryCall<TResponse>(Task.FromException<TResponse>(failed), Task.FromResult(new Metadata()), () => failed.Status, () => [], () => { });
        }
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException("The store makes asynchronous calls only.");

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    private IMessage Respond(string method, IMessage request)
    {
        Func<IMessage, IMessage>? respond;
        lock (_gate)
        {
            _calls.Add(new RecordedCall(method, request));
            _responders.TryGetValue(method, out respond);
        }

        return respond is null ? throw Unimplemented(method) : respond(request);
    }

    private static RpcException Unimplemented(string method) => new(new Status(StatusCode.Unimplemented, $"no canned response for {method}"));
}

internal sealed record RecordedCall(string Method, IMessage Request);
