using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Retrieval.Qdrant.Tests.Fakes;
using Qdrant.Client.Grpc;
using static PaperBot.Retrieval.Qdrant.Tests.Fakes.QdrantRequests;

namespace PaperBot.Retrieval.Qdrant.Tests;

/// <summary>
/// A course of 33 readings indexed through <see cref="KnowledgeBase.BuildAsync"/> into the Qdrant store, over a real
/// gRPC channel to the fake Qdrant: each reading's points carry its id, a search scoped to some readings finds only
/// theirs, and a reading taken out of the folder leaves the collection without touching the others.
/// </summary>
public sealed class QdrantCourseTests
{
    private const int Readings = 33;
    private const int SectionsPerReading = 2;
    private const int SentencesPerSection = 5;
    private const int WordsPerSentence = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BuildAsync_ThirtyThreeReadings_WritesEachReadingsChunksAsPointsWithItsDocumentId()
    {
        using var course = Course();
        var qdrant = new FakeQdrant(existing: null);
        await using var server = await FakeQdrantServer.StartAsync(qdrant.Invoker);
        using var store = Store(server);
        var loaded = DocumentLoader.LoadFolder(course.Path);

        var knowledge = await BuildAsync(loaded, store);

        Assert.Equal(Readings, loaded.Documents.Count);
        Assert.Equal(Readings, knowledge.Report.DocumentsWritten);
        Assert.Contains(qdrant.Invoker.Requests<CreateFieldIndexCollection>(FakeQdrant.PointsCreateFieldIndex), i => i.FieldName == "document_id" && i.FieldType == FieldType.Keyword);

        var upserts = qdrant.Invoker.Requests<UpsertPoints>(FakeQdrant.PointsUpsert);
        // One reading per write: a batch never mixes the points of two readings.
        Assert.All(upserts, u => Assert.Single(u.Points.Select(p => p.Payload["document_id"].StringValue).Distinct()));
        var written = upserts.SelectMany(u => u.Points).GroupBy(p => p.Payload["document_id"].StringValue).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(loaded.Documents.Select(d => d.Id).Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        foreach (var document in loaded.Documents)
        {
            var chunkIds = knowledge.Chunks.Where(c => c.DocumentId == document.Id).Select(c => c.Id).Order(StringComparer.Ordinal);
            Assert.Equal(chunkIds, written[document.Id].Select(p => p.Payload["chunk_id"].StringValue).Order(StringComparer.Ordinal));
            Assert.Equal(chunkIds, qdrant.PointsWhere("document_id", document.Id).Select(p => p.Payload["chunk_id"].StringValue).Order(StringComparer.Ordinal));
        }

        Assert.Equal(loaded.Documents.Select(d => d.Id).Order(StringComparer.Ordinal), (await store.DocumentIdsAsync(Ct)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_TwoOfThirtyThreeReadings_FindsOnlyTheirChunks()
    {
        using var course = Course();
        var qdrant = new FakeQdrant(existing: null);
        await using var server = await FakeQdrantServer.StartAsync(qdrant.Invoker);
        using var store = Store(server);
        var loaded = DocumentLoader.LoadFolder(course.Path);
        var knowledge = await BuildAsync(loaded, store);
        var (first, second, outside) = (loaded.Documents[4].Id, loaded.Documents[20].Id, loaded.Documents[29].Id);
        // A question with a word of each of three readings: unscoped, all three answer it.
        var question = string.Join(" ", new[] { first, second, outside }.Select(id => knowledge.Chunks.First(c => c.DocumentId == id).Text.Split(' ')[1]));

        var everywhere = await knowledge.SearchAsync(question, 10, SearchMode.Hybrid, cancellationToken: Ct);
        var scoped = await knowledge.SearchAsync(question, 10, SearchMode.Hybrid, [first, second], Ct);
        var throughAView = await knowledge.Subset([first, second]).SearchAsync(question, 10, cancellationToken: Ct);

        Assert.Contains(everywhere, h => h.DocumentId == outside);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), scoped.Select(h => h.DocumentId).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(scoped.Select(h => h.Chunk.Id), throughAView.Select(h => h.Chunk.Id));
        var queries = qdrant.Invoker.Requests<QueryPoints>(FakeQdrant.PointsQuery);
        Assert.Null(queries[0].Filter);
        Assert.All(queries.Skip(1), q => AssertDocumentsFilter(q.Filter, [first, second]));
    }

    [Fact]
    public async Task BuildAsync_OneReadingTakenOutOfTheFolder_DeletesItsPointsAndLeavesTheOthersAlone()
    {
        using var course = Course();
        var qdrant = new FakeQdrant(existing: null);
        await using var server = await FakeQdrantServer.StartAsync(qdrant.Invoker);
        var loaded = DocumentLoader.LoadFolder(course.Path);
        using (var store = Store(server))
        {
            await BuildAsync(loaded, store);
        }

        var removed = loaded.Documents[12];
        var kept = loaded.Documents.Where(d => d.Id != removed.Id).ToList();
        var pointsBefore = kept.ToDictionary(d => d.Id, d => qdrant.PointsWhere("document_id", d.Id).Select(p => p.Id.Uuid).Order(StringComparer.Ordinal).ToList());
        var callsBefore = qdrant.Invoker.Calls.Count;
        File.Delete(removed.SourcePath);

        // A new store object, as after a restart: the removal is found from what the collection holds.
        using var restarted = Store(server);
        var rebuilt = await BuildAsync(DocumentLoader.LoadFolder(course.Path), restarted);

        var calls = qdrant.Invoker.Calls.Skip(callsBefore).ToList();
        Assert.Equal(0, rebuilt.Report.DocumentsWritten);
        Assert.DoesNotContain(calls, c => c.Method == FakeQdrant.PointsUpsert);
        var delete = (DeletePoints)Assert.Single(calls, c => c.Method == FakeQdrant.PointsDelete).Request;
        Assert.True(delete.Wait);
        AssertDocumentFilter(delete.Points.Filter, removed.Id);
        Assert.Empty(qdrant.PointsWhere("document_id", removed.Id));
        Assert.All(kept, d => Assert.Equal(pointsBefore[d.Id], qdrant.PointsWhere("document_id", d.Id).Select(p => p.Id.Uuid).Order(StringComparer.Ordinal)));
        Assert.Equal(kept.Select(d => d.Id).Order(StringComparer.Ordinal), (await restarted.DocumentIdsAsync(Ct)).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// 33 readings of made-up words, no word shared between two readings, all of the same shape: the same sections,
    /// sentences and words each. Same-sized readings keep the BM25 average chunk length (part of every reading's
    /// content hash) the same when one is taken out; a reading of another length changes it, and every reading is
    /// written again.
    /// </summary>
    private static TempFolder Course()
    {
        var folder = new TempFolder();
        for (var reading = 0; reading < Readings; reading++)
        {
            var word = 0;
            var text = new System.Text.StringBuilder();
            for (var section = 0; section < SectionsPerReading; section++)
            {
                text.Append("# ").Append(Capitalised(Word(reading, word++))).Append("\n\n");
                for (var sentence = 0; sentence < SentencesPerSection; sentence++)
                {
                    var words = Enumerable.Range(0, WordsPerSentence).Select(_ => Word(reading, word++)).ToList();
                    text.Append(Capitalised(string.Join(' ', words))).Append(". ");
                }

                text.Append("\n\n");
            }

            File.WriteAllText(Path.Combine(folder.Path, $"reading-{reading + 1:00}.md"), text.ToString());
        }

        return folder;
    }

    /// <summary>A made-up word of three consonant-vowel syllables, one of its own for each reading and place.</summary>
    private static string Word(int reading, int place)
    {
        const string consonants = "bdgkmnprtvz";
        const string vowels = "aiou";
        var n = (reading * 64) + place;
        var syllables = Enumerable.Range(0, 3).Select(i =>
        {
            var s = (n / (int)Math.Pow(consonants.Length * vowels.Length, i)) % (consonants.Length * vowels.Length);
            return $"{consonants[s / vowels.Length]}{vowels[s % vowels.Length]}";
        });
        return string.Concat(syllables);
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static QdrantChunkStore Store(FakeQdrantServer server) =>
        new(Options.Create(new QdrantOptions { Endpoint = server.Endpoint }), NullLogger<QdrantChunkStore>.Instance);

    private static Task<KnowledgeBase> BuildAsync(LoadResult loaded, IChunkStore store) =>
        KnowledgeBase.BuildAsync(loaded, new ChunkingOptions(), new FakeEmbeddingGenerator(), new EmbeddingCache(null, "fake-384"), store, string.Empty, Ct);
}
