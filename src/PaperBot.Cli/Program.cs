using PaperBot.Cli;
using PaperBot.Cli.Commands;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Storage;

// paperbot <command> [options]: every command reads the root appsettings.json and environment variables.
// Exit codes, the same for every command: see ExitCodes (0 answered, 1 declined, 2 bad usage, 3 could not run).
const string Usage = "usage: paperbot <ask|index|search|sections|summary|timeline|glossary|define|quiz|sources|report|eval|bench|forget> [options]  (paperbot help for details)";

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return ExitCodes.Usage;
}

var command = args[0];
var rest = args[1..];
try
{
    return command switch
    {
        "ask" => await AskCommand.RunAsync(rest),
        "index" => await IndexCommand.RunAsync(rest),
        "search" => await SearchCommand.RunAsync(rest),
        "sections" => await SectionsCommand.RunAsync(rest),
        "eval" => await EvalCommand.RunAsync(rest),
        "calibrate" => await CalibrateCommand.RunAsync(rest),
        "summary" or "timeline" or "glossary" or "define" or "quiz" or "sources" => await StudyCommand.RunAsync(command, rest),
        "report" => await ReportCommand.RunAsync(rest),
        "bench" => await BenchCommand.RunAsync(rest),
        "forget" => await ForgetCommand.RunAsync(rest),
        "help" or "--help" or "-h" => Help.Print(),
        _ => throw new UsageException($"unknown command '{command}'"),
    };
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"paperbot: {ex.Message}. {Usage}");
    return ExitCodes.Usage;
}
catch (NoReadingsException ex)
{
    Console.Error.WriteLine($"paperbot: {ex.Message}");
    return ExitCodes.CannotRun;
}
catch (Exception ex) when (ex is StoreOpenException or StoreUnavailableException)
{
    Console.Error.WriteLine($"paperbot: {ex.Message}");
    return ExitCodes.CannotRun;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("paperbot: cancelled");
    return ExitCodes.Cancelled;
}
catch (Exception ex)
{
    // No stack traces for users: one line that says what failed.
    Console.Error.WriteLine($"paperbot: {command} failed: {ex.GetType().Name}: {ex.Message}");
    return ExitCodes.CannotRun;
}
