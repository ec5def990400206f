using Microsoft.Extensions.Configuration;

namespace PaperBot.Knowledge.Configuration;

/// <summary>
/// The one configuration file, <c>appsettings.json</c> at the repository root (copied beside every program), with
/// environment variables (<c>Section__Key</c>) and then command-line switches overriding it.
/// </summary>
public static class PaperBotConfiguration
{
    public const string FileName = "appsettings.json";

    /// <summary>The settings file that ships beside the program.</summary>
    public static string DefaultFile => Path.Combine(AppContext.BaseDirectory, FileName);

    public static IConfigurationRoot Build(string[]? args = null)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(DefaultFile, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();
        if (args is { Length: > 0 })
        {
            builder.AddCommandLine(args);
        }

        return builder.Build();
    }
}
