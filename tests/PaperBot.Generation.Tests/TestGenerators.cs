using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Answering.Generation;
using PaperBot.Answering;

namespace PaperBot.Generation.Tests;

/// <summary>Builds the generator the way the host does: configuration, then <c>AddPaperBotGeneration</c>.</summary>
internal static class TestGenerators
{
    public const string Model = "scripted-model-7b";

    public static ServiceProvider Services(Uri endpoint, int timeoutSeconds = 20, double? minSupportSimilarity = null, TimeProvider? time = null, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "openai",
            ["Llm:Endpoint"] = endpoint.ToString(),
            ["Llm:Model"] = Model,
            ["Llm:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (minSupportSimilarity is { } similarity)
        {
            settings["Llm:MinSupportSimilarity"] = similarity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        services.AddPaperBotGeneration();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static IAnswerGenerator Generator(ServiceProvider services) => services.GetRequiredService<IAnswerGenerator>();
}

/// <summary>Scripted model answers built from the paper's real sentences at test time.</summary>
internal static class ScriptedAnswers
{
    private static readonly string[] Openers = ["However, ", "Thus, ", "Therefore, ", "As such, ", "Historically, ", "Currently, ", "Moreover, ", "Further, ", "Besides, ", "Hence, ", "Also, ", "In addition, "];

    /// <summary>
    /// A light paraphrase, as a model writes: an opening connective dropped, or a trailing clause dropped, and the
    /// full stop kept. Every word left is the paper's own.
    /// </summary>
    public static string Paraphrase(string sentence)
    {
        var text = sentence.Trim().TrimEnd('.', '!', '?');
        foreach (var opener in Openers)
        {
            if (text.StartsWith(opener, StringComparison.OrdinalIgnoreCase) && text.Length > opener.Length + 20)
            {
                text = char.ToUpperInvariant(text[opener.Length]) + text[(opener.Length + 1)..];
                return text + ".";
            }
        }

        var lastComma = text.LastIndexOf(", ", StringComparison.Ordinal);
        if (lastComma > text.Length * 0.6 && !text[lastComma..].Contains('“', StringComparison.Ordinal) && !text[lastComma..].Contains('"', StringComparison.Ordinal))
        {
            text = text[..lastComma];
        }

        return text + ".";
    }

    private static readonly (string From, string To)[] Synonyms =
    [
        (" relations", " ties"), (" relationship", " ties"), (" countries", " nations"), (" country", " nation"),
        (" strengthen", " bolster"), (" signed", " concluded"), (" visited", " went to"), (" approximately", " about"),
        (" however", string.Empty), (" also ", " "), (" which ", " that "), (" in order to ", " to "), (" towards ", " toward "),
        (" significant", " major"), (" important", " key"), (" cooperation", " collaboration"), (" agreed", " consented"),
        (" offered", " extended"), (" wanted", " wished"), (" began", " started"), (" large", " big"), (" help", " assist"),
    ];

    /// <summary>
    /// A heavier paraphrase, closer to what a model writes when it answers in its own words: the light paraphrase,
    /// common words swapped for synonyms, and an answer-style lead-in. Names, numbers and quotations are untouched.
    /// </summary>
    public static string Reword(string sentence, int variant)
    {
        var text = " " + Paraphrase(sentence).TrimEnd('.');
        foreach (var (from, to) in Synonyms)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        text = text.Trim();
        var lower = text.Length > 1 && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
        return (variant % 3) switch
        {
            0 => $"According to the paper, {lower}.",
            1 => $"The paper notes that {lower}.",
            _ => $"{text}.",
        };
    }

    /// <summary>
    /// A compressed answer, as a model writes when it takes only the part of a long sentence that answers: the
    /// sentence's longest comma-separated stretch, stated on its own.
    /// </summary>
    public static string Compress(string sentence)
    {
        var parts = sentence.TrimEnd('.').Split(", ");
        var longest = parts.MaxBy(p => p.Length)!.Trim();
        return longest.Split(' ').Length >= 6 && longest.Length < sentence.Length - 10
            ? char.ToUpperInvariant(longest[0]) + longest[1..] + "."
            : Paraphrase(sentence);
    }

    /// <summary>Sentences of a passage worth paraphrasing: long enough to state something.</summary>
    public static IEnumerable<string> Statements(Knowledge.Retrieval.SearchHit passage) =>
        passage.Chunk.Sentences.Select(s => s.Text).Where(t => t.Split(' ').Length >= 8);
}
