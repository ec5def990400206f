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

    /// <summary>
    /// Maps the endpoint, guarded by <see cref="TeamsAuthentication.Policy"/>. On a host's application builder it also
    /// adds the authentication and authorization middleware at this point of the pipeline, inside the host's exception
    /// handler and status-code pages (left to itself, WebApplication would put them ahead of all the host's middleware).
    /// </summary>
    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder app)
    {
        if (app is IApplicationBuilder pipeline)
        {
            pipeline.UseAuthentication();
            pipeline.UseAuthorization();
        }

        app.MapPost(MessagesPath, PostActivityAsync).WithName("TeamsMessages").DisableAntiforgery().RequireAuthorization(TeamsAuthentication.Policy);
        return app;
    }

    /// <summary>
    /// Who may call was decided before this runs (<see cref="TeamsAuthenticationHandler"/>), before the body is read;
    /// what is left of the token checks needs the activity.
    /// </summary>
    internal static async Task<IResult> PostActivityAsync(
        HttpContext context,
        IOptions<TeamsOptions> options,
        TeamsTurnQueue queue,
        FeedbackRecorder feedback,
        TeamsUserLimits limits,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger(typeof(TeamsEndpoints));

        var read = await CappedBody.ReadAsync(context.Request, settings.MaxActivityBytes, logger, cancellationToken);
        if (read.Outcome == BodyOutcome.TooLarge)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The activity is too large.");
        }

        if (!read.IsComplete)
        {
            return read.IncompleteProblem();
        }

        Activity? activity;
        using (var document = StrictJson.TryParse(read.Bytes, out var problem))
        {
            if (document is null)
            {
                Log.ActivityMalformed(logger, problem);
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a JSON activity.", detail: problem);
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a JSON activity.", detail: "an activity is a JSON object");
            }

            activity = document.RootElement.Deserialize<Activity>(ProtocolJson.Options);
        }

        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The activity has no type.");
        }

        var connector = TeamsAuthentication.BotConnectorIdentityOf(context.User);
        if (settings.HasAppId)
        {
            var check = connector is null ? TokenCheck.Fail("no Bot Connector identity") : ChannelTokenValidator.CheckActivity(connector, activity);
            if (!check.Succeeded)
            {
                Log.TokenRejected(logger, check.Reason, activity.ChannelId, activity.ServiceUrl);
                return Results.Unauthorized();
            }
        }

        var authenticated = connector is not null;
        Log.ActivityReceived(logger, activity.Type, activity.ChannelId, activity.Conversation?.ConversationType);
        switch (activity.Type)
        {
            case ActivityTypes.Message:
            case ActivityTypes.ConversationUpdate when TeamsBot.IsBotAdded(activity):
                // Over the per-user limit, the turn goes through the queue only to tell the user (once a minute) when to ask again.
                TimeSpan? wait = null;
                if (activity.Type == ActivityTypes.Message && TeamsBot.UserIdOf(activity) is { } user && !limits.TryAcquire(user, out var retryAfter))
                {
                    Log.UserThrottled(logger, user);
                    if (!limits.ShouldTell(user))
                    {
                        return Results.Ok(); // told within the last minute: a flood costs one note, not a queue full of them
                    }

                    wait = retryAfter;
                }

                return queue.TryEnqueue(new TeamsTurn(activity, authenticated) { ThrottledFor = wait })
                    ? Results.Ok()
                    : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many questions at once; try again shortly.");

            case ActivityTypes.Invoke when activity.Name == "message/submitAction":
                if (FeedbackRecorder.Parse(activity) is { } given)
                {
                    await feedback.RecordAsync(given, activity, cancellationToken);
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
