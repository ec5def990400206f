using Microsoft.Extensions.Options;

namespace PaperBot.Storage;

/// <summary>Where PaperBot keeps what a study group leaves behind (<c>Storage</c> in appsettings.json).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string Memory = "memory";

    /// <summary>
    /// <c>sqlite</c> (default: one file, one replica), <c>postgres</c> (several replicas sharing state) or
    /// <c>memory</c> (nothing kept past the process; for trials and tests).
    /// </summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The folder of the SQLite database and its salt file; default the user's data folder (<c>~/.local/share/paperbot</c>).</summary>
    public string? Path { get; set; }

    /// <summary>The PostgreSQL connection string: a secret, from the environment (<c>Storage__ConnectionString</c>) or user-secrets.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The salt of the user keys: a secret, from the environment (<c>Storage__UserSalt</c>, at least 16 characters).
    /// Absent: generated once and kept beside the database (a file beside the SQLite database; a row of PostgreSQL's).
    /// </summary>
    public string? UserSalt { get; set; }

    /// <summary>Questions and feedback older than this are deleted.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>A quiz can be revealed for this long after it was asked.</summary>
    public int QuizDays { get; set; } = 7;

    /// <summary>How long one database call may take before it counts as a failure.</summary>
    public double TimeoutSeconds { get; set; } = 3;

    /// <summary>How long the store is left alone after it failed, before it is tried again.</summary>
    public double RetrySeconds { get; set; } = 30;

    public string ResolvePath() =>
        string.IsNullOrWhiteSpace(Path)
            ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "paperbot")
            : System.IO.Path.GetFullPath(Environment.ExpandEnvironmentVariables(Path.StartsWith("~/", StringComparison.Ordinal)
                ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), Path[2..])
                : Path));

    public string DatabaseFile => System.IO.Path.Combine(ResolvePath(), "paperbot.db");
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions o)
    {
        var failures = new List<string>();
        if (o.Provider is not (StorageOptions.Sqlite or StorageOptions.Postgres or StorageOptions.Memory))
        {
            failures.Add($"Storage:Provider is '{o.Provider}'; use sqlite, postgres or memory.");
        }

        if (o.Provider == StorageOptions.Postgres && string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            failures.Add("Storage:Provider is postgres but Storage:ConnectionString is not set; set it in the environment (Storage__ConnectionString).");
        }

        if (o.UserSalt is { } salt && salt.Trim().Length < 16)
        {
            failures.Add("Storage:UserSalt must be at least 16 characters.");
        }

        if (o.RetentionDays is < 1 or > 3650)
        {
            failures.Add($"Storage:RetentionDays is {o.RetentionDays}; use 1 to 3650.");
        }

        if (o.QuizDays is < 1 or > 365)
        {
            failures.Add($"Storage:QuizDays is {o.QuizDays}; use 1 to 365.");
        }

        if (o.TimeoutSeconds is <= 0 or > 60 || double.IsNaN(o.TimeoutSeconds))
        {
            failures.Add($"Storage:TimeoutSeconds is {o.TimeoutSeconds}; use more than 0 and at most 60.");
        }

        if (o.RetrySeconds is < 1 or > 3600 || double.IsNaN(o.RetrySeconds))
        {
            failures.Add($"Storage:RetrySeconds is {o.RetrySeconds}; use 1 to 3600.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
