using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using PaperBot.Knowledge.Configuration;

namespace PaperBot.Host.Tests;

/// <summary>A settings file is user-secrets by where it lives, not by its name; a secret anywhere else stops the host with one line.</summary>
public sealed class SecretLocationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paperbot-secret-location-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Start_EnvironmentNamedSecretsWithASecretInItsSettingsFile_OneLineAndExitCode1()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "appsettings.secrets.json"), """{"Slack": {"BotToken": "not-a-real-token-value"}}""", TestContext.Current.CancellationToken);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "secrets";

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(1, process.ExitCode);
        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.Contains("Slack:BotToken", line, StringComparison.Ordinal);
        Assert.Contains("Slack__BotToken", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-token-value", line + await output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await output, StringComparison.Ordinal);
    }

    [Fact]
    public void FoundInFiles_SecretsJsonOutsideTheUserSecretsStore_Found()
    {
        var file = Path.Combine(_folder, "secrets.json");
        File.WriteAllText(file, """{"Llm": {"ApiKey": "not-a-real-key"}}""");

        var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();

        Assert.Single(SecretSettings.FoundInFiles(configuration), f => f.StartsWith("Llm:ApiKey", StringComparison.Ordinal));
    }

    [Fact]
    public void FoundInFiles_TheUserSecretsStore_Allowed()
    {
        var id = "paperbot-test-" + Guid.NewGuid().ToString("N");
        var file = Path.Combine(SecretSettings.UserSecretsRoot, id, "secrets.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            File.WriteAllText(file, """{"Llm": {"ApiKey": "not-a-real-key"}}""");

            var configuration = new ConfigurationBuilder().AddUserSecrets(id).Build();

            Assert.Empty(SecretSettings.FoundInFiles(configuration));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
