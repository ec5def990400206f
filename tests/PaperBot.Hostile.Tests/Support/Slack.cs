using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace PaperBot.Hostile.Tests.Support;

/// <summary>Slack's v0 request signing, computed here independently of the code under test.</summary>
public static class Slack
{
    public static HttpRequestMessage Signed(string path, byte[] body, string mediaType, long? timestamp = null)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.ASCII.GetBytes($"v0:{ts}:").Concat(body).ToArray();
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(HostileHost.SigningSecret), signed));
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }

    public static string Form(params (string Name, string Value)[] fields) =>
        string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}"));

    public static string Command(string text, Uri responseUrl, string triggerId, string user = "UHOSTILE") => Form(
        ("command", "/paper"), ("text", text), ("user_id", user), ("channel_id", "CHOSTILE"), ("team_id", "T1"),
        ("response_url", responseUrl.ToString()), ("trigger_id", triggerId));

    public static string Click(string payloadJson) => Form(("payload", payloadJson));
}
