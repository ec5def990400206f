using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PaperBot.Channels.Teams.Protocol;

namespace PaperBot.Channels.Teams.Connector;

/// <summary>
/// Sends activities to the Bot Connector v3 REST API. Throttling and transient failures (412, 429, 502, 503, 504)
/// are retried by the resilience pipeline registered with the named client; everything else fails at once.
/// </summary>
internal sealed class ConnectorClient(IHttpClientFactory httpClients, IConnectorTokenProvider tokens)
{
    public const string HttpClientName = "PaperBot.Teams.Connector";

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities</c>.</summary>
    public Task<string?> SendAsync(Uri serviceUrl, string conversationId, OutgoingActivity activity, CancellationToken cancellationToken) =>
        PostAsync(ActivitiesUrl(serviceUrl, conversationId, null), activity, cancellationToken);

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>: a reply in the same thread.</summary>
    public Task<string?> ReplyAsync(Uri serviceUrl, string conversationId, string replyToId, OutgoingActivity activity, CancellationToken cancellationToken) =>
        PostAsync(ActivitiesUrl(serviceUrl, conversationId, replyToId), activity, cancellationToken);

    internal static Uri ActivitiesUrl(Uri serviceUrl, string conversationId, string? activityId)
    {
        var root = serviceUrl.AbsoluteUri.TrimEnd('/');
        var url = $"{root}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        return new Uri(activityId is null ? url : $"{url}/{Uri.EscapeDataString(activityId)}");
    }

    private async Task<string?> PostAsync(Uri url, OutgoingActivity activity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(activity, options: ProtocolJson.Options),
        };
        var token = await tokens.GetTokenAsync(cancellationToken);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException(response.StatusCode);
        }

        if (response.Content.Headers.ContentLength is 0)
        {
            return null;
        }

        try
        {
            var body = await response.Content.ReadFromJsonAsync<ResourceResponse>(ProtocolJson.Options, cancellationToken);
            return body?.Id;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>The Bot Connector refused an activity (after any retries).</summary>
internal sealed class ConnectorException(HttpStatusCode status) : Exception($"The Bot Connector answered {(int)status}.")
{
    public HttpStatusCode Status { get; } = status;
}
