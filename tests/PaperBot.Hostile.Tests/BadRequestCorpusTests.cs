using System.Net.Http.Headers;
using System.Text;
using PaperBot.Hostile.Tests.Support;

namespace PaperBot.Hostile.Tests;

/// <summary>
/// The audit's corpus of malformed, oversized, deep, unicode-edged and wrong-typed requests against every endpoint: each
/// gets a 4xx problem document (or, where it is well-formed enough, an ordinary answer), never a 500, never a stack
/// trace, and nothing is logged as a fault.
/// </summary>
public sealed class BadRequestCorpusTests(HostileHost host)
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";

    /// <summary>One request of the corpus and the statuses it may get.</summary>
    public sealed record Case(string Path, string? ContentType, byte[] Body, bool Signed, params int[] Statuses);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Bytes(string before, byte[] raw, string after) => [.. Utf8(before), .. raw, .. Utf8(after)];

    private static string Deep(int depth) => new string('[', depth) + new string(']', depth);

    private static string Activity(string extra = "", string entities = "[]") =>
        $$"""{"type":"message","id":"a1","channelId":"msteams","serviceUrl":"{{ConnectorUrl}}","from":{"id":"29:corpus"},"recipient":{"id":"28:bot"},"conversation":{"id":"corpus-chat"},"text":"hi","entities":{{entities}}{{extra}}}""";

    // The receiver's address is only known once the suite's fixture has started; the activities that must be answered
    // are built in the test from it. Here any Playground-looking address will do (these are refused before replying).
    private const string ConnectorUrl = "http://127.0.0.1:9/_connector";

    private static string Interaction(string responseUrl, string text = "x") =>
        $$"""{"type":"block_actions","trigger_id":"{{Guid.NewGuid():N}}","user":{"id":"UCORPUS"},"response_url":"{{responseUrl}}","actions":[{"action_id":"other","value":"{{text}}","action_ts":"1"}]}""";

    public static readonly Dictionary<string, Case> Corpus = new()
    {
        // /api/ask
        ["ask: lone high surrogate"] = new("/api/ask", Json, Utf8("""{"question": "When \ud800 did Russia sign?"}"""), false, 400),
        ["ask: lone low surrogate"] = new("/api/ask", Json, Utf8("""{"question": "\udc00"}"""), false, 400),
        ["ask: reversed surrogate pair"] = new("/api/ask", Json, Utf8("""{"question": "\udc00\ud800"}"""), false, 400),
        ["ask: surrogate in a property name"] = new("/api/ask", Json, Utf8("""{"\ud800": 1, "question": "What is CPEC?"}"""), false, 400),
        ["ask: invalid UTF-8"] = new("/api/ask", Json, Bytes("""{"question": "When""", [0xff, 0xfe], """ did Russia sign?"}"""), false, 400),
        ["ask: overlong UTF-8"] = new("/api/ask", Json, Bytes("""{"question": "a""", [0xc0, 0xaf], "\"}"), false, 400),
        ["ask: truncated UTF-8"] = new("/api/ask", Json, Bytes("""{"question": "a""", [0xe2, 0x82], "\"}"), false, 400),
        ["ask: content type by prefix"] = new("/api/ask", "application/jsonxyz", Utf8("""{"question": "What is CPEC?"}"""), false, 415),
        ["ask: text/plain"] = new("/api/ask", "text/plain", Utf8("""{"question": "What is CPEC?"}"""), false, 415),
        ["ask: no content type"] = new("/api/ask", null, Utf8("""{"question": "What is CPEC?"}"""), false, 415),
        ["ask: deep nesting"] = new("/api/ask", Json, Utf8("{\"question\": \"What is CPEC?\", \"x\": " + Deep(10_000) + "}"), false, 400),
        ["ask: oversized"] = new("/api/ask", Json, Utf8("{\"question\": \"" + new string('a', 70 * 1024) + "\"}"), false, 413),
        ["ask: empty body"] = new("/api/ask", Json, [], false, 400),
        ["ask: null"] = new("/api/ask", Json, Utf8("null"), false, 400),
        ["ask: a number"] = new("/api/ask", Json, Utf8("42"), false, 400),
        ["ask: question null"] = new("/api/ask", Json, Utf8("""{"question": null}"""), false, 400),
        ["ask: question an object"] = new("/api/ask", Json, Utf8("""{"question": {"text": "What is CPEC?"}}"""), false, 400),
        ["ask: question a list"] = new("/api/ask", Json, Utf8("""{"question": ["What is CPEC?"]}"""), false, 400),
        ["ask: trailing garbage"] = new("/api/ask", Json, Utf8("""{"question": "What is CPEC?"} trailing"""), false, 400),
        ["ask: NUL in the question"] = new("/api/ask", Json, Utf8("""{"question": "What\u0000is CPEC?"}"""), false, 400),
        ["ask: over 1000 characters"] = new("/api/ask", Json, Utf8("{\"question\": \"" + new string('q', 1500) + "\"}"), false, 400),
        ["ask: bidi override, BOM and emoji"] = new("/api/ask", Json, Utf8("""{"question": "\u202e\ufeff🙂 When did Russia and Pakistan sign the gas pipeline deal?"}"""), false, 200, 400),

        // /slack/events (signed, so the body itself is what is refused)
        ["slack event: lone surrogate"] = new("/slack/events", Json, Utf8("""{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","user":"U1","text":"\ud800","ts":"1.2","channel":"C1"}}"""), true, 400),
        ["slack event: invalid UTF-8"] = new("/slack/events", Json, Bytes("{\"type\":\"event_callback\",\"event_id\":\"Ev2\",\"event\":{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\"", [0xff], "\",\"ts\":\"1.2\",\"channel\":\"C1\"}}"), true, 400),
        ["slack event: deep nesting"] = new("/slack/events", Json, Utf8(Deep(5_000)), true, 400),
        ["slack event: a list"] = new("/slack/events", Json, Utf8("[]"), true, 400),
        ["slack event: type a number"] = new("/slack/events", Json, Utf8("""{"type": 5}"""), true, 400),
        ["slack event: event a string"] = new("/slack/events", Json, Utf8("""{"type":"event_callback","event":"x"}"""), true, 400),
        ["slack event: fields of the wrong type"] = new("/slack/events", Json, Utf8("""{"type":"event_callback","event_id":["x"],"event":{"type":"app_mention","user":[],"text":5,"ts":{},"channel":true}}"""), true, 200),
        ["slack event: unsigned"] = new("/slack/events", Json, Utf8("""{"type":"url_verification","challenge":"x"}"""), false, 401),

        // /slack/interactions
        ["slack interaction: lone surrogate"] = new("/slack/interactions", Form, Utf8(Slack.Click("""{"type":"block_actions","user":{"id":"\ud800"},"actions":[]}""")), true, 400),
        ["slack interaction: payload not JSON"] = new("/slack/interactions", Form, Utf8(Slack.Click("{not json")), true, 400),
        ["slack interaction: payload deep"] = new("/slack/interactions", Form, Utf8(Slack.Click(Deep(2_000))), true, 400),
        ["slack interaction: response_url file:"] = new("/slack/interactions", Form, Utf8(Slack.Click(Interaction("file:///etc/passwd"))), true, 400),
        ["slack interaction: response_url elsewhere"] = new("/slack/interactions", Form, Utf8(Slack.Click(Interaction("https://hooks.slack.com.evil.example/x"))), true, 400),
        ["slack interaction: no payload"] = new("/slack/interactions", Form, Utf8("other=1"), true, 400),

        // /slack/commands
        ["slack command: response_url elsewhere"] = new("/slack/commands", Form, Utf8(Slack.Command("help", new Uri("https://evil.example/hook"), "T-elsewhere")), true, 400),
        ["slack command: bad percent escape"] = new("/slack/commands", Form, Utf8("command=%2Fpaper&text=%zz"), true, 400),
        ["slack command: raw non-ASCII"] = new("/slack/commands", Form, Bytes("command=%2Fpaper&text=", [0xff, 0xfe], ""), true, 400),
        ["slack command: percent-encoded invalid UTF-8"] = new("/slack/commands", Form, Utf8("command=%2Fpaper&text=%FF%FE"), true, 400),

        // /api/messages (anonymous, from loopback)
        ["teams: lone surrogate"] = new("/api/messages", Json, Utf8(Activity().Replace("\"hi\"", "\"\\ud800\"", StringComparison.Ordinal)), false, 400),
        ["teams: invalid UTF-8"] = new("/api/messages", Json, Bytes("{\"type\":\"message\",\"text\":\"", [0xff], "\"}"), false, 400),
        ["teams: deep nesting"] = new("/api/messages", Json, Utf8("{\"type\":\"message\",\"value\":" + Deep(5_000) + "}"), false, 400),
        ["teams: a list"] = new("/api/messages", Json, Utf8("[]"), false, 400),
        ["teams: a string"] = new("/api/messages", Json, Utf8("\"message\""), false, 400),
        ["teams: type a number"] = new("/api/messages", Json, Utf8("""{"type": 5}"""), false, 400),
        ["teams: no type"] = new("/api/messages", Json, Utf8("""{"text": "hi"}"""), false, 400),
        ["teams: oversized"] = new("/api/messages", Json, Utf8("{\"type\":\"message\",\"text\":\"" + new string('a', 300 * 1024) + "\"}"), false, 413),
        ["teams: every field the wrong type"] = new("/api/messages", Json, Utf8("""{"type":"message","id":1,"serviceUrl":[],"from":"x","recipient":5,"conversation":[1],"text":{"a":1},"entities":"x","channelData":7,"membersAdded":{}}"""), false, 200),
        ["teams: null elements"] = new("/api/messages", Json, Utf8(Activity(",\"membersAdded\":[null,5,\"x\"]", "[null, 1, \"x\", {\"type\":\"mention\",\"mentioned\":null,\"text\":null}]")), false, 200),
        ["teams: unknown invoke"] = new("/api/messages", Json, Utf8("""{"type":"invoke","name":"composeExtension/query","value":null}"""), false, 501),
    };

    public static TheoryData<string> Names => new(Corpus.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Corpus_Request_AnsweredWithoutAFault(string name)
    {
        var c = Corpus[name];
        using var request = c.Signed ? Slack.Signed(c.Path, c.Body, c.ContentType!) : Plain(c);

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(c.Statuses.Contains((int)response.StatusCode), $"{name}: {(int)response.StatusCode} {body}");
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        if ((int)response.StatusCode is >= 400 and not 401 and not 501)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        host.AssertNoFaultLogged();
    }

    private static HttpRequestMessage Plain(Case c)
    {
        var content = new ByteArrayContent(c.Body);
        if (c.ContentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(c.ContentType);
        }

        return new HttpRequestMessage(HttpMethod.Post, c.Path) { Content = content };
    }
}
