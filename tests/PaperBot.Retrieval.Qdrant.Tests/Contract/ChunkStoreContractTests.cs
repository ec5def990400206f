using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Lexical;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Retrieval.Qdrant.Tests.Fakes;
using PaperBot.Testing;

namespace PaperBot.Retrieval.Qdrant.Tests.Contract;

/// <summary>
/// What every chunk store must do, whatever it is: find the gold sections as the embedded store does (within the
/// tolerance below), index idempotently, replace a changed document whole, search within any set of readings, and
/// forget a reading taken out of the folder. One derived class per store.
/// </summary>
public abstract class ChunkStoreContractTests(PaperFixture paper)
{
    /// <summary>
    /// A store may disagree with the embedded reference on whether a gold section is in the top 3 for at most this
    /// share of the gold questions (at least one question). Both stores compute the same scores in exact arithmetic:
    /// exact search (a collection this small is searched in full), the same BM25 IDF formula, RRF with the same
    /// constant. What remains is float rounding (Qdrant scores in single precision and renormalises vectors for
    /// cosine) and the order of ties, which can swap chunks at rank 3 — a few questions, not a trend.
    /// </summary>
    public const double Tolerance = 0.05;

    private const string ReplacedDocument = "course-notes";

    /// <summary>A store with nothing in it, for this test alone.</summary>
    protected abstract Task<IChunkStore> CreateEmptyStoreAsync();

    /// <summary>The same stored data seen through a new store object, as after a restart.</summary>
    protected abstract IChunkStore Reopen(IChunkStore store);

    /// <summary>How many chunks the store holds for a document.</summary>
    protected abstract Task<long> CountAsync(IChunkStore store, string documentId);

    [Theory]
    [InlineData(SearchMode.Hybrid)]
    [InlineData(SearchMode.Dense)]
    [InlineData(SearchMode.Lexical)]
    public async Task GoldSet_HitsAtThree_MatchTheEmbeddedReferenceWithinTolerance(SearchMode mode)
    {
        var store = await CreateEmptyStoreAsync();
        var data = await paper.GoldReferenceAsync();
        Assert.SkipWhen(data.Gold.Count == 0, "No gold set at tests/gold/gold-set.json.");
        var knowledge = await paper.BuildAsync(store);

        var disagreements = new List<string>();
        var hits = 0;
        foreach (var item in data.Gold)
        {
            var sections = await GoldReference.TopSectionsAsync(knowledge, item, data.QuestionVectors[item.Id], mode);
            var hit = HitAtThree(sections, item.Sections);
            hits += hit ? 1 : 0;
            if (hit != HitAtThree(data.Reference[mode][item.Id], item.Sections))
            {
                disagreements.Add($"{item.Id} ({(hit ? "found" : "missed")} here; reference top 3: {string.Join(", ", data.Reference[mode][item.Id].Take(3))}; here: {string.Join(", ", sections.Take(3))})");
            }
        }

        var allowed = Math.Max(1, (int)Math.Ceiling(Tolerance * data.Gold.Count));
        Assert.True(
            disagreements.Count <= allowed,
            $"{mode}: {disagreements.Count} of {data.Gold.Count} questions disagree with the embedded store (allowed {allowed}); hit@3 here {hits}/{data.Gold.Count}:\n{string.Join("\n", disagreements)}");
    }

    [Fact]
    public async Task Index_Twice_SameCountAndSameResults()
    {
        // The store first: a store that cannot run here skips before anything is indexed.
        var store = await CreateEmptyStoreAsync();
        var documentId = paper.Loaded.Documents[0].Id;
        var questions = new[] { "What is the North-South Gas Pipeline?", "Why did Russia sell helicopters to Pakistan?", "What happened in the 1971 war?" };

        var first = await paper.BuildAsync(store);
        var countAfterFirst = await CountAsync(store, documentId);
        var resultsAfterFirst = await SearchAllAsync(first, questions);

        var reopened = Reopen(store);
        var second = await paper.BuildAsync(reopened);

        Assert.Equal(paper.Loaded.Documents.Count, first.Report.DocumentsWritten);
        Assert.Equal(0, second.Report.DocumentsWritten);
        Assert.Equal(first.Chunks.Count(c => c.DocumentId == documentId), countAfterFirst);
        Assert.Equal(countAfterFirst, await CountAsync(reopened, documentId));
        Assert.Equal(resultsAfterFirst, await SearchAllAsync(second, questions));
    }

    [Fact]
    public async Task ReplaceDocument_ChangedContent_OldChunksGoneAndNewOnesFound()
    {
        // The store first: a store that cannot run here skips before anything is indexed.
        var store = await CreateEmptyStoreAsync();
        using var readings = new TempFolder();
        var file = Path.Combine(readings.Path, ReplacedDocument + ".md");

        await File.WriteAllTextAsync(file, "# Ports\n\nGwadar harbour was dredged by engineers. Cargo cranes arrived from abroad. Fishermen protested against the dredging. The port opened in 2007.\n", TestContext.Current.CancellationToken);
        await paper.BuildAsync(store, DocumentLoader.LoadFolder(readings.Path));
        Assert.NotEmpty(await store.SearchAsync(LexicalQuery("dredging harbour"), TestContext.Current.CancellationToken));

        await File.WriteAllTextAsync(file, "# Orchards\n\nKinnow oranges grow in Sargodha district. Growers export the citrus to Russia. The harvest begins in December.\n", TestContext.Current.CancellationToken);
        var reopened = Reopen(store);
        var replaced = await paper.BuildAsync(reopened, DocumentLoader.LoadFolder(readings.Path));

        Assert.Equal(1, replaced.Report.DocumentsWritten);
        Assert.Equal(replaced.Chunks.Count, await CountAsync(reopened, ReplacedDocument));
        Assert.Empty(await reopened.SearchAsync(LexicalQuery("dredging harbour"), TestContext.Current.CancellationToken));
        var hits = await replaced.SearchAsync("Where do kinnow oranges grow?", 3, SearchMode.Hybrid, [ReplacedDocument], TestContext.Current.CancellationToken);
        Assert.Contains("Sargodha", hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_DocumentFilter_OnlyThatDocumentsChunks()
    {
        // The store first: a store that cannot run here skips before anything is indexed.
        var store = await CreateEmptyStoreAsync();
        using var readings = new TempFolder();
        File.Copy(Path.Combine(PaperBot.Knowledge.Configuration.PathResolver.ResolveFolder("knowledge"), "russia-pakistan-paper.txt"), Path.Combine(readings.Path, "russia-pakistan-paper.txt"));
        await File.WriteAllTextAsync(Path.Combine(readings.Path, "pipelines.md"), "# Gas\n\nThe North-South gas pipeline will carry liquefied natural gas from Karachi to Lahore.\n", TestContext.Current.CancellationToken);
        var knowledge = await paper.BuildAsync(store, DocumentLoader.LoadFolder(readings.Path));

        var everywhere = await knowledge.SearchAsync("North-South gas pipeline", 10, SearchMode.Hybrid, cancellationToken: TestContext.Current.CancellationToken);
        var onlyPipelines = await knowledge.SearchAsync("North-South gas pipeline", 10, SearchMode.Hybrid, ["pipelines"], TestContext.Current.CancellationToken);

        Assert.Contains(everywhere, h => h.DocumentId == "russia-pakistan-paper");
        Assert.Contains(everywhere, h => h.DocumentId == "pipelines");
        Assert.NotEmpty(onlyPipelines);
        Assert.All(onlyPipelines, h => Assert.Equal("pipelines", h.DocumentId));
    }

    [Fact]
    public async Task Search_SeveralReadings_OnlyTheirChunks()
    {
        // The store first: a store that cannot run here skips before anything is indexed.
        var store = await CreateEmptyStoreAsync();
        using var readings = ThreeReadings();
        var knowledge = await paper.BuildAsync(store, DocumentLoader.LoadFolder(readings.Path));
        string[] scope = ["orchards", "ports"];

        var everywhere = await knowledge.SearchAsync("harbour oranges pipeline", 10, SearchMode.Hybrid, cancellationToken: TestContext.Current.CancellationToken);
        var scoped = await knowledge.SearchAsync("harbour oranges pipeline", 10, SearchMode.Hybrid, scope, TestContext.Current.CancellationToken);

        Assert.Contains(everywhere, h => h.DocumentId == "pipelines");
        Assert.Equal(scope, scoped.Select(h => h.DocumentId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_ScopeOfNoReadings_FindsNothing()
    {
        // The store first: a store that cannot run here skips before anything is indexed.
        var store = await CreateEmptyStoreAsync();
        using var readings = ThreeReadings();
        await paper.BuildAsync(store, DocumentLoader.LoadFolder(readings.Path));

        Assert.Empty(await store.SearchAsync(LexicalQuery("harbour oranges pipeline") with { Documents = [] }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Build_ReadingTakenOutOfTheFolder_ItsChunksGoAndTheOthersStay()
    {
        // The store first: a store that cannot run here skips before anything is indexed.
        var store = await CreateEmptyStoreAsync();
        using var readings = ThreeReadings();
        await paper.BuildAsync(store, DocumentLoader.LoadFolder(readings.Path));
        Assert.Equal(["orchards", "pipelines", "ports"], (await store.DocumentIdsAsync(TestContext.Current.CancellationToken)).Order(StringComparer.Ordinal));

        File.Delete(Path.Combine(readings.Path, "ports.md"));
        var reopened = Reopen(store);
        await paper.BuildAsync(reopened, DocumentLoader.LoadFolder(readings.Path));

        Assert.Equal(["orchards", "pipelines"], (await reopened.DocumentIdsAsync(TestContext.Current.CancellationToken)).Order(StringComparer.Ordinal));
        Assert.Empty(await reopened.SearchAsync(LexicalQuery("dredging harbour"), TestContext.Current.CancellationToken));
        Assert.Empty(await reopened.SearchAsync(LexicalQuery("harbour oranges pipeline") with { Documents = ["ports"] }, TestContext.Current.CancellationToken));
        Assert.NotEmpty(await reopened.SearchAsync(LexicalQuery("kinnow oranges") with { Documents = ["orchards"] }, TestContext.Current.CancellationToken));
        Assert.NotEmpty(await reopened.SearchAsync(LexicalQuery("gas pipeline") with { Documents = ["pipelines"] }, TestContext.Current.CancellationToken));
    }

    /// <summary>Three short readings, each about something the others never mention.</summary>
    private static TempFolder ThreeReadings()
    {
        var readings = new TempFolder();
        File.WriteAllText(Path.Combine(readings.Path, "ports.md"), "# Ports\n\nGwadar harbour was dredged by engineers. Cargo cranes arrived from abroad. Fishermen protested against the dredging. The port opened in 2007.\n");
        File.WriteAllText(Path.Combine(readings.Path, "orchards.md"), "# Orchards\n\nKinnow oranges grow in Sargodha district. Growers export the citrus to Russia. The harvest begins in December.\n");
        File.WriteAllText(Path.Combine(readings.Path, "pipelines.md"), "# Gas\n\nThe North-South gas pipeline will carry liquefied natural gas from Karachi to Lahore.\n");
        return readings;
    }

    private static bool HitAtThree(IReadOnlyList<string> sections, IReadOnlyList<string> gold) =>
        sections.Take(3).Any(s => gold.Contains(s, StringComparer.OrdinalIgnoreCase));

    private static ChunkQuery LexicalQuery(string text) => new([], Bm25Encoder.EncodeQuery(text), 5, SearchMode.Lexical);

    private static async Task<List<string>> SearchAllAsync(KnowledgeBase knowledge, IEnumerable<string> questions)
    {
        var results = new List<string>();
        foreach (var question in questions)
        {
            var hits = await knowledge.SearchAsync(question, 5);
            results.Add(string.Join(" ", hits.Select(h => h.Chunk.Id)));
        }

        return results;
    }
}
