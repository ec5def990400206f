using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Answering;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Teams.Tests.EndToEnd;

/// <summary>
/// The real PaperBot host on Kestrel (a free loopback port, anonymous local-development mode) and the Microsoft 365
/// Agents Playground, a Teams client emulator, pointed at it; started once for all end-to-end tests and stopped
/// after. The Playground's log stream (a WebSocket that carries every activity in both directions) is how the tests
/// see what the bot sent.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    public const string PlaygroundFolder = PlaygroundProcess.Folder;

    private PlaygroundBotHost? _host;
    private PlaygroundProcess? _playground;
    private PlaygroundLog? _log;

    public HttpClient Playground { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The answer service the host resolved: the real one once the answering area registers it.</summary>
    public string AnswerServiceType { get; private set; } = "";

    public JsonElement TestConfig { get; private set; }

    /// <summary>The running host's services (to observe its metrics).</summary>
    public IServiceProvider HostServices => _host!.Services;

    /// <summary>What the Playground printed so far.</summary>
    public string PlaygroundOutput => _playground?.Output ?? "";

    /// <summary>Every log event so far (for assertions about what the Playground saw).</summary>
    public IReadOnlyList<JsonElement> LogEvents => Log.Events;

    private PlaygroundLog Log => _log ?? throw new InvalidOperationException("The Playground's log is not connected.");

    public async ValueTask InitializeAsync()
    {
        // The Playground's connector address is the only one anonymous replies may go to: chosen before the host starts.
        var port = LoopbackPorts.Closed();
        _host = new PlaygroundBotHost($"http://127.0.0.1:{port}/_connector");
        _host.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        AnswerServiceType = _host.Services.GetRequiredService<IAnswerService>().GetType().FullName!;
        var hostAddress = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        _playground = await PlaygroundProcess.StartAsync($"{hostAddress}/api/messages", port);
        Playground.BaseAddress = new Uri($"http://127.0.0.1:{_playground.Port}/");
        await WaitUntilReadyAsync();

        using (var config = await Playground.GetAsync("_internal/v1/testConfig"))
        {
            config.EnsureSuccessStatusCode();
            TestConfig = JsonDocument.Parse(await config.Content.ReadAsStringAsync()).RootElement.GetProperty("config").Clone();
        }

        _log = await PlaygroundLog.ConnectAsync(new Uri($"ws://127.0.0.1:{_playground.Port}/_ws/log/stream"));
    }

    /// <summary>
    /// The bot's reply to the message whose text is <paramref name="sentText"/>: the Playground's log gives the id it
    /// gave that message, and the reply is the bot's message activity with that <c>replyToId</c>.
    /// </summary>
    public Task<JsonElement> WaitForReplyToAsync(string sentText) => Log.WaitForReplyToAsync(sentText);

    /// <summary>
    /// The first log event that matches, waiting for it: bounded, and woken by each new event rather than by a timer.
    /// </summary>
    public Task<JsonElement> WaitForLogAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null) => Log.WaitForAsync(match, timeout);

    public async ValueTask DisposeAsync()
    {
        if (_log is not null)
        {
            await _log.DisposeAsync();
        }

        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Playground.Dispose();
    }

    /// <summary>
    /// The Playground says it listens before it serves: its ping is retried, briefly, until it answers. It offers no
    /// readiness signal to wait on instead.
    /// </summary>
    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var ping = await Playground.GetAsync("_debug/ping");
                if (ping.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The Agents Playground did not answer /_debug/ping within 30 s:\n" + PlaygroundOutput);
            }

            await Task.Delay(100);
        }
    }
}
