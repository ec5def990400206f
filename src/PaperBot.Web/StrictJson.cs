using System.Text.Json;

namespace PaperBot.Web;

/// <summary>
/// Parses a JSON body and proves every string in it (names and values) is text: <see cref="JsonDocument"/> accepts
/// invalid UTF-8 and escaped lone surrogates (<c>"\ud800"</c>) and only fails when a string is read, deep inside
/// the handler, as a 500. Here they are one more reason for a 400.
/// </summary>
public static class StrictJson
{
    /// <summary>The parsed document, or null with the reason (for a 400's detail).</summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> body, out string problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            problem = "the body is not valid JSON";
            return null;
        }

        if (!AllText(document.RootElement))
        {
            document.Dispose();
            problem = "the JSON holds a string that is not valid Unicode (invalid UTF-8 or a lone surrogate)";
            return null;
        }

        problem = "";
        return document;
    }

    /// <summary>The same for a JSON text already decoded (a form field).</summary>
    public static JsonDocument? TryParse(string json, out string problem) =>
        TryParse(System.Text.Encoding.UTF8.GetBytes(json), out problem);

    private static bool AllText(JsonElement root)
    {
        var pending = new Stack<JsonElement>();
        pending.Push(root);
        try
        {
            while (pending.TryPop(out var element))
            {
                switch (element.ValueKind)
                {
                    case JsonValueKind.String:
                        _ = element.GetString();
                        break;
                    case JsonValueKind.Object:
                        foreach (var property in element.EnumerateObject())
                        {
                            _ = property.Name;
                            pending.Push(property.Value);
                        }

                        break;
                    case JsonValueKind.Array:
                        foreach (var item in element.EnumerateArray())
                        {
                            pending.Push(item);
                        }

                        break;
                }
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
