using Microsoft.Extensions.Configuration;

namespace PaperBot.Knowledge.Configuration;

/// <summary>
/// The one configuration file, <c>appsettings.json</c> at the repository root (copied beside every program), then
/// user-secrets in the Development environment, then environment variables (<c>Section__Key</c>), then command-line
/// switches: the order ASP.NET Core gives the host, so the CLI and the host read the same settings.
/// </summary>
public static class PaperBotConfiguration
{
    public const string FileName = "appsettings.json";

    /// <summary>
    /// The user-secrets store the host and the CLI share (<c>dotnet user-secrets set … --project src/PaperBot.Host</c>).
    /// It is read only in the Development environment, which <c>dotnet run</c> selects through each program's launch profile.
    /// </summary>
    public const string UserSecretsId = "paperbot-host";

    /// <summary>The settings file that ships beside the program.</summary>
    public static string DefaultFile => Path.Combine(AppContext.BaseDirectory, FileName);

    /// <summary><c>DOTNET_ENVIRONMENT</c> (or <c>ASPNETCORE_ENVIRONMENT</c>) is <c>Development</c>.</summary>
    public static bool IsDevelopment =>
        string.Equals(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"), "Development", StringComparison.OrdinalIgnoreCase);

    public static IConfigurationRoot Build(string[]? args = null)
    {
        var builder = new ConfigurationBuilder().AddJsonFile(DefaultFile, optional: true, reloadOnChange: false);
        if (IsDevelopment)
        {
            builder.AddUserSecrets(UserSecretsId, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables();
        if (args is { Length: > 0 })
        {
            builder.AddCommandLine(args);
        }

        return builder.Build();
    }
}
