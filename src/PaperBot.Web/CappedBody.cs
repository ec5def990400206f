using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PaperBot.Web;

/// <summary>How reading a request body ended.</summary>
public enum BodyOutcome
{
    /// <summary>The whole body, within the cap.</summary>
    Complete,

    /// <summary>Larger than the cap: refused without holding more than the cap.</summary>
    TooLarge,

    /// <summary>The client stopped sending (slower than the server's minimum data rate): 408.</summary>
    Stalled,

    /// <summary>The client hung up or sent a body that ended early: 400 (usually nobody is left to read it).</summary>
    Aborted,
}

/// <summary>A request body as read by <see cref="CappedBody"/>.</summary>
public sealed record BodyRead(BodyOutcome Outcome, byte[] Bytes)
{
    public bool IsComplete => Outcome == BodyOutcome.Complete;

    /// <summary>The problem document for a stalled or aborted body (callers word their own 413).</summary>
    public IResult IncompleteProblem() => Outcome == BodyOutcome.Stalled
        ? TypedResults.Problem(statusCode: StatusCodes.Status408RequestTimeout, title: "Request body timeout", detail: "The request body was not sent in time.")
        : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Incomplete request body", detail: "The request body ended before its declared length.");
}

/// <summary>
/// Reads a request's raw bytes before any parsing (a signature covers them exactly) without ever holding more than
/// the cap: a declared length over it is refused at once, an undeclared (chunked) one as soon as it passes it.
/// A client that stalls or hangs up mid-body is an everyday event on the internet, not a server fault: it is told
/// 408 or 400 and logged at Debug, with no stack trace.
/// </summary>
public static partial class CappedBody
{
    public static async Task<BodyRead> ReadAsync(HttpRequest request, int limit, ILogger logger, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return new BodyRead(BodyOutcome.TooLarge, []);
        }

        using var buffer = new MemoryStream(capacity: (int)Math.Min(request.ContentLength ?? 4096, limit));
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return new BodyRead(BodyOutcome.TooLarge, []);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new BodyRead(BodyOutcome.TooLarge, []); // over the server's own limit, which sits above every endpoint's
        }
        catch (BadHttpRequestException ex)
        {
            var stalled = ex.StatusCode == StatusCodes.Status408RequestTimeout;
            LogIncomplete(logger, request.Path, stalled ? "stalled below the minimum data rate" : "ended early", buffer.Length);
            return new BodyRead(stalled ? BodyOutcome.Stalled : BodyOutcome.Aborted, []);
        }
        catch (Exception ex) when (ex is IOException || (ex is OperationCanceledException && request.HttpContext.RequestAborted.IsCancellationRequested))
        {
            LogIncomplete(logger, request.Path, "the client hung up", buffer.Length);
            return new BodyRead(BodyOutcome.Aborted, []);
        }

        return new BodyRead(BodyOutcome.Complete, buffer.ToArray());
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Request body to {Path} incomplete: {Reason} after {Bytes} bytes")]
    private static partial void LogIncomplete(ILogger logger, string path, string reason, long bytes);
}
