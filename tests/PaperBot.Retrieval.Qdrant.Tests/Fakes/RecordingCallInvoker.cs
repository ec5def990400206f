using Google.Protobuf;
using Grpc.Core;

namespace PaperBot.Retrieval.Qdrant.Tests.Fakes;

/// <summary>
/// Stands in for the gRPC channel under <c>QdrantClient</c>: records every unary request and answers from canned
/// responders keyed by <c>service/method</c> (e.g. <c>qdrant.Points/Query</c>). A method with no responder fails as
/// Unimplemented, so a test notices a call it did not expect.
/// </summary>
internal sealed class RecordingCallInvoker : CallInvoker
{
    private readonly Dictionary<string, Func<IMessage, IMessage>> _responders = new(StringComparer.Ordinal);
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
        where TRequest : IMessage
        where TResponse : IMessage
    {
        _responders[method] = request => respond((TRequest)request);
        return this;
    }

    public IReadOnlyList<TRequest> Requests<TRequest>(string method) =>
        Calls.Where(c => c.Method == method).Select(c => (TRequest)c.Request).ToList();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var key = $"{method.ServiceName}/{method.Name}";
        var message = (IMessage)request;
        Func<IMessage, IMessage>? respond;
        lock (_gate)
        {
            // A copy: the client may reuse or change the request object after the call.
            _calls.Add(new RecordedCall(key, message.Descriptor.Parser.ParseFrom(message.ToByteArray())));
            _responders.TryGetValue(key, out respond);
        }

        if (respond is null)
        {
            var missing = new RpcException(new Status(StatusCode.Unimplemented, $"no canned response for {key}"));
            return new AsyncUnaryCall<TResponse>(Task.FromException<TResponse>(missing), Task.FromResult(new Metadata()), () => missing.Status, () => [], () => { });
        }

        var response = (TResponse)respond(message);
        return new AsyncUnaryCall<TResponse>(Task.FromResult(response), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException("The store makes asynchronous calls only.");

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();
}

internal sealed record RecordedCall(string Method, IMessage Request);
