using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperBot.Channels.Teams.Tests.EndToEnd;

/// <summary>
/// The Microsoft 365 Agents Playground (npm, installed in <see cref="Folder"/>) as a child process pointed at the bot,
/// in a working folder of its own; its console output is kept for failure messages.
/// </summary>
internal sealed partial class PlaygroundProcess : IAsyncDisposable
{
    public const string Folder = "tests/PaperBot.Channels.Teams.Tests/playground";

    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Process _process;
    private readonly string _workDir;

    private PlaygroundProcess(Process process, string workDir)
    {
        _process = process;
        _workDir = workDir;
    }

    /// <summary>The port the Playground listens on (it may not be the one asked for).</summary>
    public int Port { get; private set; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="botEndpoint">Where the bot's <c>/api/messages</c> is.</param>
    /// <param name="port">The port the Playground is asked to take; its connector is at <c>/_connector</c> on it.</param>
    public static async Task<PlaygroundProcess> StartAsync(string botEndpoint, int port)
    {
        var folder = FindFolder();
        var cli = Path.Combine(folder, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli) || !Directory.Exists(Path.Combine(folder, "node_modules", "ws")))
        {
            throw new InvalidOperationException(
                $"The Agents Playground is not installed in {Folder}: building this test project installs it (`dotnet test Bot.sln` does; so does `npm ci --prefix {Folder}`), then run the tests again.");
        }

        var workDir = Directory.CreateTempSubdirectory("paperbot-playground-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            cli, "-e", botEndpoint, "-c", "msteams", "-p", port.ToString(CultureInfo.InvariantCulture),
            "--service-url", $"http://127.0.0.1:{port}/_connector", "--disable-telemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true";
        var playground = new PlaygroundProcess(new Process { StartInfo = start }, workDir);
        playground._process.OutputDataReceived += (_, e) => playground.OnOutput(e.Data);
        playground._process.ErrorDataReceived += (_, e) => playground.OnOutput(e.Data);
        playground._process.Start();
        playground._process.BeginOutputReadLine();
        playground._process.BeginErrorReadLine();

        // It silently takes another port when the chosen one was grabbed meanwhile; it says which on its console.
        playground.Port = await playground._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return playground;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningOn().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
        }
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Folder);
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{Folder}/package.json not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningOn();
}
