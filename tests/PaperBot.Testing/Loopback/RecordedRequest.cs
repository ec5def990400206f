using System.Text;
using System.Text.Json;

namespace PaperBot.Testing.Loopback;

/// <summary>
/// One request a <see cref="LoopbackServer"/> received, as it came over the wire: the method, the request target
/// exactly as sent (percent-encoded, with any query), every header, and the whole body.
/// </summary>
/// <param name="Index">Its place in arrival order on its server, from 0.</param>
public sealed record RecordedRequest(int Index, string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Content, DateTimeOffset At)
{
    /// <summary>The path as sent (still percent-encoded), without the query.</summary>
    public string Path => Target.IndexOf('?', StringComparison.Ordinal) is var query and >= 0 ? Target[..query] : Target;

    /// <summary>The query as sent, with its leading <c>?</c>; empty when there is none.</summary>
    public string Query => Target.IndexOf('?', StringComparison.Ordinal) is var query and >= 0 ? Target[query..] : string.Empty;

    /// <summary>The body as UTF-8 text.</summary>
    public string Body => Encoding.UTF8.GetString(Content);

    /// <summary>The body parsed as JSON; throws when it is not JSON.</summary>
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Content);
            return document.RootElement.Clone();
        }
    }

    /// <summary>The <c>Authorization</c> header, or null when none was sent.</summary>
    public string? Authorization => Header("Authorization");

    /// <summary>A header's value (several values joined by <c>", "</c>), or null when it was not sent; names ignore case.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"#{Index} {Method} {Target} ({Content.Length} bytes)";
}
