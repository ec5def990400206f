using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PaperBot.Generation.Tests;

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
/// A real Kestrel server on 127.0.0.1 (a free port) that speaks the OpenAI chat-completions wire format with scripted
/// replies, so the real Semantic Kernel connector runs end to end. It records every request body it receives.
/// </summary>
public sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<JsonObject, ScriptedReply> _script;

    // Completed only at teardown: a hanging reply waits on it (or on the client going away), never on a timer.
    private readonly TaskCompletionSource _stopping = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ScriptedChatServer(WebApplication app, Func<JsonObject, ScriptedReply> script)
    {
        _app = app;
        _script = script;
    }

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    /// <summary>Completes when the first request has arrived.</summary>
    public Task FirstRequest => _firstRequest.Task;

    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The base address an OpenAI client is given (<c>http://127.0.0.1:PORT/v1</c>).</summary>
    public Uri Endpoint { get; private set; } = null!;

    public static Task<ScriptedChatServer> StartAsync(ScriptedReply reply) => StartAsync(_ => reply);

    public static async Task<ScriptedChatServer> StartAsync(Func<JsonObject, ScriptedReply> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedChatServer(app, script);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>The last request's messages, by role.</summary>
    public string LastMessage(string role) =>
        Requests.Last()["messages"]!.AsArray().Last(m => (string?)m!["role"] == role)!["content"] switch
        {
            JsonValue value => (string)value!,
            JsonArray parts => string.Concat(parts.Select(p => (string?)p!["text"])),
            _ => string.Empty,
        };

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject ?? [];
        Requests.Enqueue(body);
        _firstRequest.TrySetResult();
        switch (_script(body))
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
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(raw.Body, context.RequestAborted);
                break;
            case ScriptedReply.Hang:
                try
                {
                    await _stopping.Task.WaitAsync(context.RequestAborted);
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

    public async ValueTask DisposeAsync()
    {
        _stopping.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
