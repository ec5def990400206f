using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PaperBot.Host;

/// <summary>
/// OpenTelemetry traces, metrics and logs, exported over OTLP. Switched on by the standard variable
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c> and the rest
/// of the <c>OTEL_*</c> settings); without it nothing is collected and the console logs are all there is.
/// </summary>
internal static class Telemetry
{
    /// <summary>Every PaperBot source and meter: the answer path, the Teams and Slack channels.</summary>
    private const string PaperBotNames = "PaperBot.*";

    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static void AddPaperBotTelemetry(this WebApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration))
        {
            return;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "paperbot"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(PaperBotNames))
            .WithTracing(tracing => tracing
                .AddSource(PaperBotNames)
                // Probes every few seconds would bury the traces that matter.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = (activity, request) => RedactSecretUrl(activity, request.RequestUri)))
            .UseOtlpExporter();
    }

    /// <summary>
    /// A Slack response_url carries a token that lets anyone post to the channel: like the logs, traces keep only
    /// its host. Other URLs are recorded as the instrumentation records them (query strings redacted).
    /// </summary>
    internal static void RedactSecretUrl(System.Diagnostics.Activity activity, Uri? url)
    {
        if (url is not null && url.Host.Equals("hooks.slack.com", StringComparison.OrdinalIgnoreCase))
        {
            activity.SetTag("url.full", $"{url.Scheme}://{url.Host}/…");
        }
    }
}
