using PaperBot.Knowledge.Configuration;

namespace PaperBot.Host;

/// <summary>
/// Refuses to start, before anything is built or logged, when a secret sits in a settings file: one line on standard
/// error and exit code 1, not an unhandled exception with a stack trace. (The options check at start still guards
/// configuration added later, such as a test's.)
/// </summary>
internal static class StartupRefusal
{
    public const int ExitCode = 1;

    /// <summary>True (after saying why on standard error) when the host must not start.</summary>
    public static bool RefusesToStart(this IConfiguration configuration)
    {
        var secrets = SecretSettings.FoundInFiles(configuration);
        if (secrets.Count == 0)
        {
            return false;
        }

        Console.Error.WriteLine("PaperBot did not start: " + string.Join(" ", secrets));
        return true;
    }
}
