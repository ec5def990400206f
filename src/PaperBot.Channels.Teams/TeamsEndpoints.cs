using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Channels.Teams.Authentication;
using PaperBot.Channels.Teams.Protocol;
using PaperBot.Web;

namespace PaperBot.Channels.Teams;

/// <summary><c>POST /api/messages</c>: where the Bot Connector (or the Agents Playground) delivers activities.</summary>
public static class TeamsEndpoints
{
    public const string MessagesPath = "/api/messages";

    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(MessagesPath, PostActivityAsync).WithName("TeamsMessages").DisableAntiforgery();
        return app;
    }

    internal static async Task<IResult> PostActivityAsync(
        HttpContext context,
        IOptions<TeamsOptions> options,
        ChannelTokenValidator tokens,
        TeamsTurnQueue queue,
        FeedbackRecorder feedback,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger(typeof(TeamsEndpoints));
        var authorization = context.Request.Headers.Authorization.ToString();

        // Who may call at all is decided before the body is read.
        if (settings.HasAppId && string.IsNullOrEmpty(authorization))
        {
            Log.TokenRejected(logger, "no Authorization header", null, null);
            return Results.Unauthorized();
        }

        // A request relayed by a proxy on this machine looks local too: anonymous mode is for a client on loopback itself.
        if (!settings.HasAppId && (!LoopbackClient.IsLoopback(context.Connection.RemoteIpAddress) || context.Request.Headers.ContainsKey("X-Forwarded-For")))
        {
            Log.AnonymousRemoteRefused(logger);
            return Results.Unauthorized();
        }

        var body = await CappedBody.ReadAsync(context.Request, settings.MaxActivityBytes, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The activity is too large.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a JSON activity.");
        }

        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The activity has no type.");
        }

        var authenticated = false;
        if (settings.HasAppId)
        {
            var check = await tokens.ValidateAsync(authorization, activity, cancellationToken);
            if (!check.Succeeded)
            {
                return Results.Unauthorized();
            }

            authenticated = true;
        }

        Log.ActivityReceived(logger, activity.Type, activity.ChannelId, activity.Conversation?.ConversationType);
        switch (activity.Type)
        {
            case ActivityTypes.Message:
            case ActivityTypes.ConversationUpdate when TeamsBot.IsBotAdded(activity):
                return queue.TryEnqueue(new TeamsTurn(activity, authenticated))
                    ? Results.Ok()
                    : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many questions at once; try again shortly.");

            case ActivityTypes.Invoke when activity.Name == "message/submitAction":
                if (FeedbackRecorder.Parse(activity) is { } given)
                {
                    feedback.Record(given);
                }

                return Results.Json(new { }, statusCode: StatusCodes.Status200OK);

            case ActivityTypes.Invoke:
                // Bot Framework's convention for an invoke nobody handles.
                return Results.StatusCode(StatusCodes.Status501NotImplemented);

            default:
                return Results.Ok();
        }
    }
}
