using Microsoft.Extensions.Configuration;

namespace PaperBot.Knowledge.Configuration;

/// <summary>
/// Secrets come from environment variables or user-secrets, never from a committed settings file. At start the bot
/// refuses to run when one of these settings has a value in a JSON settings file.
/// </summary>
public static class SecretSettings
{
    /// <summary>Every setting that holds a secret.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "Slack:SigningSecret", "Slack:BotToken", "Slack:AppToken", "Teams:MicrosoftAppPassword", "MicrosoftAppPassword", "Llm:ApiKey", "Qdrant:ApiKey",
    ];

    /// <summary>One message per secret found in a settings file (user-secrets, which live outside the repository, are allowed).</summary>
    public static IReadOnlyList<string> FoundInFiles(IConfiguration configuration)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return [];
        }

        return Keys
            .Where(key => root.Providers.OfType<FileConfigurationProvider>()
                .Any(p => !IsUserSecrets(p) && p.TryGet(key, out var value) && !string.IsNullOrEmpty(value)))
            .Select(key => $"{key} must come from the environment ({key.Replace(":", "__", StringComparison.Ordinal)}) or user-secrets, not from a settings file.")
            .ToList();
    }

    private static bool IsUserSecrets(FileConfigurationProvider provider) =>
        provider.Source.Path?.EndsWith("secrets.json", StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>The target of the start-up check that no secret sits in a settings file.</summary>
public sealed class SecretSettingsCheck;
