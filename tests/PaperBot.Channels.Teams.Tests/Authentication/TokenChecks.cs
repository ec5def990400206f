using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaperBot.Channels.Teams.Authentication;
using PaperBot.Channels.Teams.Protocol;
using PaperBot.Channels.Teams.Tests.Support;

namespace PaperBot.Channels.Teams.Tests.Authentication;

/// <summary>What the token validator's tests share: a Teams activity, a validator for a metadata address, one check end to end.</summary>
internal static class TokenChecks
{
    public static readonly Activity TeamsActivity = new()
    {
        Type = "message",
        ChannelId = "msteams",
        ServiceUrl = SigningAuthority.ServiceUrl,
    };

    public static ChannelTokenValidator Validator(string botFrameworkMetadata, TimeSpan? timeout = null) => new(
        Options.Create(new TeamsOptions
        {
            MicrosoftAppId = SigningAuthority.AppId,
            MicrosoftAppPassword = "not-used",
            BotFrameworkOpenIdMetadataUrl = botFrameworkMetadata,
            EntraOpenIdMetadataUrl = botFrameworkMetadata,
            MetadataTimeout = timeout ?? TimeSpan.FromSeconds(3),
            MetadataRefreshInterval = TimeSpan.FromSeconds(1),
        }),
        NullLogger<ChannelTokenValidator>.Instance);

    /// <summary>Validates <paramref name="token"/> against a signing authority that publishes <paramref name="published"/>.</summary>
    public static async Task<TokenCheck> CheckAsync(TestKey published, string token, Activity? activity = null)
    {
        await using var authority = await SigningAuthority.StartAsync(published);
        using var validator = Validator(authority.MetadataUrl);
        return await validator.ValidateAsync("Bearer " + token, activity ?? TeamsActivity, TestContext.Current.CancellationToken);
    }
}

/// <summary>Algorithm names as constants usable in attributes.</summary>
internal static class SecurityAlgorithmsNames
{
    public const string Rs384 = "RS384";
    public const string Rs512 = "RS512";
}
