using Microsoft.AspNetCore.Http;

namespace PaperBot.Web;

/// <summary>
/// Reads a request's raw bytes before any parsing (a signature covers them exactly) without ever holding more than
/// the cap: a declared length over it is refused at once, an undeclared (chunked) one as soon as it passes it.
/// </summary>
public static class CappedBody
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream(capacity: (int)Math.Min(request.ContentLength ?? 4096, limit));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
