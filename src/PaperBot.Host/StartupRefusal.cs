using Microsoft.Extensions.Options;
using PaperBot.Knowledge.Configuration;

namespace PaperBot.Host;

/// <summary>
/// Runs the host, or refuses to: a secret in a settings file, or a setting that fails validation, is one line on
/// standard error and exit code 1, not an unhandled exception with a stack trace.
/// </summary>
internal static class StartupRefusal
{
    public const int ExitCode = 1;

    public static int RunOrRefuse(this WebApplication app)
    {
        // Checked before anything starts, so nothing else is logged first.
        var secrets = SecretSettings.FoundInFiles(app.Configuration);
        if (secrets.Count > 0)
        {
            return Refuse(secrets);
        }

        try
        {
            app.Run();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            return Refuse(ex.Failures);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return Refuse([.. ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)]);
        }
    }

    private static int Refuse(IEnumerable<string> problems)
    {
        Console.Error.WriteLine("PaperBot did not start: " + string.Join(" ", problems));
        return ExitCode;
    }
}
