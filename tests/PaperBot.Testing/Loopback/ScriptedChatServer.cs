using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Testing.Loopback;

/// <summary>What the scripted model does with one request.</summary>
public abstract record ScriptedReply
{
    /// <summary>A normal chat completion whose message content is this text.</summary>
    public sealed record Completion(string Content) : ScriptedReply;

    /// <summary>An HTTP error with an OpenAI-style error body.</summary>
    public sealed record Failure(int StatusCode) : ScriptedReply;

    /// <summary>A 200 whose body is not chat-completion JSON.</summary>
    public sealed record Raw(string Body) : ScriptedReply;

    /// <summary>Never answers: waits until the client gives up or the server stops.</summary>
    public sealed record Hang : ScriptedReply;
}

/// <summary>
/// A loopback model server (a <see cref="LoopbackServer"/>) that speaks the OpenAI chat-completions wire format
/// (<c>POST /v1/chat/completions</c>) with scripted replies, so the real Semantic Kernel connector runs end to end.
/// It records every request body it receives.
/// </summary>
public sealed class ScriptedChatServer : IAsyncDisposable
{
    private const string CompletionsPath = "/v1/chat/completions";

    private readonly LoopbackServer _server;
    private Task? _firstRequest;

    private ScriptedChatServer(LoopbackServer server) => _server = server;

    /// <summary>The chat-completion request bodies so far, in arrival order.</summary>
    public IReadOnlyList<JsonObject> Requests => [.. _server.Requests.Where(IsCompletion).Select(Parse)];

    /// <summary>Completes when the first chat-completion request has arrived (unbounded: the caller bounds it).</summary>
    public Task FirstRequest => _firstRequest ??= _server.WaitForAsync(IsCompletion, Timeout.InfiniteTimeSpan);

    /// <summary>The base address an OpenAI client is given (<c>http://127.0.0.1:PORT/v1</c>).</summary>
    public Uri Endpoint => new(_server.BaseUrl, "v1");

    public static Task<ScriptedChatServer> StartAsync(ScriptedReply reply) => StartAsync(_ => reply);

    public static async Task<ScriptedChatServer> StartAsync(Func<JsonObject, ScriptedReply> script)
    {
        LoopbackServer? server = null;
        server = await LoopbackServer.StartAsync((request, context) => HandleAsync(request, context, script, server?.Stopping ?? CancellationToken.None));
        return new ScriptedChatServer(server);
    }

    /// <summary>The last request's message of this role, as text.</summary>
    public string LastMessage(string role) =>
        Requests[^1]["messages"]!.AsArray().Last(m => (string?)m!["role"] == role)!["content"] switch
        {
            JsonValue value => (string)value!,
            JsonArray parts => string.Concat(parts.Select(p => (string?)p!["text"])),
            _ => string.Empty,
        };

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static bool IsCompletion(RecordedRequest request) => request.Method == HttpMethods.Post && request.Path == CompletionsPath;

    private static JsonObject Parse(RecordedRequest request) => JsonNode.Parse(request.Content) as JsonObject ?? [];

    private static async Task HandleAsync(RecordedRequest request, HttpContext context, Func<JsonObject, ScriptedReply> script, CancellationToken stopping)
    {
        if (!IsCompletion(request))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var body = Parse(request);
        switch (script(body))
        {
            case ScriptedReply.Completion completion:
                await context.Response.WriteAsJsonAsync(Completion((string?)body["model"] ?? "unknown", completion.Content), context.RequestAborted);
                break;
            case ScriptedReply.Failure failure:
                context.Response.StatusCode = failure.StatusCode;
                await context.Response.WriteAsJsonAsync(
                    new JsonObject { ["error"] = new JsonObject { ["message"] = "scripted failure", ["type"] = "server_error", ["code"] = failure.StatusCode } },
                    context.RequestAborted);
                break;
            case ScriptedReply.Raw raw:
                await ScriptedResponse.Json(raw.Body).WriteAsync(context.Response, context.RequestAborted);
                break;
            case ScriptedReply.Hang:
                try
                {
                    // Ends when the client gives up or the server stops, never on a timer.
                    using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
                    await Task.Delay(Timeout.Infinite, either.Token);
                }
                catch (OperationCanceledException)
                {
                    // the client gave up, which is what the test is about
                }

                break;
        }
    }

    private static JsonObject Completion(string model, string content) => new()
    {
        ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N"),
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 50, ["total_tokens"] = 150 },
    };
}
