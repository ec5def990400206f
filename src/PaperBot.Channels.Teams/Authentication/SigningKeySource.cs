using Microsoft.IdentityModel.Protocols;

namespace PaperBot.Channels.Teams.Authentication;

/// <summary>
/// The signing keys of one issuer, fetched from its OpenID metadata and kept for 12 hours. On an unknown key id (the
/// issuer rolled its keys) they are fetched again, at most once per refresh interval. A dead or hung metadata server
/// costs little: one fetch is in flight at a time (every request waiting shares it, each for at most the timeout),
/// and a failed fetch is remembered for <c>failureMemory</c>, during which requests that need new keys are refused at
/// once instead of each waiting the timeout again. Keys fetched earlier keep working while a refresh fails.
/// </summary>
internal sealed class SigningKeySource(
    string metadataAddress,
    IConfigurationRetriever<SigningMetadata> retriever,
    IDocumentRetriever documents,
    TimeSpan refreshInterval,
    TimeSpan timeout,
    TimeSpan failureMemory,
    TimeProvider time)
{
    /// <summary>How long fetched keys are used before they are fetched again (Bot Framework SDKs use 12 hours).</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(12);

    private readonly Lock _lock = new();
    private SigningMetadata? _current;
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _unknownKeyRefreshAt = DateTimeOffset.MinValue;
    private DateTimeOffset _failedAt = DateTimeOffset.MinValue;
    private string _failure = "";
    private Task<SigningMetadata>? _inFlight;

    public string MetadataAddress => metadataAddress;

    /// <summary>How many fetches were started (for tests and diagnostics).</summary>
    public int Fetches { get; private set; }

    public async Task<SigningMetadata> GetAsync(string? keyId, CancellationToken cancellationToken)
    {
        SigningMetadata? current;
        bool fresh;
        lock (_lock)
        {
            current = _current;
            fresh = current is not null && time.GetUtcNow() - _fetchedAt < KeyLifetime;
            if (fresh && current!.HasKey(keyId))
            {
                return current;
            }

            if (fresh)
            {
                // A key id these keys do not know: fetch again, unless that was tried within the refresh interval.
                if (time.GetUtcNow() - _unknownKeyRefreshAt < refreshInterval)
                {
                    return current!;
                }

                _unknownKeyRefreshAt = time.GetUtcNow();
            }
        }

        try
        {
            return await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (current is not null && !cancellationToken.IsCancellationRequested)
        {
            return current; // the last good keys stand until a fetch succeeds
        }
    }

    private async Task<SigningMetadata> FetchAsync(CancellationToken cancellationToken)
    {
        Task<SigningMetadata> fetch;
        lock (_lock)
        {
            if (time.GetUtcNow() - _failedAt < failureMemory)
            {
                throw new SigningKeysUnavailableException($"the last fetch failed moments ago ({_failure})");
            }

            fetch = _inFlight ??= StartFetch();
        }

        return await fetch.WaitAsync(timeout + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
    }

    private Task<SigningMetadata> StartFetch()
    {
        Fetches++;

        // Its own deadline, not a caller's: one caller giving up must not fail the fetch the others are waiting on.
        return Task.Run(async () =>
        {
            try
            {
                using var deadline = new CancellationTokenSource(timeout);
                var metadata = await retriever.GetConfigurationAsync(metadataAddress, documents, deadline.Token).ConfigureAwait(false);
                lock (_lock)
                {
                    _current = metadata;
                    _fetchedAt = time.GetUtcNow();
                    _failedAt = DateTimeOffset.MinValue;
                    _inFlight = null;
                }

                return metadata;
            }
            catch (Exception ex)
            {
                lock (_lock)
                {
                    _failedAt = time.GetUtcNow();
                    _failure = ex.GetType().Name;
                    _inFlight = null;
                }

                throw;
            }
        });
    }
}

/// <summary>No signing keys could be had: the metadata server is down, hung, or failed moments ago.</summary>
internal sealed class SigningKeysUnavailableException(string message) : Exception(message);
