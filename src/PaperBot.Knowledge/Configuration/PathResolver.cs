namespace PaperBot.Knowledge.Configuration;

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
