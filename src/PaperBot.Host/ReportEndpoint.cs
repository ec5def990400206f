using PaperBot.Reporting;
using PaperBot.Reporting.Access;
using PaperBot.Reporting.Rendering;

namespace PaperBot.Host;

/// <summary>
/// <c>GET /report[?since=7d]</c>: the instructor's report as one self-contained HTML page, behind the instructor check
/// of the chat front ends: the signed, expiring <c>token</c> a Slack or Teams reply links to, or
/// <c>Authorization: Bearer</c> with <c>Report:Token</c>. Anything else is a 401 problem document and no report.
/// </summary>
internal static class ReportEndpoint
{
    public static async Task<IResult> GetAsync(HttpContext context, string? token, string? since, ReportGrants grants, ReportBuilder reports, CancellationToken cancellationToken)
    {
        // Whatever the answer, the page and the token in its address stay out of caches and referrers.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        var bearer = context.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;
        var grant = grants.IsDeployerToken(bearer) ? new ReportGrant("deployer", null) : grants.Verify(token);
        if (grant is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return AskEndpoint.Problem(StatusCodes.Status401Unauthorized, "Not authorised",
                "The report is for instructors: open the link PaperBot sent you (it expires), or send Authorization: Bearer with Report:Token.");
        }

        var (report, problem) = await reports.BuildAsync(since ?? grant.Window, cancellationToken);
        if (report is null)
        {
            return AskEndpoint.Problem(StatusCodes.Status400BadRequest, "Bad window", $"since: {problem}.");
        }

        context.Response.Headers.ContentSecurityPolicy = ReportHtml.ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(ReportHtml.Render(report), "text/html; charset=utf-8");
    }
}
