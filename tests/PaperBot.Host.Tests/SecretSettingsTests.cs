using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PaperBot.Host.Tests;

public sealed class SecretSettingsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"paperbot-secrets-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    [Theory]
    [InlineData("Slack", "BotToken")]
    [InlineData("Teams", "MicrosoftAppPassword")]
    [InlineData("Llm", "ApiKey")]
    [InlineData("", "MicrosoftAppPassword")]
    public void Start_SecretInASettingsFile_RefusesNamingTheSetting(string section, string key)
    {
        object json = section.Length == 0
            ? new Dictionary<string, string> { [key] = "not-a-real-secret-value" }
            : new Dictionary<string, Dictionary<string, string>> { [section] = new() { [key] = "not-a-real-secret-value" } };
        File.WriteAllText(_file, System.Text.Json.JsonSerializer.Serialize(json));
        // A host that fails at start disposes itself at once, and WebApplicationFactory sometimes reports that
        // disposal instead of the failure: only then is a new factory asked again.
        Exception? failure = null;
        for (var attempt = 0; attempt < 5 && failure is null or ObjectDisposedException; attempt++)
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
                builder.ConfigureAppConfiguration((_, configuration) => configuration.AddJsonFile(_file)));
            failure = Record.Exception(() => factory.CreateClient());
        }

        Assert.NotNull(failure);

        var validation = failure as OptionsValidationException ?? failure.InnerException as OptionsValidationException
            ?? Assert.IsType<OptionsValidationException>(failure.GetBaseException());
        var setting = section.Length == 0 ? key : $"{section}:{key}";
        var variable = section.Length == 0 ? key : $"{section}__{key}";
        Assert.Contains(validation.Failures, f => f.StartsWith(setting, StringComparison.Ordinal) && f.Contains($"({variable})", StringComparison.Ordinal));
    }
}
