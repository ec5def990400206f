using Microsoft.Extensions.Options;

namespace PaperBot.Generation;

/// <summary>The language-model providers generative mode can talk to (<c>Llm:Provider</c>).</summary>
public static class LlmProviders
{
    /// <summary>No language model: every answer is extractive.</summary>
    public const string None = "none";

    /// <summary>OpenAI, or any server that speaks its chat-completions API (Ollama, vLLM, LM Studio) at <c>Llm:Endpoint</c>.</summary>
    public const string OpenAI = "openai";

    /// <summary>An Azure OpenAI resource; <c>Llm:Model</c> is the deployment name.</summary>
    public const string AzureOpenAI = "azure-openai";

    public static bool IsNone(string? provider) =>
        string.IsNullOrWhiteSpace(provider) || string.Equals(provider.Trim(), None, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Generative mode settings (<c>Llm</c> in appsettings.json; the key only from <c>Llm__ApiKey</c>).</summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    /// <summary>
    /// The similarity a sentence must reach with its best supporting sentence of the paper. Tuned on the dev split of
    /// the gold set (see docs/generative.md): the highest value that still keeps nine in ten of the short,
    /// answer-focused sentences a model writes.
    /// </summary>
    public const double DefaultMinSupportSimilarity = 0.86;

    /// <summary><c>none</c> (default), <c>openai</c> or <c>azure-openai</c>.</summary>
    public string Provider { get; set; } = LlmProviders.None;

    /// <summary>
    /// The server's base address. Empty for api.openai.com; <c>http://localhost:11434/v1</c> for Ollama; the resource
    /// address (<c>https://NAME.openai.azure.com/</c>) for Azure OpenAI. An OpenAI-compatible address with no path
    /// gets <c>/v1</c>.
    /// </summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>The model name (OpenAI, Ollama) or deployment name (Azure OpenAI).</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>The API key. Set it in the environment (<c>Llm__ApiKey</c>), never in a file; a local server may need none.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>How long one answer may take before the extractive answer is used instead.</summary>
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// The cosine similarity (0..1) between a model sentence and the best sentence of the passage it cites below which the
    /// sentence is removed as unsupported.
    /// </summary>
    public double MinSupportSimilarity { get; set; } = DefaultMinSupportSimilarity;

    /// <summary>
    /// After this many failed or timed-out calls (most of the recent ones), the model is skipped for
    /// <see cref="BreakSeconds"/> and answers are extractive at once.
    /// </summary>
    public int BreakAfterFailures { get; set; } = 3;

    /// <summary>How long the model is skipped once it has failed repeatedly; then one question probes it.</summary>
    public int BreakSeconds { get; set; } = 30;

    public bool Enabled => !LlmProviders.IsNone(Provider);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>The address the client calls, or null for api.openai.com.</summary>
    public Uri? ResolveEndpoint()
    {
        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            return null;
        }

        var uri = new Uri(Endpoint.Trim(), UriKind.Absolute);
        var isAzure = string.Equals(Provider.Trim(), LlmProviders.AzureOpenAI, StringComparison.OrdinalIgnoreCase);
        if (!isAzure && uri.AbsolutePath is "" or "/")
        {
            // OpenAI-compatible servers serve the API under /v1; people often paste the bare address.
            uri = new Uri(uri, "/v1");
        }

        return uri;
    }
}

/// <summary>Checks <see cref="LlmOptions"/> at start, each message naming the setting to fix.</summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var failures = new List<string>();
        var provider = options.Provider?.Trim().ToLowerInvariant();
        if (provider is not (LlmProviders.None or LlmProviders.OpenAI or LlmProviders.AzureOpenAI or "" or null))
        {
            failures.Add($"Llm:Provider must be 'none', 'openai' or 'azure-openai' (was '{options.Provider}').");
        }

        if (options.TimeoutSeconds is < 1 or > 300)
        {
            failures.Add($"Llm:TimeoutSeconds must be between 1 and 300 (was {options.TimeoutSeconds}).");
        }

        if (options.BreakAfterFailures is < 2 or > 100)
        {
            failures.Add($"Llm:BreakAfterFailures must be between 2 and 100 (was {options.BreakAfterFailures}).");
        }

        if (options.BreakSeconds is < 1 or > 3600)
        {
            failures.Add($"Llm:BreakSeconds must be between 1 and 3600 (was {options.BreakSeconds}).");
        }

        if (double.IsNaN(options.MinSupportSimilarity) || options.MinSupportSimilarity is < 0 or > 1)
        {
            failures.Add($"Llm:MinSupportSimilarity must be between 0 and 1 (was {options.MinSupportSimilarity}).");
        }

        var known = provider is LlmProviders.OpenAI or LlmProviders.AzureOpenAI;
        if (!options.Enabled || !known)
        {
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add(provider == LlmProviders.AzureOpenAI
                ? "Llm:Model must name the Azure OpenAI deployment when Llm:Provider is 'azure-openai'."
                : "Llm:Model must name the model (e.g. gpt-4o-mini, llama3.1) when Llm:Provider is 'openai'.");
        }

        var hasEndpoint = !string.IsNullOrWhiteSpace(options.Endpoint);
        if (hasEndpoint && (!Uri.TryCreate(options.Endpoint.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            failures.Add($"Llm:Endpoint must be an absolute http(s) address (was '{options.Endpoint}').");
        }

        if (provider == LlmProviders.AzureOpenAI)
        {
            if (!hasEndpoint)
            {
                failures.Add("Llm:Endpoint must be the Azure OpenAI resource address (https://NAME.openai.azure.com/) when Llm:Provider is 'azure-openai'.");
            }

            if (string.IsNullOrWhiteSpace(options.ApiKey))
            {
                failures.Add("Llm:ApiKey must be set (environment variable Llm__ApiKey) when Llm:Provider is 'azure-openai'.");
            }
        }
        else if (!hasEndpoint && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("Llm:ApiKey must be set (environment variable Llm__ApiKey) to use api.openai.com; set Llm:Endpoint for a local server that needs no key.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
