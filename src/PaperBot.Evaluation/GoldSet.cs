using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperBot.Evaluation;

/// <summary>One gold question: an answerable one with its gold sections and facts, or one that must be declined.</summary>
public sealed record GoldItem
{
    public required string Id { get; init; }

    /// <summary><c>answer</c>, <c>decline</c> or <c>followup</c> (a second turn that leans on <see cref="Previous"/>).</summary>
    public required string Kind { get; init; }

    public required string Question { get; init; }

    public IReadOnlyList<string> Sections { get; init; } = [];

    /// <summary>Strings the answer must contain (compared case-insensitively, typographic quotes folded).</summary>
    public IReadOnlyList<string> Facts { get; init; } = [];

    /// <summary>Worded so it shares few words with the paper.</summary>
    public bool Paraphrased { get; init; }

    /// <summary>For declines: the statuses that count as a correct decline.</summary>
    public IReadOnlyList<string> Expect { get; init; } = [];

    public string? Category { get; init; }

    /// <summary>For follow-ups: the question asked just before, in the same conversation.</summary>
    public string? Previous { get; init; }

    [JsonIgnore]
    public bool IsAnswerable => Kind == "answer";

    [JsonIgnore]
    public bool IsDecline => Kind == "decline";

    [JsonIgnore]
    public bool IsFollowUp => Kind == "followup" && !string.IsNullOrWhiteSpace(Previous);
}

public static class GoldSet
{
    public const string DefaultPath = "tests/gold/gold-set.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static IReadOnlyList<GoldItem> Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<GoldItem>>(stream, Options) ?? [];
    }
}
