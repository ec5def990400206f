using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Web;

namespace PaperBot.Channels.Slack.Inbound;

/// <summary>
/// The door every Slack HTTP request passes: 404 when Slack is not configured, 413 beyond the size cap, 408 or 400
/// for a body that stalls or ends early, 200 for
/// Slack's unsigned <c>ssl_check</c>, 401 unless the signature over the raw body is valid and fresh. Only a body
/// that passed is handed on.
/// </summary>
internal sealed class SlackRequestGate(SlackSignatureVerifier verifier, IOptionsMonitor<SlackOptions> options, ILogger<SlackRequestGate> logger)
{
    public async Task<(byte[] Body, IResult? Refusal)> ReadVerifiedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.HttpEnabled)
        {
            return ([], TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Slack is not configured on this host."));
        }

        var read = await CappedBody.ReadAsync(request, settings.MaxRequestBytes, logger, cancellationToken);
        if (read.Outcome == BodyOutcome.TooLarge)
        {
            Log.BodyTooLarge(logger, request.Path, settings.MaxRequestBytes);
            return ([], TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large.",
                detail: $"Slack requests are limited to {settings.MaxRequestBytes} bytes."));
        }

        if (!read.IsComplete)
        {
            return ([], read.IncompleteProblem());
        }

        var body = read.Bytes;

        var check = verifier.Verify(
            request.Headers[SlackSignatureVerifier.TimestampHeader].ToString(),
            request.Headers[SlackSignatureVerifier.SignatureHeader].ToString(),
            body);
        if (check == SignatureCheck.Valid)
        {
            return (body, null);
        }

        if (IsSslCheck(body))
        {
            return ([], TypedResults.Ok());
        }

        Log.RequestRejected(logger, request.Path, check.ToString());
        return ([], TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid Slack request signature."));
    }

    private static bool IsSslCheck(byte[] body) =>
        SlackForm.TryParse(body, out var fields) && fields.TryGetValue("ssl_check", out var value) && value == "1";
}
