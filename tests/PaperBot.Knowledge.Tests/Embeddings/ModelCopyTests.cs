using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Testing;

namespace PaperBot.Knowledge.Tests.Embeddings;

public sealed class ModelCopyTests(PaperFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paperbot-model-copy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Start_ModelCopyOfTheRightSizeZeroedAtTheStart_IsCopiedAgainAndEmbedsAsBefore()
    {
        var path = ArcticXsEmbeddingGenerator.ExtractModel(_folder, new FakeLogger())!;
        var length = new FileInfo(path).Length;
        using (var file = File.OpenWrite(path))
        {
            file.Write(new byte[4096]);
        }

        Assert.Equal(length, new FileInfo(path).Length);
        var logger = new FakeLogger();

        using var generator = new ArcticXsEmbeddingGenerator(_folder, logger);
        var vector = (await generator.GenerateAsync(["The pipeline runs from Karachi to Lahore."], cancellationToken: TestContext.Current.CancellationToken))[0].Vector.ToArray();

        var expected = (await fixture.Embeddings.GenerateAsync(["The pipeline runs from Karachi to Lahore."], cancellationToken: TestContext.Current.CancellationToken))[0].Vector.ToArray();
        Assert.Equal(expected, vector);
        Assert.Single(logger.Collector.GetSnapshot(), e => e.Level == LogLevel.Warning && e.Message.Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public void ExtractModel_SoundCopy_IsKeptAsIs()
    {
        var path = ArcticXsEmbeddingGenerator.ExtractModel(_folder, new FakeLogger())!;
        var written = File.GetLastWriteTimeUtc(path);
        var logger = new FakeLogger();

        Assert.Equal(path, ArcticXsEmbeddingGenerator.ExtractModel(_folder, logger));

        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Empty(logger.Collector.GetSnapshot());
    }
}
