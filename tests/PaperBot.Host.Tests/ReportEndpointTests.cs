using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Reporting.Access;
using PaperBot.Storage;
using PaperBot.Testing.Reports;

namespace PaperBot.Host.Tests;

/// <summary><c>GET /report</c> over real HTTP on loopback: the HTML report for a valid grant, 401 for anything else.</summary>
public sealed class ReportEndpointTests(HostFixture fixture) : IAsyncLifetime
{
    private const string DeployerToken = "deployer-token-for-the-report-tests";

    private SeededHistory _history = null!;
    private ReportHost _host = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _history = await SeededHistory.CreateAsync(DateTimeOffset.UtcNow);
        _host = new ReportHost(fixture.CacheFolder, _history);
        _host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
    }

    private ReportGrants Grants => _host.Services.GetRequiredService<ReportGrants>();

    [Fact]
    public async Task Get_ValidToken_TheSeededReportAsSelfContainedHtml()
    {
        var token = Grants.Issue("slack:UTEACH", null, DateTimeOffset.UtcNow.AddMinutes(5));

        using var response = await _http.GetAsync("report?token=" + Uri.EscapeDataString(token), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains($"<strong>{_history.Questions.Count(q => q.At >= _history.Now.AddDays(-7))}</strong><span>questions</span>", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<svg ").Length - 1);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_GrantWithWindow_ThatWindow()
    {
        var token = Grants.Issue("teams:T1", "2d", DateTimeOffset.UtcNow.AddMinutes(5));

        var html = await _http.GetStringAsync("report?token=" + Uri.EscapeDataString(token), Ct);

        Assert.Contains("<title>PaperBot report: the last 2 days</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DeployerBearerToken_TheReport()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "report?since=24h");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DeployerToken);

        using var response = await _http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("the last 24 hours", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("expired")]
    [InlineData("tampered")]
    [InlineData("foreign")]
    [InlineData("wrong bearer")]
    public async Task Get_NoValidGrant_401ProblemAndNoReport(string kind)
    {
        var valid = Grants.Issue("slack:UTEACH", null, DateTimeOffset.UtcNow.AddMinutes(5));
        var foreign = new ReportGrants(Microsoft.Extensions.Options.Options.Create(new PaperBot.Reporting.ReportOptions())).Issue("slack:UTEACH", null, DateTimeOffset.UtcNow.AddMinutes(5));
        using var request = new HttpRequestMessage(HttpMethod.Get, kind switch
        {
            "expired" => "report?token=" + Uri.EscapeDataString(Grants.Issue("slack:UTEACH", null, DateTimeOffset.UtcNow.AddSeconds(-1))),
            "tampered" => "report?token=" + Uri.EscapeDataString(valid[..^3] + (valid[^3] == 'A' ? "B" : "A") + valid[^2..]),
            "foreign" => "report?token=" + Uri.EscapeDataString(foreign),
            _ => "report",
        });
        if (kind == "wrong bearer")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DeployerToken + "x");
        }

        using var response = await _http.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(401, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("<svg", body, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>The host with the seeded history as its question log and feedback store, and report secrets set.</summary>
    private sealed class ReportHost(string cacheFolder, SeededHistory history) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Knowledge:CachePath", cacheFolder);
            builder.UseSetting("Report:SigningKey", "a-signing-key-for-the-report-tests-0123456789");
            builder.UseSetting("Report:Token", DeployerToken);
            builder.ConfigureTestServices(services => services
                .AddSingleton<IQuestionLog>(history.QuestionLog)
                .AddSingleton<IFeedbackStore>(history.FeedbackStore));
        }
    }
}
