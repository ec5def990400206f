using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge.Chunking;

namespace PaperBot.Knowledge.Configuration;

/// <summary>Checks <c>Knowledge</c> at start, naming the setting that is wrong.</summary>
internal sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add("Knowledge:Path must name the readings folder.");
        }
        else if (options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add("Knowledge:Path must be a folder path.");
        }

        if (options.CachePath.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add("Knowledge:CachePath must be a folder path (or empty for the user's cache folder).");
        }

        if (options.WatchDebounceMs is < 50 or > 600_000)
        {
            failures.Add($"Knowledge:WatchDebounceMs must be between 50 and 600000 (it is {options.WatchDebounceMs}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Checks <c>Chunking</c> at start.</summary>
internal sealed class ChunkingOptionsValidator : IValidateOptions<ChunkingOptions>
{
    public ValidateOptionsResult Validate(string? name, ChunkingOptions options)
    {
        var failures = new List<string>();
        if (options.Mode is not ("window" or "paragraph"))
        {
            failures.Add("Chunking:Mode must be 'window' or 'paragraph'.");
        }

        if (options.WindowSentences is < 1 or > 12)
        {
            failures.Add("Chunking:WindowSentences must be between 1 and 12.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Checks <c>Retrieval</c> at start.</summary>
internal sealed class RetrievalOptionsValidator : IValidateOptions<RetrievalOptions>
{
    public ValidateOptionsResult Validate(string? name, RetrievalOptions options)
    {
        var failures = new List<string>();
        if (options.Store is not ("embedded" or "qdrant"))
        {
            failures.Add("Retrieval:Store must be 'embedded' or 'qdrant'.");
        }

        if (options.Top is < 1 or > 50)
        {
            failures.Add("Retrieval:Top must be between 1 and 50.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Stops the start when a secret sits in a settings file (it belongs in the environment or user-secrets).</summary>
internal sealed class SecretSettingsValidator(IConfiguration configuration) : IValidateOptions<SecretSettingsCheck>
{
    public ValidateOptionsResult Validate(string? name, SecretSettingsCheck options)
    {
        var found = SecretSettings.FoundInFiles(configuration);
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}
