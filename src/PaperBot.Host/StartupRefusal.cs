using System.Reflection;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Host;

/// <summary>
/// A host that cannot start says why in one line and exits with <see cref="ExitCode"/>, never with an unhandled
/// exception and its stack trace: the line is logged at Critical (without the exception object) and written to
/// standard error. Covers a secret in a settings file (before anything is built), a setting that fails validation,
/// nothing to read in the readings folder, a cache folder that cannot be written, and whatever stops the server from
/// starting (the address already in use, an invalid URL). A host a test runs in its own process
/// (WebApplicationFactory) gets the exception instead, as an in-process host always has: the checks are the same.
/// </summary>
internal static partial class StartupRefusal
{
    /// <summary>
    /// Every start-up failure exits with 1, the code a supervisor reads as "did not start" (an unhandled exception
    /// would abort with 134). The CLI's 3 belongs to its commands, where 1 means "declined".
    /// </summary>
    public const int ExitCode = 1;

    private const string Category = "PaperBot.Host.Startup";

    /// <summary>
    /// False when a test runs the host inside its own process (WebApplicationFactory): the test wants the exception,
    /// and ending with an exit code is not the host's to do there.
    /// </summary>
    private static bool IsTheProcess => Assembly.GetEntryAssembly() == typeof(StartupRefusal).Assembly;

    /// <summary>True (after saying why) when a secret sits in a settings file: checked before anything is built.</summary>
    public static bool RefusesToStart(this IConfiguration configuration)
    {
        var secrets = SecretSettings.FoundInFiles(configuration);
        if (secrets.Count == 0)
        {
            return false;
        }

        using var loggers = BootstrapLoggers(configuration);
        Refuse(loggers, string.Join(" ", secrets));
        return true;
    }

    /// <summary>
    /// Builds the host, or says why it cannot be built (a setting read while the server is built, such as an
    /// <c>Http</c> limit, fails validation there) and returns null.
    /// </summary>
    public static WebApplication? TryBuild(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StartupLogGate>();
        builder.Services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>>(sp => sp.GetRequiredService<StartupLogGate>());
        builder.Services.AddSingleton<IOptionsChangeTokenSource<LoggerFilterOptions>>(sp => sp.GetRequiredService<StartupLogGate>());
        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (IsTheProcess)
        {
            using var loggers = BootstrapLoggers(builder.Configuration);
            Refuse(loggers, Describe(ex));
            return null;
        }
    }

    /// <summary>
    /// Checks what can be checked before anything heavy loads (<see cref="StartupChecks"/>), starts the host and
    /// runs it until shutdown: 0 after a normal shutdown, <see cref="ExitCode"/> when it could not start.
    /// </summary>
    public static async Task<int> RunOrRefuseAsync(this WebApplication app)
    {
        await using (app)
        {
            var loggers = app.Services.GetRequiredService<ILoggerFactory>();
            try
            {
                StartupChecks.Run(app.Services);
            }
            catch (Exception ex) when (IsTheProcess)
            {
                Refuse(loggers, Describe(ex));
                return ExitCode;
            }

            var gate = app.Services.GetRequiredService<StartupLogGate>();
            if (IsTheProcess)
            {
                gate.Hold();
            }

            try
            {
                await app.StartAsync();
            }
            catch (Exception ex) when (IsTheProcess)
            {
                Refuse(loggers, Describe(ex));
                await StopQuietlyAsync(app);
                return ExitCode;
            }

            gate.Release();
            await app.WaitForShutdownAsync();
            return 0;
        }
    }

    /// <summary>The reason, in one line, that names what to fix.</summary>
    internal static string Describe(Exception exception) => OneLine(exception switch
    {
        // Each failure names its setting and the rule it breaks.
        OptionsValidationException invalid => string.Join(" ", invalid.Failures),
        AggregateException many => string.Join(" ", many.Flatten().InnerExceptions.Select(Describe)),
        NoReadingsException or StartupCheckException => exception.Message,
        IOException { InnerException: AddressInUseException } =>
            $"{exception.Message} Another program is listening there: stop it, or choose another address with Urls (or --urls).",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    });

    private static void Refuse(ILoggerFactory loggers, string reason)
    {
        LogRefused(loggers.CreateLogger(Category), reason);
        Console.Error.WriteLine($"PaperBot did not start: {reason}");
    }

    private static string OneLine(string text) =>
        string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// The services that did start are stopped (the index build in the background included) before the process
    /// ends. The gate stays held: the host's own report of a failed stop would carry a stack trace too.
    /// </summary>
    private static async Task StopQuietlyAsync(WebApplication app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await app.StopAsync(timeout.Token);
        }
        catch (Exception)
        {
            // The refusal is said; whatever stopping a half-started host throws adds nothing.
        }
    }

    /// <summary>Console logs as configured (the <c>Logging</c> section), for refusals made before the host exists.</summary>
    private static ILoggerFactory BootstrapLoggers(IConfiguration configuration) =>
        LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddConsole());

    [LoggerMessage(EventId = 1000, Level = LogLevel.Critical, Message = "PaperBot did not start: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
