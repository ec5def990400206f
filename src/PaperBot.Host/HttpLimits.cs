using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PaperBot.Host;

/// <summary>
/// The HTTP server's limits (section <c>Http</c>), chosen rather than inherited from Kestrel's defaults, and the optional
/// per-client limit on <c>/api/ask</c>.
/// </summary>
public sealed class HttpLimitsOptions
{
    public const string SectionName = "Http";

    /// <summary>A request body slower than this (after the grace period) is cut off with 408: a stalled client holds nothing for long.</summary>
    public int MinBodyBytesPerSecond { get; set; } = 240;

    /// <summary>How long a body may be slower than <see cref="MinBodyBytesPerSecond"/> before it is cut off.</summary>
    public TimeSpan BodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the request line and headers may take.</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an idle keep-alive connection is kept.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The server's ceiling on any body, above every endpoint's own cap (64 KB for /api/ask, Slack:MaxRequestBytes,
    /// Teams:MaxActivityBytes): the endpoint refuses first, in its own words.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Questions one client address may ask <c>/api/ask</c> per minute; 0 (the default) for no limit, since the API is
    /// internal and usually sits behind the operator's own gateway. Beyond it: 429 with Retry-After.
    /// </summary>
    public int AskPermitsPerMinute { get; set; }

    internal IEnumerable<string> Validate()
    {
        if (MinBodyBytesPerSecond is < 1 or > 1_000_000)
        {
            yield return "Http:MinBodyBytesPerSecond must be between 1 and 1000000.";
        }

        if (BodyGracePeriod <= TimeSpan.FromSeconds(1) || BodyGracePeriod > TimeSpan.FromMinutes(5))
        {
            yield return "Http:BodyGracePeriod must be over 1 second (Kestrel checks rates once a second) and at most 5 minutes.";
        }

        if (RequestHeadersTimeout <= TimeSpan.Zero || KeepAliveTimeout <= TimeSpan.Zero)
        {
            yield return "Http:RequestHeadersTimeout and Http:KeepAliveTimeout must be positive.";
        }

        if (MaxRequestBodyBytes is < 64 * 1024 or > 256L * 1024 * 1024)
        {
            yield return "Http:MaxRequestBodyBytes must be between 65536 and 268435456.";
        }

        if (AskPermitsPerMinute is < 0 or > 1_000_000)
        {
            yield return "Http:AskPermitsPerMinute must be between 0 (no limit) and 1000000.";
        }
    }
}

internal static class HttpLimits
{
    public const string AskPolicy = "ask";

    public static IServiceCollection AddPaperBotHttpLimits(this IServiceCollection services)
    {
        services.AddOptions<HttpLimitsOptions>().BindConfiguration(HttpLimitsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpLimitsOptions>, HttpLimitsValidator>());
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<HttpLimitsOptions>>((kestrel, options) =>
        {
            var limits = options.Value;
            kestrel.AddServerHeader = false;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(limits.MinBodyBytesPerSecond, limits.BodyGracePeriod);
            kestrel.Limits.RequestHeadersTimeout = limits.RequestHeadersTimeout;
            kestrel.Limits.KeepAliveTimeout = limits.KeepAliveTimeout;
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        });

        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(AskPolicy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<HttpLimitsOptions>>().Value.AskPermitsPerMinute;
                return permits <= 0
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many questions",
                    detail: $"This client has asked too many questions in the last minute. Try again in {seconds} s.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }
}

internal sealed class HttpLimitsValidator : IValidateOptions<HttpLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpLimitsOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
