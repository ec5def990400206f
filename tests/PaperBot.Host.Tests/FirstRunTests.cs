using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PaperBot.Host.Tests;

/// <summary>The host as a developer first starts it: <c>dotnet run --project src/PaperBot.Host</c> from the repository root.</summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("paperbot-first-run-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task DotnetRun_FromTheRepositoryRoot_ReadsTheRootSettingsFileAndUserSecrets()
    {
        // User-secrets live under APPDATA when it is set (HOME otherwise): a folder of the test's own, never the developer's.
        var secrets = Path.Combine(_home, "Microsoft", "UserSecrets", "paperbot-host", "secrets.json");
        Directory.CreateDirectory(Path.GetDirectoryName(secrets)!);
        await File.WriteAllTextAsync(secrets, """{ "Slack:SigningSecret": "test-signing-secret-not-real" }""", TestContext.Current.CancellationToken);
        var rootSettings = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(HostProcess.RepositoryRoot, "appsettings.json"), TestContext.Current.CancellationToken));
        Assert.Equal("Warning", rootSettings.RootElement.GetProperty("Logging").GetProperty("LogLevel").GetProperty("Microsoft.AspNetCore").GetString());

        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["APPDATA"] = _home,
            ["Knowledge__CachePath"] = Path.Combine(_home, "cache"),
        });
        using var client = new HttpClient { BaseAddress = host.Address };

        // The launch profile makes `dotnet run` a development run, which reads user-secrets: Slack is configured.
        await host.WaitForLineAsync(line => line.Contains("Hosting environment: Development", StringComparison.Ordinal));
        using var unsigned = await client.PostAsync("/slack/commands", new StringContent("command=%2Fpaper&text=help", Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);

        // The root file's Logging section holds Microsoft.AspNetCore at Warning: no "Request starting" line is written
        // before the answer's own log line (the console writes its lines in order).
        using var asked = await client.PostAsJsonAsync("/api/ask", new { question = "help" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var answerLine = await host.WaitForLineAsync(line => line.Contains("PaperBot.Answering.AnswerService", StringComparison.Ordinal));
        var before = host.Lines.TakeWhile(line => !ReferenceEquals(line, answerLine)).ToList();
        Assert.DoesNotContain(before, line => line.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal));
    }
}
