using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PaperBot.Channels.Slack.Inbound;
using PaperBot.Channels.Slack.Processing;
using PaperBot.Web;

namespace PaperBot.Channels.Slack;

/// <summary>
/// Slack's three HTTP endpoints. Each reads and verifies the raw body (<see cref="SlackRequestGate"/>), parses it,
/// and hands it to the same <see cref="SlackInbox"/> Socket Mode uses; the answer itself is delivered later.
/// </summary>
public static class SlackEndpoints
{
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("/slack").ExcludeFromDescription();
        slack.MapPost("/commands", HandleCommandAsync);
        slack.MapPost("/events", HandleEventAsync);
        slack.MapPost("/interactions", HandleInteractionAsync);
        return app;
    }

    internal static async Task<IResult> HandleCommandAsync(HttpRequest request, SlackRequestGate gate, SlackInbox inbox, ILogger<SlackInbox> logger, CancellationToken cancellationToken)
    {
        var (body, refusal) = await gate.ReadVerifiedAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        return SlackForm.TryParse(body, out var fields)
            ? ToResult(inbox.AcceptCommand(fields), request, logger)
            : Malformed(request, logger, "the body is not a URL-encoded form");
    }

    internal static async Task<IResult> HandleEventAsync(HttpRequest request, SlackRequestGate gate, SlackInbox inbox, ILogger<SlackInbox> logger, CancellationToken cancellationToken)
    {
        var (body, refusal) = await gate.ReadVerifiedAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        using var document = StrictJson.TryParse(body, out var problem);
        if (document is null)
        {
            return Malformed(request, logger, problem);
        }

        var retryNum = request.Headers["X-Slack-Retry-Num"].ToString();
        return ToResult(inbox.AcceptEvent(document.RootElement, retryNum.Length > 0 ? retryNum : null), request, logger);
    }

    internal static async Task<IResult> HandleInteractionAsync(HttpRequest request, SlackRequestGate gate, SlackInbox inbox, ILogger<SlackInbox> logger, CancellationToken cancellationToken)
    {
        var (body, refusal) = await gate.ReadVerifiedAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!SlackForm.TryParse(body, out var fields) || !fields.TryGetValue("payload", out var payload))
        {
            return Malformed(request, logger, "the body is not a form with a 'payload' field");
        }

        using var document = StrictJson.TryParse(payload, out var problem);
        return document is null
            ? Malformed(request, logger, $"the 'payload' field: {problem}")
            : ToResult(inbox.AcceptInteraction(document.RootElement), request, logger);
    }

    private static IResult ToResult(SlackAck ack, HttpRequest request, ILogger logger) => ack switch
    {
        { StatusCode: StatusCodes.Status200OK, Body: null } => TypedResults.Ok(),
        { StatusCode: StatusCodes.Status200OK, Body: { } body } => TypedResults.Json(body),
        { StatusCode: StatusCodes.Status400BadRequest } => Malformed(request, logger, ack.Problem ?? "malformed request"),
        _ => TypedResults.Problem(statusCode: ack.StatusCode, title: ack.Problem),
    };

    private static IResult Malformed(HttpRequest request, ILogger logger, string problem)
    {
        Log.MalformedRequest(logger, request.Path, problem);
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed Slack request.", detail: problem);
    }
}
