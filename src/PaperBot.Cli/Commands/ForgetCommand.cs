using Microsoft.Extensions.DependencyInjection;
using PaperBot.Storage;

namespace PaperBot.Cli.Commands;

/// <summary>
/// <c>paperbot forget --user &lt;platform id&gt;</c>: deletes, on request, every question and vote of one user from
/// the store the host uses (the user is found by the salted key of the id; the id itself was never stored).
/// </summary>
internal static class ForgetCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = CliArguments.Parse(args, [], ["--user"]);
        if (parsed.Value("--user") is not { Length: > 0 } user || string.IsNullOrWhiteSpace(user))
        {
            throw new UsageException("forget needs --user <platform id> (a Slack user id such as U012ABCDEF, or a Teams user's Entra object id)");
        }

        using var services = CliServices.Create([], withStore: true);
        if (services.GetService<StoreMaintenance>() is not { } maintenance || StorageServiceCollectionExtensions.IsMemory(services))
        {
            Console.Error.WriteLine("paperbot: Storage:Provider is memory, so nothing is kept and there is nothing to forget");
            return ExitCodes.CannotRun;
        }

        try
        {
            var removed = await maintenance.ForgetUserAsync(user.Trim());
            Console.WriteLine($"Removed {removed.Questions} question(s) and {removed.Feedback} vote(s) of that user from {services.GetRequiredService<StoreDatabase>().Describe()}.");
            return ExitCodes.Answered;
        }
        catch (StoreOpenException ex)
        {
            Console.Error.WriteLine($"paperbot: {ex.Message}");
            return ExitCodes.CannotRun;
        }
    }
}
