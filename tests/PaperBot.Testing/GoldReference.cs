using PaperBot.Evaluation;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Testing;

/// <summary>
/// The reference every chunk store is held to: the answerable gold questions about the shipped readings (those with
/// gold sections), their query vectors, and the embedded store's top sections for each, per search mode.
/// </summary>
public sealed class GoldReference
{
    /// <summary>How many sections deep a search for the reference goes.</summary>
    public const int Depth = 10;

    private GoldReference(
        IReadOnlyList<GoldItem> gold,
        IReadOnlyDictionary<string, float[]> questionVectors,
        IReadOnlyDictionary<SearchMode, IReadOnlyDictionary<string, IReadOnlyList<string>>> reference)
    {
        Gold = gold;
        QuestionVectors = questionVectors;
        Reference = reference;
    }

    /// <summary>The answerable gold questions with gold sections; empty when the gold set is not in the repository.</summary>
    public IReadOnlyList<GoldItem> Gold { get; }

    public IReadOnlyDictionary<string, float[]> QuestionVectors { get; }

    /// <summary>The embedded store's top sections per mode and gold question id.</summary>
    public IReadOnlyDictionary<SearchMode, IReadOnlyDictionary<string, IReadOnlyList<string>>> Reference { get; }

    public static async Task<IReadOnlyList<string>> TopSectionsAsync(KnowledgeBase knowledge, GoldItem item, float[] vector, SearchMode mode) =>
        (await knowledge.SearchAsync(item.Question, vector, Depth, mode).ConfigureAwait(false)).Select(h => h.SectionId).ToList();

    /// <param name="knowledge">The shipped readings indexed in the embedded store.</param>
    internal static async Task<GoldReference> ComputeAsync(KnowledgeBase knowledge, LoadResult readings)
    {
        var goldFolder = PathResolver.ResolveFolder(GoldSet.DefaultFolder);
        var gold = Directory.Exists(goldFolder)
            ? GoldSet.LoadDev(goldFolder).Where(g => g.IsAnswerable && g.Sections.Count > 0 && readings.Documents.Any(d => d.Id == g.Reading)).ToList()
            : [];
        var vectors = new Dictionary<string, float[]>();
        foreach (var item in gold)
        {
            vectors[item.Id] = await knowledge.EmbedQueryAsync(item.Question).ConfigureAwait(false);
        }

        var reference = new Dictionary<SearchMode, IReadOnlyDictionary<string, IReadOnlyList<string>>>();
        foreach (var mode in Enum.GetValues<SearchMode>())
        {
            var byQuestion = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var item in gold)
            {
                byQuestion[item.Id] = await TopSectionsAsync(knowledge, item, vectors[item.Id], mode).ConfigureAwait(false);
            }

            reference[mode] = byQuestion;
        }

        return new GoldReference(gold, vectors, reference);
    }
}
