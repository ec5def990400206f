using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Testing.Loopback;

/// <summary>What a scripted <see cref="LoopbackServer"/> answers one request with: a status, headers and a body.</summary>
public sealed record ScriptedResponse(int Status, byte[] Content, string? ContentType = null)
{
    /// <summary>Headers to send besides <c>Content-Type</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>200 with an empty body.</summary>
    public static ScriptedResponse Ok { get; } = new(StatusCodes.Status200OK, []);

    /// <summary>A status with an empty body.</summary>
    public static ScriptedResponse Empty(int status) => new(status, []);

    public static ScriptedResponse Text(string text, int status = StatusCodes.Status200OK) =>
        new(status, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");

    /// <summary>JSON written as given.</summary>
    public static ScriptedResponse Json(string json, int status = StatusCodes.Status200OK) =>
        new(status, Encoding.UTF8.GetBytes(json), "application/json");

    /// <summary>A value serialised to JSON with the web defaults (camelCase names).</summary>
    public static ScriptedResponse Json(object value, int status = StatusCodes.Status200OK) =>
        new(status, JsonSerializer.SerializeToUtf8Bytes(value, JsonSerializerOptions.Web), "application/json");

    public static ScriptedResponse Bytes(byte[] content, string contentType, int status = StatusCodes.Status200OK) =>
        new(status, content, contentType);

    /// <summary>The same response with one more header.</summary>
    public ScriptedResponse WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };

    /// <summary>Writes this response to <paramref name="response"/>.</summary>
    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            response.Headers.Append(name, value);
        }

        if (ContentType is not null)
        {
            response.ContentType = ContentType;
        }

        if (Content.Length > 0)
        {
            await response.Body.WriteAsync(Content, cancellationToken);
        }
    }
}
