using Microsoft.IdentityModel.Protocols;

namespace PaperBot.Channels.Teams.Authentication;

/// <summary>
/// The signing keys of one issuer. <see cref="ConfigurationManager{T}"/> caches them and refreshes them every 12
/// hours, backing off when a fetch fails. On an unknown key id (the issuer rolled its keys) the current
/// <c>ConfigurationManager</c> refreshes in the background and would answer this request with the stale keys, so one
/// direct fetch is made, at most once per refresh interval, and the manager is asked to refresh as well.
/// </summary>
internal sealed class SigningKeySource(
    ConfigurationManager<SigningMetadata> manager,
    IConfigurationRetriever<SigningMetadata> retriever,
    IDocumentRetriever documents,
    TimeSpan refreshInterval,
    TimeSpan timeout)
{
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private SigningMetadata? _refreshed;
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    public string MetadataAddress => manager.MetadataAddress;

    public async Task<SigningMetadata> GetAsync(string? keyId, CancellationToken cancellationToken)
    {
        // Task.Run and WaitAsync bound the wait even if the manager blocks or another request's fetch is stuck.
        var current = await Task.Run(() => manager.GetConfigurationAsync(cancellationToken), cancellationToken)
            .WaitAsync(timeout + TimeSpan.FromSeconds(1), cancellationToken);
        if (current.HasKey(keyId))
        {
            return current;
        }

        // Keys fetched directly are trusted only for one refresh interval: a key the issuer has since withdrawn
        // must stop validating tokens once the manager's own copy is current again.
        if (_refreshed is { } known && known.HasKey(keyId) && DateTimeOffset.UtcNow - _refreshedAt < refreshInterval)
        {
            return known;
        }

        if (!await _refreshGate.WaitAsync(timeout, cancellationToken))
        {
            return current;
        }

        try
        {
            if (DateTimeOffset.UtcNow - _refreshedAt < refreshInterval)
            {
                return _refreshed ?? current;
            }

            _refreshedAt = DateTimeOffset.UtcNow;
            manager.RequestRefresh();
            _refreshed = await retriever.GetConfigurationAsync(manager.MetadataAddress, documents, cancellationToken)
                .WaitAsync(timeout + TimeSpan.FromSeconds(1), cancellationToken);
            return _refreshed;
        }
        finally
        {
            _refreshGate.Release();
        }
    }
}
