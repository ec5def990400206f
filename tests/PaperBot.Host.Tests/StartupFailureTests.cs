using System.Net;
using System.Net.Sockets;

namespace PaperBot.Host.Tests;

/// <summary>
/// The real host, started with something wrong, refuses in one line (on standard error, and logged at Critical) and
/// exits with <see cref="StartupRefusal.ExitCode"/>: never an unhandled exception with a stack trace. Every failure
/// but the busy port is found before the embedding model loads.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paperbot-startup-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Theory]
    [InlineData("Http__AskPermitsPerMinute", "-1", "Http:AskPermitsPerMinute must be between 0")] // read while the server is built
    [InlineData("Slack__ResponseUrlBase", "not-a-url", "Slack:ResponseUrlBase must be an absolute https URL")]
    [InlineData("Answering__RelevanceFloor", "5", "Answering:RelevanceFloor must be between -1 and 1")]
    [InlineData("Knowledge__Path", " ", "Knowledge:Path must name the readings folder")]
    public async Task Start_SettingFailsValidation_OneLineNamingTheSettingAndWhy(string variable, string value, string expected)
    {
        var run = await HostProcess.RunToExitAsync(Settings((variable, value)));

        var line = AssertRefused(run);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SeveralBadSettings_OneLineNamingEveryOne()
    {
        var run = await HostProcess.RunToExitAsync(Settings(("Answering__RelevanceFloor", "5"), ("Chunking__Mode", "sideways"), ("Conversations__TtlMinutes", "0")));

        var line = AssertRefused(run);
        Assert.Contains("Answering:RelevanceFloor", line, StringComparison.Ordinal);
        Assert.Contains("Chunking:Mode", line, StringComparison.Ordinal);
        Assert.Contains("Conversations:TtlMinutes", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PortAlreadyInUse_OneLineNamingTheAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

        var run = await HostProcess.RunToExitAsync(Settings(), urls: address);

        var line = AssertRefused(run);
        Assert.Contains(address, line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_CacheFolderUnderAFile_OneLineNamingTheFolderAndTheFile()
    {
        var file = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(file, "a file where a folder should be", TestContext.Current.CancellationToken);
        var cache = Path.Combine(file, "cache");

        var run = await HostProcess.RunToExitAsync(Settings(("Knowledge__CachePath", cache)));

        var line = AssertRefused(run);
        Assert.Contains($"the cache folder {cache} cannot be written ({file} is a file, not a folder)", line, StringComparison.Ordinal);
        Assert.Contains("Knowledge:CachePath", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_StoreFolderIsAFile_OneLineNamingTheStoreAndTheSetting()
    {
        var file = Path.Combine(_folder, "store-is-a-file");
        await File.WriteAllTextAsync(file, "a file where the store's folder should be", TestContext.Current.CancellationToken);

        var run = await HostProcess.RunToExitAsync(Settings(("Storage__Provider", "sqlite"), ("Storage__Path", file)));

        var line = AssertRefused(run);
        Assert.Contains("the sqlite store at", line, StringComparison.Ordinal);
        Assert.Contains("Storage:Path", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgresUnreachable_OneLineWithoutThePassword()
    {
        var connection = $"Host=127.0.0.1;Port={PaperBot.Testing.Loopback.LoopbackPorts.Closed()};Database=paperbot;Username=bot;Password=not-for-logs-77;Timeout=3";

        var run = await HostProcess.RunToExitAsync(Settings(("Storage__Provider", "postgres"), ("Storage__ConnectionString", connection)));

        var line = AssertRefused(run);
        Assert.Contains("the postgres store at postgres://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not-for-logs-77", run.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The test's own cache folder (never the developer's), then the settings under test.</summary>
    private Dictionary<string, string> Settings(params (string Variable, string Value)[] settings)
    {
        var environment = new Dictionary<string, string> { ["Knowledge__CachePath"] = Path.Combine(_folder, "cache") };
        foreach (var (variable, value) in settings)
        {
            environment[variable] = value;
        }

        return environment;
    }

    /// <summary>Exit code 1, one line on standard error, the same line logged at Critical, no stack trace anywhere.</summary>
    private static string AssertRefused(ExitedHost run)
    {
        Assert.True(run.ExitCode == StartupRefusal.ExitCode, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("PaperBot did not start: ", line, StringComparison.Ordinal);
        Assert.Contains("crit: PaperBot.Host.Startup[1000]", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(line, run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
        return line;
    }
}
