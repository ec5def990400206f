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

        var run = await HostProcess.RunToExitAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "secrets" }, workingDirectory: _folder);

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("Slack:BotToken", line, StringComparison.Ordinal);
        Assert.Contains("Slack__BotToken", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-token-value", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
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
