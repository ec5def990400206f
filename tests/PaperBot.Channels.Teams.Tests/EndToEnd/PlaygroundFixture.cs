using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaperBot.Answering;
using PaperBot.Channels.Teams.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.Channels.Teams.Tests.EndToEnd;

/// <summary>
/// The real PaperBot host on Kestrel (a free loopback port, anonymous local-development mode) and the Microsoft 365
/// Agents Playground, a Teams client emulator, pointed at it; started once for all end-to-end tests and stopped
/// after. The Playground's log stream (a WebSocket that carries every activity in both directions) is how the tests
/// see what the bot sent.
/// </summary>
public sealed partial class PlaygroundFixture : IAsyncLifetime
{
    public const string PlaygroundFolder = "tests/PaperBot.Channels.Teams.Tests/playground";

    private readonly ConcurrentQueue<JsonElement> _log = new();
    private readonly Channel<bool> _logArrived = Channel.CreateUnbounded<bool>();
    private readonly CancellationTokenSource _stop = new();
    private BotHost? _host;
    private Process? _playground;
    private ClientWebSocket? _socket;
    private Task? _reader;
    private string? _workDir;
    private readonly StringBuilder _playgroundOutput = new();

    public HttpClient Playground { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The answer service the host resolved: the real one once the answering area registers it.</summary>
    public string AnswerServiceType { get; private set; } = "";

    public JsonElement TestConfig { get; private set; }

    /// <summary>The running host's services (to observe its metrics).</summary>
    public IServiceProvider HostServices => _host!.Services;

    public async ValueTask InitializeAsync()
    {
        var folder = FindPlaygroundFolder();
        var cli = Path.Combine(folder, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli) || !Directory.Exists(Path.Combine(folder, "node_modules", "ws")))
        {
            throw new InvalidOperationException(
                $"The Agents Playground is not installed in {PlaygroundFolder}: building this test project installs it (`dotnet test Bot.sln` does; so does `npm ci --prefix {PlaygroundFolder}`), then run the tests again.");
        }

        // The Playground's connector address is the only one anonymous replies may go to: chosen before the host starts.
        var port = FreePort();
        _host = new BotHost($"http://127.0.0.1:{port}/_connector");
        _host.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        AnswerServiceType = _host.Services.GetRequiredService<IAnswerService>().GetType().FullName!;
        var hostAddress = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        _workDir = Directory.CreateTempSubdirectory("paperbot-playground-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            cli, "-e", $"{hostAddress}/api/messages", "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--service-url", $"http://127.0.0.1:{port}/_connector", "--disable-telemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true";
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _playground = new Process { StartInfo = start };
        _playground.OutputDataReceived += (_, e) => OnOutput(e.Data, listening);
        _playground.ErrorDataReceived += (_, e) => OnOutput(e.Data, listening);
        _playground.Start();
        _playground.BeginOutputReadLine();
        _playground.BeginErrorReadLine();

        // It silently takes another port when the chosen one was grabbed meanwhile; it says which on its console.
        var actualPort = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Playground.BaseAddress = new Uri($"http://127.0.0.1:{actualPort}/");
        await WaitUntilReadyAsync();

        using (var config = await Playground.GetAsync("_internal/v1/testConfig"))
        {
            config.EnsureSuccessStatusCode();
            TestConfig = JsonDocument.Parse(await config.Content.ReadAsStringAsync()).RootElement.GetProperty("config").Clone();
        }

        _socket = new ClientWebSocket();
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{actualPort}/_ws/log/stream"), CancellationToken.None);
        _reader = Task.Run(ReadLogAsync);
    }

    private void OnOutput(string? line, TaskCompletionSource<int> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_playgroundOutput)
        {
            _playgroundOutput.AppendLine(line);
        }

        if (ListeningOn().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

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

    public string PlaygroundOutput
    {
        get
        {
            lock (_playgroundOutput)
            {
                return _playgroundOutput.ToString();
            }
        }
    }

    private async Task ReadLogAsync()
    {
        var buffer = new byte[256 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket!.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                try
                {
                    _log.Enqueue(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                    _logArrived.Writer.TryWrite(true);
                }
                catch (JsonException)
                {
                }

                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
    }

    /// <summary>
    /// The bot's reply to the message whose text is <paramref name="sentText"/>: the Playground's log gives the id it
    /// gave that message, and the reply is the bot's message activity with that <c>replyToId</c>.
    /// </summary>
    public async Task<JsonElement> WaitForReplyToAsync(string sentText)
    {
        var sent = await WaitForLogAsync(log => From(log, "Microsoft 365 Agents Playground") && Body(log) is { } body
            && body.TryGetProperty("text", out var text) && text.GetString() == sentText);
        var id = Body(sent)!.Value.GetProperty("id").GetString();
        var reply = await WaitForLogAsync(log => From(log, "User Application") && Body(log) is { } body
            && body.TryGetProperty("type", out var type) && type.GetString() == "message"
            && body.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == id);
        return Body(reply)!.Value;
    }

    private static bool From(JsonElement log, string sender) => log.TryGetProperty("from", out var from) && from.GetString() == sender;

    private static JsonElement? Body(JsonElement log) =>
        log.TryGetProperty("request", out var request) && request.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object ? body : null;

    /// <summary>
    /// The first log event that matches, waiting for it: bounded, and woken by each new event rather than by a timer.
    /// </summary>
    public async Task<JsonElement> WaitForLogAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            foreach (var entry in _log)
            {
                if (entry.TryGetProperty("log", out var log) && log.ValueKind == JsonValueKind.Object && match(log))
                {
                    return log;
                }
            }

            try
            {
                await _logArrived.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No matching event in the Playground's log. Last events:\n" + string.Join('\n', _log.Select(e => e.GetRawText()).TakeLast(10)));
            }
        }
    }

    /// <summary>Every log event so far (for assertions about what the Playground saw).</summary>
    public IReadOnlyList<JsonElement> LogEvents => [.. _log];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket?.Abort();
        _socket?.Dispose();
        if (_reader is not null)
        {
            await _reader;
        }

        if (_playground is { HasExited: false })
        {
            _playground.Kill(entireProcessTree: true);
            await _playground.WaitForExitAsync();
        }

        _playground?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Playground.Dispose();
        _stop.Dispose();
        if (_workDir is not null)
        {
            try
            {
                Directory.Delete(_workDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindPlaygroundFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, PlaygroundFolder);
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{PlaygroundFolder}/package.json not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningOn();

    /// <summary>
    /// The host exactly as it runs, in local-development mode (no app id). Until the answering area registers the
    /// real answer service in <c>AddPaperBot</c>, a stand-in fills the gap; it is added only when none is registered.
    /// </summary>
    private sealed class BotHost(string playgroundServiceUrl) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Teams:MicrosoftAppId", "");
            builder.UseSetting("Teams:PlaygroundServiceUrl", playgroundServiceUrl);
            builder.ConfigureTestServices(services => services.TryAddSingleton<IAnswerService>(new StubAnswerService
            {
                Next = request => request.Question is "help" or "sections"
                    ? new Answer { Question = request.Question, Status = AnswerStatus.Answered, Kind = request.Question, Text = $"({request.Question} from the stand-in)" }
                    : CannedAnswers.Cited(request.Question),
            }));
        }
    }
}
