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
    public void Start_SecretInASettingsFile_RefusesNamingTheSetting(string section, string key)
    {
        var json = new Dictionary<string, Dictionary<string, string>> { [section] = new() { [key] = "not-a-real-secret-value" } };
        File.WriteAllText(_file, System.Text.Json.JsonSerializer.Serialize(json));
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddJsonFile(_file)));

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = failure as OptionsValidationException ?? failure.InnerException as OptionsValidationException
            ?? Assert.IsType<OptionsValidationException>(failure.GetBaseException());
        Assert.Contains(validation.Failures, f => f.Contains($"{section}:{key}", StringComparison.Ordinal) && f.Contains($"{section}__{key}", StringComparison.Ordinal));
    }
}
