using Microsoft.Net.Http.Headers;

namespace PaperBot.Web;

/// <summary>Content types compared as media types (parameters such as <c>charset</c> allowed), never as prefixes.</summary>
public static class MediaTypes
{
    /// <summary><c>application/json</c> or a structured <c>application/…+json</c> type; <c>application/jsonxyz</c> is not JSON.</summary>
    public static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType.Value is not { } mediaType)
        {
            return false;
        }

        return string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
                && mediaType.Length > "application/+json".Length);
    }
}
