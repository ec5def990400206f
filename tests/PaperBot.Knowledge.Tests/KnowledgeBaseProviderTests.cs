using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Testing;

namespace PaperBot.Knowledge.Tests;

public sealed class KnowledgeBaseProviderTests(PaperFixture fixture) : IDisposable
{
    private readonly string _empty = Directory.CreateTempSubdirectory("paperbot-provider-").FullName;

    public void Dispose() => Directory.Delete(_empty, recursive: true);

    private KnowledgeBaseProvider Provider(string folder, EmbeddingCache cache, FakeLogger<KnowledgeBaseProvider> logger) =>
        new(Options.Create(new KnowledgeOptions { Path = folder }), Options.Create(new ChunkingOptions()), fixture.Embeddings, cache, new EmbeddedChunkStore(), logger);

    [Fact]
    public async Task GetAsync_ColdCache_LogsTheEmbeddingAsItGoes()
    {
        var logger = new FakeLogger<KnowledgeBaseProvider>();
        var provider = Provider(fixture.KnowledgeFolder, new EmbeddingCache(null, ArcticXsEmbeddingGenerator.ModelId), logger);

        var built = await provider.GetAsync(TestContext.Current.CancellationToken);

        var total = built.Report.Embedded;
        var messages = logger.Collector.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains($"Knowledge: embedding {total} text(s) of 1 document(s) with {ArcticXsEmbeddingGenerator.ModelId}; they are cached, so later starts skip this", messages);
        var steps = messages.Where(m => m.StartsWith("Knowledge: embedded ", StringComparison.Ordinal)).ToList();
        Assert.True(steps.Count >= 2, string.Join('\n', messages));
        Assert.StartsWith($"Knowledge: embedded {total}/{total} text(s), ", steps[^1], StringComparison.Ordinal);
        Assert.Contains(messages, m => m.StartsWith("Knowledge: 1 document(s), ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAsync_WarmCache_NoEmbeddingProgress()
    {
        var logger = new FakeLogger<KnowledgeBaseProvider>();

        await Provider(fixture.KnowledgeFolder, fixture.NewCache(), logger).GetAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Message.Contains("embedding", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAsync_EmptyFolder_ThrowsNamingTheFolderAndRemembersWhy()
    {
        var provider = Provider(_empty, new EmbeddingCache(null, ArcticXsEmbeddingGenerator.ModelId), new FakeLogger<KnowledgeBaseProvider>());

        var error = await Assert.ThrowsAsync<NoReadingsException>(() => provider.GetAsync(TestContext.Current.CancellationToken));

        Assert.Equal(_empty, error.Folder);
        Assert.Contains($"nothing to read in {_empty} (no .pdf, .md or .txt file there)", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, provider.LastFailure);
        Assert.Null(provider.Current);
    }

    [Fact]
    public async Task GetAsync_ReadingAddedAfterAFailedBuild_BuildsWithoutARestart()
    {
        var provider = Provider(_empty, fixture.NewCache(), new FakeLogger<KnowledgeBaseProvider>());
        await Assert.ThrowsAsync<NoReadingsException>(() => provider.GetAsync(TestContext.Current.CancellationToken));

        File.Copy(Path.Combine(fixture.KnowledgeFolder, "russia-pakistan-paper.txt"), Path.Combine(_empty, "paper.txt"));
        var built = await provider.GetAsync(TestContext.Current.CancellationToken);

        Assert.Single(built.Documents);
        Assert.Null(provider.LastFailure);
    }

    [Fact]
    public async Task BuildAsync_WithProgress_SameVectorsAsOneCall()
    {
        var loaded = DocumentLoader.LoadFolder(fixture.KnowledgeFolder);
        var reports = new List<EmbeddingProgress>();

        var built = await KnowledgeBase.BuildAsync(
            loaded, fixture.Chunking, fixture.Embeddings, new EmbeddingCache(null, ArcticXsEmbeddingGenerator.ModelId), new EmbeddedChunkStore(),
            ArcticXsEmbeddingGenerator.QueryPrefix, TestContext.Current.CancellationToken, new Recorder(reports));

        Assert.Equal(0, reports[0].Embedded);
        Assert.All(reports, r => Assert.Equal(1, r.Documents));
        Assert.Equal(built.Report.Embedded, reports[^1].Embedded);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.Embedded > p.First.Embedded));
        Assert.Equal(1, reports[^1].DocumentsDone);
        Assert.True(reports[^1].TextsPerSecond > 0);
        foreach (var sentence in built.AllSentences())
        {
            Assert.Equal(fixture.Knowledge.SentenceVector(sentence), built.SentenceVector(sentence));
        }
    }

    [Fact]
    public async Task RefreshAsync_ReadingAddedChangedRemoved_EachSeenAndOnlyNewTextEmbedded()
    {
        var ct = TestContext.Current.CancellationToken;
        File.Copy(Path.Combine(fixture.KnowledgeFolder, "russia-pakistan-paper.txt"), Path.Combine(_empty, "paper.txt"));
        var provider = Provider(_empty, fixture.NewCache(), new FakeLogger<KnowledgeBaseProvider>());
        var first = await provider.GetAsync(ct);
        var paperIndexed = first.IndexedAt("paper");

        var unchanged = await provider.RefreshAsync(cancellationToken: ct);
        Assert.True(unchanged.Unchanged);
        Assert.Same(first, unchanged.Knowledge);

        var notes = Path.Combine(_empty, "notes.md");
        await File.WriteAllTextAsync(notes, $"# Notes\n\nA note written for test {Guid.NewGuid():N}. It says one thing.\n", ct);
        var added = await provider.RefreshAsync(cancellationToken: ct);
        Assert.Equal(["notes"], added.Added);
        Assert.Empty(added.Changed);
        Assert.InRange(added.Embedded, 1, 20);
        Assert.Equal(1, added.Knowledge.Report.DocumentsWritten); // the paper's stored points are still valid
        Assert.Same(added.Knowledge, provider.Current);
        Assert.Equal(paperIndexed, added.Knowledge.IndexedAt("paper"));
        Assert.NotNull(added.Knowledge.IndexedAt("notes"));

        await File.AppendAllTextAsync(notes, $"It adds a second thing, {Guid.NewGuid():N}.\n", ct);
        var changed = await provider.RefreshAsync(cancellationToken: ct);
        Assert.Equal(["notes"], changed.Changed);
        Assert.InRange(changed.Embedded, 1, 20);
        Assert.Equal(1, changed.Knowledge.Report.DocumentsWritten);

        File.Delete(notes);
        var removed = await provider.RefreshAsync(cancellationToken: ct);
        Assert.Equal(["notes"], removed.Removed);
        Assert.Equal(["paper"], removed.Knowledge.Documents.Select(d => d.Id));
        Assert.Equal(0, removed.Embedded);
    }

    [Fact]
    public async Task RefreshAsync_FolderEmptied_ThePreviousReadingsKeepServing()
    {
        var ct = TestContext.Current.CancellationToken;
        var paper = Path.Combine(_empty, "paper.txt");
        File.Copy(Path.Combine(fixture.KnowledgeFolder, "russia-pakistan-paper.txt"), paper);
        var logger = new FakeLogger<KnowledgeBaseProvider>();
        var provider = Provider(_empty, fixture.NewCache(), logger);
        var first = await provider.GetAsync(ct);

        File.Delete(paper);
        var refresh = await provider.RefreshAsync(cancellationToken: ct);

        Assert.Same(first, refresh.Knowledge);
        Assert.Same(first, provider.Current);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Id.Id == 1015 && r.Message.Contains("keep serving", StringComparison.Ordinal));
    }

    private sealed class Recorder(List<EmbeddingProgress> reports) : IProgress<EmbeddingProgress>
    {
        public void Report(EmbeddingProgress value) => reports.Add(value);
    }
}
