using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.FileProviders;

namespace PaperBot.Knowledge.Configuration;

/// <summary>
/// Secrets come from environment variables or user-secrets, never from a settings file. At start the bot refuses to
/// run when one of these settings has a value in a JSON settings file anywhere but the user-secrets store.
/// </summary>
public static class SecretSettings
{
    /// <summary>Every setting that holds a secret.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "Slack:SigningSecret", "Slack:BotToken", "Slack:AppToken", "Teams:MicrosoftAppPassword", "MicrosoftAppPassword", "Llm:ApiKey", "Qdrant:ApiKey", "Storage:ConnectionString", "Storage:UserSalt",
        "Report:SigningKey", "Report:Token",
    ];

    /// <summary>
    /// One message per secret found in a settings file. A file is user-secrets by where it is (the per-user store,
    /// <c>~/.microsoft/usersecrets/&lt;id&gt;/secrets.json</c>, outside any repository), never by its name: an
    /// <c>appsettings.secrets.json</c> beside the program is a settings file like any other.
    /// </summary>
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

    /// <summary>The folder that holds every application's user-secrets folder.</summary>
    public static string UserSecretsRoot =>
        Path.GetDirectoryName(Path.GetDirectoryName(PathHelper.GetSecretsPathFromSecretsId("paperbot"))!)!;

    internal static bool IsUserSecrets(FileConfigurationProvider provider)
    {
        if (provider.Source.Path is not { } path || provider.Source.FileProvider is not PhysicalFileProvider files)
        {
            return false;
        }

        var full = Path.GetFullPath(Path.Combine(files.Root, path));
        var store = Path.GetFullPath(UserSecretsRoot);
        return string.Equals(Path.GetFileName(full), "secrets.json", StringComparison.Ordinal)
            && string.Equals(Path.GetDirectoryName(Path.GetDirectoryName(full)), store, StringComparison.Ordinal);
    }
}

/// <summary>The target of the start-up check that no secret sits in a settings file.</summary>
public sealed class SecretSettingsCheck;
