using System.Diagnostics;

[assembly: AssemblyFixture(typeof(PaperBot.Cli.Tests.CliRunner))]

namespace PaperBot.Cli.Tests;

/// <summary>Runs the real <c>paperbot</c> program in a child process with its own embedding cache folder.</summary>
public sealed class CliRunner : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "paperbot-cli-tests-" + Guid.NewGuid().ToString("N"));

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public async Task<Result> RunAsync(string[] args, string? standardInput = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "paperbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Knowledge__CachePath"] = _cache;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_cache, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
