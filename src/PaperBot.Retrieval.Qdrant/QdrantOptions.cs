using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge.Configuration;

namespace PaperBot.Retrieval.Qdrant;

/// <summary>
/// Where Qdrant is and how long to wait for it (<c>Qdrant</c> in appsettings.json). Read only when
/// <c>Retrieval:Store</c> is <c>qdrant</c>. The API key comes from the environment (<c>Qdrant__ApiKey</c>), never a file.
/// </summary>
public sealed class QdrantOptions
{
    public const string SectionName = "Qdrant";

    /// <summary>The gRPC endpoint, e.g. <c>http://localhost:6334</c> (6333 is the REST port, not this one).</summary>
    public string Endpoint { get; set; } = "http://localhost:6334";

    /// <summary>Sent as the <c>api-key</c> header when set. Environment only.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The collection that holds the chunks; created when missing, never rebuilt.</summary>
    public string Collection { get; set; } = "paperbot";

    /// <summary>How long <c>/healthz</c> waits for Qdrant.</summary>
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a search or a read of the index state may take before the store counts as unavailable.</summary>
    public TimeSpan SearchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one write (collection set-up, a delete, one upsert batch) may take.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Shards of a collection this store creates (a cluster's setting; empty: the server's default, 1).</summary>
    public uint? ShardNumber { get; set; }

    /// <summary>Copies of each shard in a cluster (empty: the server's default, 1).</summary>
    public uint? ReplicationFactor { get; set; }

    /// <summary>Replicas that must confirm a write before it counts (empty: the server's default, 1).</summary>
    public uint? WriteConsistencyFactor { get; set; }

    /// <summary>Points per upsert call.</summary>
    public int UpsertBatchSize { get; set; } = 64;

    internal Uri EndpointUri => new(Endpoint, UriKind.Absolute);
}

/// <summary>Checks the Qdrant settings at start, when Qdrant is the store; each message names the setting.</summary>
internal sealed class QdrantOptionsValidator(IOptions<RetrievalOptions> retrieval, IConfiguration configuration) : IValidateOptions<QdrantOptions>
{
    public ValidateOptionsResult Validate(string? name, QdrantOptions options)
    {
        if (retrieval.Value.Store != RetrievalStores.Qdrant)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            failures.Add($"Qdrant:Endpoint must be an absolute http:// or https:// URL of Qdrant's gRPC port, e.g. http://localhost:6334 (got '{options.Endpoint}').");
        }
        else if (endpoint.Port == 6333)
        {
            failures.Add("Qdrant:Endpoint points at port 6333, Qdrant's REST port; PaperBot speaks gRPC, on port 6334 by default.");
        }

        if (string.IsNullOrWhiteSpace(options.Collection) || options.Collection.Length > 255 || options.Collection.Any(c => c is '/' or '\\' or '\0' or ' '))
        {
            failures.Add("Qdrant:Collection must be a non-empty name of at most 255 characters without spaces or slashes.");
        }

        if (options.HealthTimeout <= TimeSpan.Zero || options.SearchTimeout <= TimeSpan.Zero || options.WriteTimeout <= TimeSpan.Zero)
        {
            failures.Add("Qdrant:HealthTimeout, Qdrant:SearchTimeout and Qdrant:WriteTimeout must be positive durations (e.g. 00:00:05).");
        }

        if (options.ShardNumber == 0 || options.ReplicationFactor == 0 || options.WriteConsistencyFactor == 0)
        {
            failures.Add("Qdrant:ShardNumber, Qdrant:ReplicationFactor and Qdrant:WriteConsistencyFactor must be at least 1 when set.");
        }
        else if (options.WriteConsistencyFactor > (options.ReplicationFactor ?? 1))
        {
            failures.Add("Qdrant:WriteConsistencyFactor cannot exceed Qdrant:ReplicationFactor: a write would wait for replicas that do not exist.");
        }

        if (options.UpsertBatchSize is < 1 or > 1000)
        {
            failures.Add("Qdrant:UpsertBatchSize must be between 1 and 1000.");
        }

        if (ApiKeyComesFromAFile())
        {
            failures.Add("Qdrant:ApiKey must come from the environment (Qdrant__ApiKey), not from a settings file.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private bool ApiKeyComesFromAFile() =>
        configuration is IConfigurationRoot root
        && root.Providers.OfType<FileConfigurationProvider>().Any(p => p.TryGet("Qdrant:ApiKey", out var value) && !string.IsNullOrEmpty(value));
}

/// <summary>The values of <c>Retrieval:Store</c>.</summary>
public static class RetrievalStores
{
    public const string Embedded = "embedded";
    public const string Qdrant = "qdrant";
}
