namespace PaperBot.Knowledge.Configuration;

/// <summary>Where the readings are and where the embedding cache lives (<c>Knowledge</c> in appsettings.json).</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>The readings folder; relative paths are looked up from the working directory, then upwards from the program.</summary>
    public string Path { get; set; } = "knowledge";

    /// <summary>The embedding cache folder; empty means the user's cache folder (<c>~/.cache/paperbot</c>), outside the source tree.</summary>
    public string CachePath { get; set; } = string.Empty;

    public string ResolveKnowledgePath() => PathResolver.ResolveFolder(Path);

    public string ResolveCachePath()
    {
        if (!string.IsNullOrWhiteSpace(CachePath))
        {
            return System.IO.Path.GetFullPath(PathResolver.ExpandHome(CachePath));
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return System.IO.Path.Combine(root, "paperbot");
    }
}

/// <summary>Retrieval settings (<c>Retrieval</c>).</summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "Retrieval";

    /// <summary><c>embedded</c> (default) or <c>qdrant</c>.</summary>
    public string Store { get; set; } = "embedded";

    /// <summary>Hits returned by a search.</summary>
    public int Top { get; set; } = 5;
}

/// <summary>Finds folders named relative to the repository, wherever the program was started from.</summary>
public static class PathResolver
{
    public static string ExpandHome(string path) =>
        path.StartsWith('~') ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[1..].TrimStart('/', '\\')) : path;

    /// <summary>
    /// An absolute path is taken as it is. A relative one is tried against the working directory, then against each
    /// folder above the program's own (so <c>dotnet run</c> and <c>dotnet test</c> find the repository's folders).
    /// </summary>
    public static string ResolveFolder(string path)
    {
        path = ExpandHome(path);
        if (System.IO.Path.IsPathRooted(path))
        {
            return path;
        }

        var fromWorkingDirectory = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(fromWorkingDirectory))
        {
            return fromWorkingDirectory;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, path);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return fromWorkingDirectory;
    }

    /// <summary>A file named relative to the repository, found the same way.</summary>
    public static string ResolveFile(string path)
    {
        path = ExpandHome(path);
        if (System.IO.Path.IsPathRooted(path) || File.Exists(path))
        {
            return System.IO.Path.GetFullPath(path);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, path);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return System.IO.Path.GetFullPath(path);
    }
}
