using Microsoft.AspNetCore.Http;

namespace PaperBot.Testing.Loopback;

/// <summary>
/// An OTLP/HTTP receiver on loopback, as a collector would run it: <c>POST /v1/traces</c>, <c>/v1/metrics</c> and
/// <c>/v1/logs</c> with protobuf bodies, each answered 200 with an empty export response.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private OtlpReceiver(LoopbackServer server) => _server = server;

    /// <summary>What <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set to.</summary>
    public Uri Endpoint => _server.BaseUrl;

    public static async Task<OtlpReceiver> StartAsync() => new(await LoopbackServer.StartAsync(Answer));

    /// <summary>Waits, woken by each export and bounded in time, until <paramref name="found"/> holds of what arrived.</summary>
    public Task<T> WaitForAsync<T>(Func<IReadOnlyList<(string Path, byte[] Body)>, T?> found, TimeSpan timeout)
        where T : class =>
        _server.WaitUntilAsync(requests => found(Exports(requests)), timeout);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static List<(string Path, byte[] Body)> Exports(IReadOnlyList<RecordedRequest> requests) =>
        requests.Where(IsExport).Select(r => (r.Path, r.Content)).ToList();

    private static bool IsExport(RecordedRequest request) =>
        request.Method == HttpMethods.Post && request.Path.StartsWith("/v1/", StringComparison.Ordinal) && request.Path.Count(c => c == '/') == 2;

    private static ScriptedResponse Answer(RecordedRequest request) =>
        IsExport(request) ? ScriptedResponse.Bytes([], "application/x-protobuf") : ScriptedResponse.Empty(StatusCodes.Status404NotFound);
}
