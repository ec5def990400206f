using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PaperBot.Channels.Teams.Protocol;
using PaperBot.Channels.Teams.Tests.Support;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Teams.Tests;

/// <summary>
/// A real Teams channel message, mutated field by field (null, a value of the wrong type, a list with a null in it,
/// missing): the activity always reads, no turn ever fails, and whenever the mutation leaves the bot a place to reply,
/// it replies.
/// </summary>
public sealed class ActivityMutationTests
{
    private const string Template = """
        {"type":"message","id":"1700000000001","timestamp":"2026-12-01T10:00:00.000Z","localTimestamp":"2026-12-01T11:00:00.000+01:00",
         "serviceUrl":"CONNECTOR","channelId":"msteams",
         "from":{"id":"29:user","name":"User","aadObjectId":"00000000-1111-2222-3333-444444444444"},
         "conversation":{"id":"19:general@thread.skype;messageid=1700000000001","conversationType":"channel","tenantId":"t1","isGroup":true},
         "recipient":{"id":"28:bot","name":"PaperBot"},
         "textFormat":"plain","locale":"en-US","text":"<at>PaperBot</at> What is the NSGP?",
         "attachments":[{"contentType":"text/html","content":"<div>What is the NSGP?</div>"}],
         "entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"PaperBot"},"text":"<at>PaperBot</at>"},{"type":"clientInfo","locale":"en-US","country":"US","platform":"Web"}],
         "channelData":{"tenant":{"id":"t1"},"team":{"id":"19:team@thread.skype"},"channel":{"id":"19:general@thread.skype"}}}
        """;

    private static readonly Func<JsonNode?>[] Mutations =
    [
        () => null,
        () => JsonValue.Create(42),
        () => JsonValue.Create("x"),
        () => JsonValue.Create(true),
        () => new JsonArray(),
        () => new JsonArray((JsonNode?)null),
        () => new JsonObject(),
    ];

    [Fact]
    public async Task HandleAsync_EveryFieldNullWrongTypedOrMissing_NoTurnFails()
    {
        await using var connector = await FakeBotConnector.StartAsync("r-");
        // A generous reply timeout: this test is about reading activities, not about a slow machine.
        await using var services = TeamsServices.Build(settings: new Dictionary<string, string?> { ["Teams:ReplyAttemptTimeout"] = "00:00:30" }, playground: connector.BaseUrl);
        var bot = services.GetRequiredService<TeamsBot>();
        var logs = services.GetRequiredService<FakeLogCollector>();
        var template = Template.Replace("CONNECTOR", connector.BaseUrl.ToString(), StringComparison.Ordinal);
        var paths = Paths(JsonNode.Parse(template)!).ToList();
        var turns = 0;

        foreach (var path in paths)
        {
            foreach (var mutate in Mutations.Select(m => (Func<JsonNode, bool>)(root => Replace(root, path, m()))).Append(root => Remove(root, path)))
            {
                var root = JsonNode.Parse(template)!;
                if (!mutate(root))
                {
                    continue;
                }

                // Each turn is a delivery of its own (the bot answers a redelivered activity id once).
                if (path != "$.id" && root is JsonObject whole)
                {
                    whole["id"] = $"mutation-{turns}";
                }

                var json = root.ToJsonString();
                var activity = JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!;
                var before = connector.Requests.Count;

                await bot.HandleAsync(new TeamsTurn(activity, false), TestContext.Current.CancellationToken);
                turns++;

                var faults = logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error).Select(r => $"{r.Message} {r.Exception?.GetType().Name}: {r.Exception?.Message}").ToList();
                Assert.True(faults.Count == 0, $"after mutating {path}: {string.Join(" | ", faults)}");
                if (CanBeAnswered(activity, connector.BaseUrl))
                {
                    Assert.True(connector.Requests.Count > before, $"no reply after mutating {path}: {json}");
                }
            }
        }

        Assert.True(turns > 200, $"{turns} turns");
    }

    /// <summary>A message with a conversation to reply in, from the Playground: anything else is rightly not answered.</summary>
    private static bool CanBeAnswered(Activity activity, Uri connector) =>
        activity.Type == "message" && activity.Conversation?.Id is { Length: > 0 } && activity.ServiceUrl == connector.ToString();

    private static IEnumerable<string> Paths(JsonNode node, string path = "$")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    yield return $"{path}.{name}";
                    if (child is not null)
                    {
                        foreach (var inner in Paths(child, $"{path}.{name}"))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return $"{path}[{i}]";
                    if (array[i] is { } child)
                    {
                        foreach (var inner in Paths(child, $"{path}[{i}]"))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

    private static (JsonNode Parent, string? Name, int Index) Locate(JsonNode root, string path)
    {
        var node = root;
        var steps = System.Text.RegularExpressions.Regex.Matches(path[1..], @"\.([A-Za-z@]+)|\[(\d+)\]").ToList();
        for (var i = 0; i < steps.Count - 1; i++)
        {
            node = steps[i].Groups[1].Success ? node[steps[i].Groups[1].Value]! : node[int.Parse(steps[i].Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        var last = steps[^1];
        return last.Groups[1].Success ? (node, last.Groups[1].Value, -1) : (node, null, int.Parse(last.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool Replace(JsonNode root, string path, JsonNode? value)
    {
        var (parent, name, index) = Locate(root, path);
        if (name is not null)
        {
            parent.AsObject()[name] = value;
        }
        else
        {
            parent.AsArray()[index] = value;
        }

        return true;
    }

    private static bool Remove(JsonNode root, string path)
    {
        var (parent, name, index) = Locate(root, path);
        if (name is not null)
        {
            return parent.AsObject().Remove(name);
        }

        parent.AsArray().RemoveAt(index);
        return true;
    }
}
