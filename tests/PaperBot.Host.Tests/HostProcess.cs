using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace PaperBot.Host.Tests;

/// <summary>
/// The host started as the README says, <c>dotnet run --project src/PaperBot.Host</c> from the repository root (the
/// build the tests already made, hence <c>--no-build</c>), on a free loopback port. Its console is collected line by
/// line so a test can wait for what the host says.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Channel<string> _arrived = Channel.CreateUnbounded<string>();

    private HostProcess(Process process) => _process = process;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Output => string.Join('\n', _lines);

    /// <summary>The repository root: the folder above the tests that holds Bot.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Debug or Release: the configuration these tests were built in, so <c>--no-build</c> finds the host beside them.</summary>
    private static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static async Task<HostProcess> StartAsync(IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--no-build", "-c", Configuration, "--project", "src/PaperBot.Host", "--", "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        SetEnvironment(start, environment);
        var host = new HostProcess(new Process { StartInfo = start });
        host._process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();

        var listening = await host.WaitForLineAsync(line => ListeningOn().IsMatch(line), TimeSpan.FromSeconds(90));
        host.Address = new Uri(ListeningOn().Match(listening).Groups[1].Value.TrimEnd('/') + "/");
        return host;
    }

    /// <summary>
    /// The built host run directly (<c>dotnet PaperBot.Host.dll</c>: no <c>dotnet run</c> to wait for), for a host that
    /// must refuse to start: waited on until it exits, within <paramref name="timeout"/> (killed and reported otherwise).
    /// </summary>
    public static async Task<ExitedHost> RunToExitAsync(
        IDictionary<string, string> environment, string urls = "http://127.0.0.1:0", string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(Program).Assembly.Location, "--urls", urls })
        {
            start.ArgumentList.Add(argument);
        }

        SetEnvironment(start, environment);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"The host did not exit. Its console:\n{await output}\n{await error}");
        }

        return new ExitedHost(process.ExitCode, await output, await error);
    }

    /// <summary>Whatever the test runner was started with must not decide what the host reads.</summary>
    private static void SetEnvironment(ProcessStartInfo start, IDictionary<string, string> environment)
    {
        foreach (var inherited in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "Urls", "OTEL_EXPORTER_OTLP_ENDPOINT" })
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
    }

    private void OnLine(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
            _arrived.Writer.TryWrite(line);
        }
    }

    /// <summary>The first console line that matches, waiting for it: woken by each new line, bounded in time.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_lines.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                await _arrived.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("The host never said it. Its console:\n" + Output);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}

/// <summary>A host process that has exited: its exit code and what it wrote on each stream.</summary>
public sealed record ExitedHost(int ExitCode, string StandardOutput, string StandardError)
{
    public IReadOnlyList<string> ErrorLines =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit code {ExitCode}\n--- standard output\n{StandardOutput}\n--- standard error\n{StandardError}";
}
