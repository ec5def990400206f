using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PaperBot.Testing.Loopback;

namespace PaperBot.Host.Tests.Telemetry;

/// <summary>The host exports traces and metrics over OTLP when, and only when, OTEL_EXPORTER_OTLP_ENDPOINT says where.</summary>
public sealed class TelemetryTests : IDisposable
{
    private const string Question = "When did Russia and Pakistan sign the gas pipeline deal?";
    private readonly string _cache = Directory.CreateTempSubdirectory("paperbot-telemetry-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_cache, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task OtlpEndpointSet_AnAnswerArrivesAsASpanAndAsMetrics()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Knowledge__CachePath"] = _cache,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "paperbot-test",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        });
        using var client = new HttpClient { BaseAddress = host.Address };

        using var response = await client.PostAsJsonAsync("/api/ask", new { question = Question }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Traces: the answer's own span, tagged with its outcome, inside the HTTP request's span.
        var span = await receiver.WaitForAsync(received => received
            .Where(r => r.Path == "/v1/traces")
            .SelectMany(r => Protobuf.Path(r.Body, 1, 2, 2))
            .FirstOrDefault(s => Protobuf.String(s, 5) == "paperbot.answer"), TimeSpan.FromSeconds(60));
        var tags = Protobuf.Attributes(span, 9);
        Assert.Equal("answered", tags["paperbot.answer.status"]);
        Assert.Equal("answer", tags["paperbot.answer.kind"]);
        Assert.Equal("extractive", tags["paperbot.answer.mode"]);
        Assert.True(double.Parse(tags["paperbot.answer.elapsed_ms"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        var server = await receiver.WaitForAsync(received => received
            .Where(r => r.Path == "/v1/traces")
            .SelectMany(r => Protobuf.Path(r.Body, 1, 2, 2))
            .FirstOrDefault(s => Protobuf.String(s, 5) == "POST /api/ask"), TimeSpan.FromSeconds(60));
        byte[] Id(byte[] s, int field) => Protobuf.Read(s).First(f => f.Number == field).Bytes!;
        Assert.Equal(Id(server, 2), Id(span, 4)); // the answer's parent is the request's span
        var traces = await receiver.WaitForAsync(received => received.Where(r => r.Path == "/v1/traces").ToList(), TimeSpan.FromSeconds(5));
        Assert.All(traces, r => Assert.DoesNotContain(Question, Encoding.UTF8.GetString(r.Body), StringComparison.Ordinal));
        var resource = Protobuf.Path(traces[0].Body, 1, 1).First();
        Assert.Equal("paperbot-test", Protobuf.Attributes(resource, 1)["service.name"]);

        // Metrics: the answers counter, and ASP.NET Core's own request duration.
        var metrics = await receiver.WaitForAsync(received =>
        {
            var names = received.Where(r => r.Path == "/v1/metrics").SelectMany(r => Protobuf.Path(r.Body, 1, 2, 2)).Select(m => Protobuf.String(m, 1)).ToHashSet();
            return names.Contains("paperbot.answers") && names.Contains("http.server.request.duration") ? names : null;
        }, TimeSpan.FromSeconds(60));
        Assert.Contains("paperbot.answer.duration", metrics);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("http://127.0.0.1:4318", true)]
    public void Telemetry_OnlyWhenTheOtlpEndpointIsSet(string? endpoint, bool expected)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint });

        builder.AddPaperBotTelemetry();
        using var app = builder.Build();

        Assert.Equal(expected, app.Services.GetService<TracerProvider>() is not null);
        Assert.Equal(expected, app.Services.GetService<MeterProvider>() is not null);
    }

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN", "https://hooks.slack.com/…")]
    [InlineData("https://slack.com/api/chat.postMessage", "https://slack.com/api/chat.postMessage")]
    public void HttpClientSpans_SlackResponseUrlCutToItsHost(string url, string recorded)
    {
        using var activity = new System.Diagnostics.Activity("POST");
        activity.SetTag("url.full", url);

        PaperBot.Host.Telemetry.RedactSecretUrl(activity, new Uri(url));

        Assert.Equal(recorded, activity.GetTagItem("url.full"));
    }
}
