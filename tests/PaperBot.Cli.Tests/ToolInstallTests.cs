using System.Diagnostics;

namespace PaperBot.Cli.Tests;

/// <summary>The CLI installed as a .NET tool the way the README says, and run as plain <c>paperbot</c>.</summary>
public sealed class ToolInstallTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("paperbot-tool-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string RepositoryRoot
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

            throw new InvalidOperationException("Bot.sln not found");
        }
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string file, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Knowledge__CachePath"] = Path.Combine(_work, "cache"); // never the developer's own cache
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task PackAndInstall_AsADotnetTool_RunsAsPaperbot()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var packages = Path.Combine(_work, "packages");
        var tools = Path.Combine(_work, "tools");
        // Only the package just made: nothing of that name is looked up anywhere else.
        var config = Path.Combine(_work, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>
            """, TestContext.Current.CancellationToken);

        var pack = await RunAsync("dotnet", RepositoryRoot, "pack", "src/PaperBot.Cli", "--no-build", "-c", configuration, "-o", packages);
        Assert.True(pack.ExitCode == 0, pack.Output);
        var install = await RunAsync("dotnet", RepositoryRoot, "tool", "install", "PaperBot.Cli", "--tool-path", tools, "--configfile", config);
        Assert.True(install.ExitCode == 0, install.Output);

        var sources = await RunAsync(Path.Combine(tools, OperatingSystem.IsWindows() ? "paperbot.exe" : "paperbot"), RepositoryRoot, "sources");

        Assert.True(sources.ExitCode == 0, sources.Output);
        Assert.Contains("russia-pakistan-paper", sources.Output, StringComparison.Ordinal);
    }
}
