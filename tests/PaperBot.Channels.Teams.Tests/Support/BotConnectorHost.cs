using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PaperBot.Answering;
using PaperBot.Channels.Teams.Connector;
using PaperBot.Testing;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Teams.Tests.Support;

/// <summary>
/// The real host on Kestrel (loopback, a free port) with an app id, taking its signing keys from a
/// <see cref="SigningAuthority"/>: requests go over real HTTP. Replies to the Bot Connector are recorded at the
/// connector's HTTP handler (the connector's address is a real Teams one) with a stand-in connector token.
/// </summary>
public sealed class BotConnectorHost : WebApplicationFactory<Program>
{
    public const string ConnectorToken = "connector-token-for-tests";

    private readonly string _metadataUrl;
    private readonly RecordingConnector _connector = new();

    private BotConnectorHost(string metadataUrl) => _metadataUrl = metadataUrl;

    public StubAnswerService Answers { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();

    public static BotConnectorHost Start(SigningAuthority authority)
    {
        var host = new BotConnectorHost(authority.MetadataUrl);
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        return host;
    }

    /// <summary>Posts an activity, with <paramref name="token"/> as its bearer token when there is one.</summary>
    public Task<HttpResponseMessage> PostAsync(string activity, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(activity, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The next reply the bot sent the Bot Connector (a bound, not a sleep).</summary>
    public async Task<RecordedRequest> NextReplyAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await _connector.Requests.ReadAsync(bound.Token);
    }

    /// <summary>What the Teams channel logged under <paramref name="eventId"/>.</summary>
    public IReadOnlyList<FakeLogRecord> Logged(int eventId) => [.. Logs.GetSnapshot().Where(r => r.Id.Id == eventId)];

    /// <summary>A refused token is an everyday event, not a fault: no exception attached to any line.</summary>
    public void AssertNoExceptionLogged()
    {
        var withException = Logs.GetSnapshot().Where(r => r.Exception is not null).ToList();
        Assert.True(withException.Count == 0, "logged with an exception: " + string.Join(" | ", withException.Select(r => $"{r.Category} {r.Id.Id}: {r.Exception!.GetType().Name}")));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Teams:MicrosoftAppId", SigningAuthority.AppId);
        builder.UseSetting("Teams:MicrosoftAppPassword", "not-a-real-password");
        builder.UseSetting("Teams:BotFrameworkOpenIdMetadataUrl", _metadataUrl);
        builder.UseSetting("Teams:EntraOpenIdMetadataUrl", _metadataUrl);
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddFakeLogging();
        });
        builder.ConfigureTestServices(services =>
        {
            // The endpoint is under test, not answers: a stub answers and the paper is not indexed.
            services.RemoveAll<IAnswerService>();
            services.AddSingleton<IAnswerService>(Answers);
            var warmUp = services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType == typeof(PaperBot.Host.KnowledgeWarmUp)).ToList();
            warmUp.ForEach(d => services.Remove(d));
            services.RemoveAll<IConnectorTokenProvider>();
            services.AddSingleton<IConnectorTokenProvider>(new FixedConnectorToken());
            services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _connector);
        });
    }

    private sealed class FixedConnectorToken : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(ConnectorToken);
    }

    /// <summary>The Bot Connector's side of a reply: records it and answers with a resource id.</summary>
    private sealed class RecordingConnector : HttpMessageHandler
    {
        private readonly Channel<RecordedRequest> _requests = Channel.CreateUnbounded<RecordedRequest>();
        private int _count;

        public ChannelReader<RecordedRequest> Requests => _requests.Reader;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            _requests.Writer.TryWrite(new RecordedRequest(Interlocked.Increment(ref _count) - 1, request.Method.Method, request.RequestUri!.AbsoluteUri, headers, body, DateTimeOffset.UtcNow));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"reply-1"}""", Encoding.UTF8, "application/json") };
        }
    }
}
