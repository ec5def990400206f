using Microsoft.Extensions.Options;
using PaperBot.Knowledge.Configuration;
using PaperBot.Storage;

namespace PaperBot.Host;

/// <summary>
/// What the host checks once it is built and before it starts, so a mistake is named before the hosted services and
/// the embedding model load: every setting validated at start (all of them together, so one run names every bad
/// setting), then a cache folder it can write. A readings folder with nothing to read is no start-up failure: the
/// host runs unready (503 from <c>/healthz/ready</c>, naming the folder and why) until there is something to read.
/// </summary>
internal static class StartupChecks
{
    /// <exception cref="OptionsValidationException">One setting fails validation (<see cref="AggregateException"/> for several).</exception>
    /// <exception cref="StartupCheckException">The cache folder cannot be written, or the store cannot be opened or migrated.</exception>
    public static void Run(IServiceProvider services)
    {
        services.GetService<IStartupValidator>()?.Validate();

        var knowledge = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
        EnsureWritable(knowledge.ResolveCachePath());
        OpenStore(services);
    }

    /// <summary>The store is created and migrated before anything answers: one that cannot be is named in one line.</summary>
    private static void OpenStore(IServiceProvider services)
    {
        if (services.GetService<StoreDatabase>() is not { } database || StorageServiceCollectionExtensions.IsMemory(services))
        {
            return;
        }

        try
        {
            database.Open();
        }
        catch (StoreOpenException ex)
        {
            throw new StartupCheckException(ex.Message, ex);
        }
    }

    /// <summary>
    /// The model copy and the embeddings are written there. Without it every start would embed the readings again and
    /// hold the whole model in memory, quietly: better to say so at once.
    /// </summary>
    private static void EnsureWritable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = FileInTheWay(folder) is { } file ? $"{file} is a file, not a folder" : ex.Message;
            throw new StartupCheckException(
                $"the cache folder {folder} cannot be written ({reason}); point Knowledge:CachePath at a folder this process can write",
                ex);
        }
    }

    /// <summary>The folder or one above it that is a file: the system's own message ("could not find a part of the path") hides it.</summary>
    private static string? FileInTheWay(string folder)
    {
        for (var path = folder; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}

/// <summary>A start-up check failed; the message is the one line to show.</summary>
internal sealed class StartupCheckException(string message, Exception inner) : Exception(message, inner);
