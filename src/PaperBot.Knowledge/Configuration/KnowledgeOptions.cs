namespace PaperBot.Knowledge.Configuration;

/// <summary>Where the readings are and where the embedding cache lives (<c>Knowledge</c> in appsettings.json).</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>The readings folder; relative paths are looked up from the working directory, then upwards from the program.</summary>
    public string Path { get; set; } = "knowledge";

    /// <summary>The embedding cache folder; empty means the user's cache folder (<c>~/.cache/paperbot</c>), outside the source tree.</summary>
    public string CachePath { get; set; } = string.Empty;

    /// <summary>
    /// Whether a running host picks up readings added to, changed in or removed from the folder, without a restart.
    /// </summary>
    public bool Watch { get; set; } = true;

    /// <summary>
    /// How long the folder must be quiet before a change is read (a copy of a large PDF raises many events), in
    /// milliseconds.
    /// </summary>
    public int WatchDebounceMs { get; set; } = 1500;

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
