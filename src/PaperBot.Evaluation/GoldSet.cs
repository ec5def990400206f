using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperBot.Evaluation;

/// <summary>
/// One gold question: an answerable one with its gold sections and facts, one that must be declined, small talk, or
/// a follow-up that leans on the question before it. Each belongs to a reading, a category and a split.
/// </summary>
public sealed record GoldItem
{
    public required string Id { get; init; }

    /// <summary><c>answer</c>, <c>decline</c>, <c>small_talk</c> or <c>followup</c>.</summary>
    public required string Kind { get; init; }

    public required string Question { get; init; }

    /// <summary>The reading the question is about (its document id).</summary>
    public string Reading { get; init; } = string.Empty;

    /// <summary>What kind of question it is (<c>fact</c>, <c>paraphrase</c>, <c>misspelling</c>, <c>general_knowledge</c> …).</summary>
    public string Category { get; init; } = "uncategorised";

    /// <summary><c>dev</c> (tuned on) or <c>test</c> (held out): the folder the item was read from.</summary>
    [JsonIgnore]
    public string Split { get; init; } = "dev";

    /// <summary>Sections whose sentences answer it; empty for answers from a reading's details (its author, its year).</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];

    /// <summary>Strings the answer must contain (compared case-insensitively, typographic quotes folded).</summary>
    public IReadOnlyList<string> Facts { get; init; } = [];

    /// <summary>For declines: the statuses that count as a correct decline.</summary>
    public IReadOnlyList<string> Expect { get; init; } = [];

    /// <summary>For follow-ups: the question asked just before, in the same conversation.</summary>
    public string? Previous { get; init; }

    [JsonIgnore]
    public bool IsAnswerable => Kind == "answer";

    [JsonIgnore]
    public bool IsDecline => Kind == "decline";

    [JsonIgnore]
    public bool IsSmallTalk => Kind == "small_talk";

    [JsonIgnore]
    public bool IsFollowUp => Kind == "followup" && !string.IsNullOrWhiteSpace(Previous);

    /// <summary>Whether the question is asked after another in its conversation: a follow-up, or a question to decline that follows one ("who built it?").</summary>
    [JsonIgnore]
    public bool AskedAfterPrevious => !string.IsNullOrWhiteSpace(Previous);
}

/// <summary>
/// The gold set: <c>tests/gold/dev/*.json</c> (tuned on) and <c>tests/gold/test/*.json</c> (held out, never looked
/// into while tuning), and <c>tests/gold/readings/</c>, readings the tests add beside the shipped ones.
/// </summary>
public static class GoldSet
{
    public const string DefaultFolder = "tests/gold";
    public const string Dev = "dev";
    public const string Test = "test";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Every item of both splits under a gold folder.</summary>
    public static IReadOnlyList<GoldItem> LoadFolder(string folder)
    {
        var items = new List<GoldItem>();
        foreach (var split in new[] { Dev, Test })
        {
            var path = Path.Combine(folder, split);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal))
            {
                items.AddRange(Load(file).Select(i => i with { Split = split }));
            }
        }

        return items;
    }

    /// <summary>The dev split only: what tools and tests other than the held-out evaluation may use.</summary>
    public static IReadOnlyList<GoldItem> LoadDev(string folder) => LoadFolder(folder).Where(i => i.Split == Dev).ToList();

    public static IReadOnlyList<GoldItem> Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<GoldItem>>(stream, Options) ?? [];
    }

    /// <summary>The folder of readings the tests add beside the shipped ones.</summary>
    public static string ReadingsFolder(string goldFolder) => Path.Combine(goldFolder, "readings");
}
