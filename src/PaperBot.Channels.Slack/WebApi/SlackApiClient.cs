using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using PaperBot.Channels.Slack.Rendering;

namespace PaperBot.Channels.Slack.WebApi;

/// <summary>What a Web API call came to: <c>ok</c>, Slack's error code when not, and the body for the caller to read.</summary>
internal sealed record SlackApiResult(bool Ok, string? Error, JsonElement Body)
{
    public static SlackApiResult Failed(string error) => new(false, error, default);
}

/// <summary>The bot's own ids, from <c>auth.test</c>.</summary>
internal sealed record SlackAuthIdentity(string UserId, string? BotId);

/// <summary>
/// Slack's Web API over HTTP: <c>POST {ApiBaseUrl}{method}</c>, JSON body, bearer token per request (never a default
/// header, so a token can never travel to a <c>response_url</c>). Transient failures and 429 (with Retry-After) are
/// retried by the resilience handler registered with the HTTP client; <c>ok:false</c> is logged with Slack's error code.
/// </summary>
internal sealed class SlackApiClient(IHttpClientFactory httpClients, IOptionsMonitor<SlackOptions> options, ILogger<SlackApiClient> logger)
{
    public const string HttpClientName = "PaperBot.Slack";

    public async Task<SlackAuthIdentity?> AuthTestAsync(CancellationToken cancellationToken)
    {
        var result = await CallAsync("auth.test", options.CurrentValue.BotToken, new JsonObject(), cancellationToken);
        var userId = result.Ok ? result.Body.GetStringOrNull("user_id") : null;
        return userId is null ? null : new SlackAuthIdentity(userId, result.Body.GetStringOrNull("bot_id"));
    }

    public Task<SlackApiResult> PostMessageAsync(string channel, string? threadTs, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = message.ToJson();
        body["channel"] = channel;
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        return CallAsync("chat.postMessage", options.CurrentValue.BotToken, body, cancellationToken);
    }

    public Task<SlackApiResult> PostEphemeralAsync(string channel, string user, string? threadTs, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = message.ToJson();
        body["channel"] = channel;
        body["user"] = user;
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        return CallAsync("chat.postEphemeral", options.CurrentValue.BotToken, body, cancellationToken);
    }

    /// <summary>Socket Mode: a fresh WebSocket URL, authorised by the app-level token.</summary>
    public async Task<Uri?> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var result = await CallAsync("apps.connections.open", options.CurrentValue.AppToken, new JsonObject(), cancellationToken);
        return result.Ok && Uri.TryCreate(result.Body.GetStringOrNull("url"), UriKind.Absolute, out var url) ? url : null;
    }

    /// <summary>
    /// A reply through a slash command's or an interaction's <c>response_url</c>: no token (the URL is the credential),
    /// and the URL itself is never logged, only its host.
    /// </summary>
    public async Task<bool> RespondAsync(Uri responseUrl, SlackMessage message, bool inChannel, CancellationToken cancellationToken)
    {
        var body = message.ToJson();
        body["response_type"] = inChannel ? "in_channel" : "ephemeral";
        body["replace_original"] = false;
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(responseUrl, Json(body), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode || text.Contains("\"ok\":false", StringComparison.Ordinal))
            {
                Log.ResponseUrlFailed(logger, responseUrl.Host, (int)response.StatusCode, text.Length > 200 ? text[..200] : text);
                return false;
            }

            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException or TimeoutRejectedException)
        {
            Log.ApiUnreachable(logger, ex, "response_url");
            return false;
        }
    }

    private async Task<SlackApiResult> CallAsync(string method, string? token, JsonObject body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            Log.ApiError(logger, method, "not_configured");
            return SlackApiResult.Failed("not_configured");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.CurrentValue.ApiBaseUri, method)) { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Log.ApiHttpFailure(logger, method, (int)response.StatusCode);
                return SlackApiResult.Failed($"http_{(int)response.StatusCode}");
            }

            var json = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement.Clone();
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                return new SlackApiResult(true, null, root);
            }

            var error = root.GetStringOrNull("error") ?? "unknown_error";
            Log.ApiError(logger, method, error);
            return new SlackApiResult(false, error, root);
        }
        catch (JsonException)
        {
            Log.ApiError(logger, method, "invalid_json_response");
            return SlackApiResult.Failed("invalid_json_response");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException or TimeoutRejectedException)
        {
            Log.ApiUnreachable(logger, ex, method);
            return SlackApiResult.Failed("unreachable");
        }
    }

    private static StringContent Json(JsonObject body) =>
        new(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" });
}

internal static class SlackJson
{
    public static string? GetStringOrNull(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
