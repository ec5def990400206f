using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace PaperBot.Channels.Teams.Connector;

/// <summary>
/// Client-credentials tokens from Entra ID (MultiTenant: tenant <c>botframework.com</c>; SingleTenant: the bot's
/// tenant) or a user-assigned managed identity. MSAL caches and renews the token itself.
/// </summary>
internal sealed class MsalConnectorTokenProvider(IOptions<TeamsOptions> options) : IConnectorTokenProvider
{
    private const string Scope = "https://api.botframework.com/.default";
    private const string Resource = "https://api.botframework.com";

    private readonly Lazy<Func<CancellationToken, Task<string>>> _acquire = new(() => Build(options.Value));

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        options.Value.HasAppId ? await _acquire.Value(cancellationToken) : null;

    private static Func<CancellationToken, Task<string>> Build(TeamsOptions options)
    {
        var appId = options.MicrosoftAppId!;
        if (string.Equals(options.MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase))
        {
            var identity = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(appId)).Build();
            return async ct => (await identity.AcquireTokenForManagedIdentity(Resource).ExecuteAsync(ct)).AccessToken;
        }

        var tenant = string.Equals(options.MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase)
            ? options.MicrosoftAppTenantId!
            : "botframework.com";
        var app = ConfidentialClientApplicationBuilder.Create(appId)
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithAuthority($"https://login.microsoftonline.com/{tenant}")
            .Build();
        return async ct => (await app.AcquireTokenForClient([Scope]).ExecuteAsync(ct)).AccessToken;
    }
}
