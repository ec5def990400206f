using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Testing;

namespace PaperBot.Knowledge.Tests.Embeddings;

/// <summary>Every kind of damage a cache file can suffer is set aside and rebuilt; a start never fails and answers stay right.</summary>
public sealed class EmbeddingCacheDamageTests(PaperFixture fixture) : IDisposable
{
    private const string Model = ArcticXsEmbeddingGenerator.ModelId;
    private const int Dimensions = ArcticXsEmbeddingGenerator.Dimensions;
    private static readonly string[] Texts = ["The pipeline runs from Karachi to Lahore.", "Russia and Pakistan held joint exercises.", "The SCO admitted new members."];
    private readonly string _folder = Directory.CreateTempSubdirectory("paperbot-cache-damage-").FullName;

    private string CacheFile => Path.Combine(_folder, $"embeddings-{Model}.bin");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public enum Damage
    {
        BadLengthPrefix,
        Truncated,
        FlippedBit,
        RandomBytesInVectors,
        WrongDimension,
        NaNVector,
        NotUnitLength,
        OtherModel,
        OldFormat,
        Empty,
    }

    public static TheoryData<Damage> EveryDamage => new(Enum.GetValues<Damage>());

    [Theory]
    [MemberData(nameof(EveryDamage))]
    public async Task Load_DamagedFile_SetAsideWithOneWarningAndRebuilt(Damage damage)
    {
        await WriteSoundCacheAsync();
        File.WriteAllBytes(CacheFile, Damaged(File.ReadAllBytes(CacheFile), damage));
        var logger = new FakeLogger();

        var cache = new EmbeddingCache(_folder, Model, Dimensions, logger);
        var vectors = await cache.GetOrAddAsync(Texts, fixture.Embeddings, TestContext.Current.CancellationToken);

        Assert.Equal(Texts.Length, cache.LastMisses); // nothing of the damaged file was trusted
        Assert.NotNull(cache.SetAsidePath);
        Assert.True(File.Exists(cache.SetAsidePath));
        Assert.Single(logger.Collector.GetSnapshot(), e => e.Level == LogLevel.Warning);
        Assert.All(logger.Collector.GetSnapshot(), e => Assert.Null(e.Exception));
        var expected = await fixture.Embeddings.GenerateAsync(Texts, cancellationToken: TestContext.Current.CancellationToken);
        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.Equal(expected[i].Vector.ToArray(), vectors[i]);
        }

        // The rebuilt file is sound: the next start embeds nothing.
        var next = new EmbeddingCache(_folder, Model, Dimensions);
        await next.GetOrAddAsync(Texts, fixture.Embeddings, TestContext.Current.CancellationToken);
        Assert.Equal(0, next.LastMisses);
        Assert.Null(next.SetAsidePath);
    }

    [Theory]
    [InlineData(Damage.BadLengthPrefix)]
    [InlineData(Damage.WrongDimension)]
    public async Task BuildAsync_PaperOverADamagedCache_StartsAndFindsTheRightSection(Damage damage)
    {
        File.Copy(Path.Combine(fixture.CacheFolder, $"embeddings-{Model}.bin"), CacheFile);
        File.WriteAllBytes(CacheFile, Damaged(File.ReadAllBytes(CacheFile), damage));
        var loaded = DocumentLoader.LoadFolder(fixture.KnowledgeFolder);

        var knowledge = await KnowledgeBase.BuildAsync(loaded, fixture.Chunking, fixture.Embeddings, new EmbeddingCache(_folder, Model, Dimensions), new EmbeddedChunkStore(), ArcticXsEmbeddingGenerator.QueryPrefix, TestContext.Current.CancellationToken);
        var hits = await knowledge.SearchAsync("When was the gas pipeline agreement signed?", 3, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(knowledge.Report.Texts, knowledge.Report.Embedded);
        Assert.Equal("3.II", hits[0].SectionId);
    }

    [Fact]
    public void Load_TheAuditsBadLengthPrefix_DoesNotThrow()
    {
        File.WriteAllBytes(CacheFile, [.. "CEBP"u8, 0x01, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);

        var cache = new EmbeddingCache(_folder, Model, Dimensions);

        Assert.Equal(0, cache.Count);
        Assert.NotNull(cache.SetAsidePath);
    }

    [Fact]
    public async Task Save_TwoWritersLoadedBeforeEitherSaved_KeepBothEntries()
    {
        var first = new EmbeddingCache(_folder, Model, Dimensions);
        var second = new EmbeddingCache(_folder, Model, Dimensions);

        await first.GetOrAddAsync([Texts[0]], fixture.Embeddings, TestContext.Current.CancellationToken);
        await second.GetOrAddAsync([Texts[1]], fixture.Embeddings, TestContext.Current.CancellationToken);

        Assert.Equal(2, new EmbeddingCache(_folder, Model, Dimensions).Count);
    }

    [Fact]
    public async Task Save_ManyWritersAtOnce_LoseNoEntry()
    {
        var writers = Enumerable.Range(0, 6).Select(_ => new EmbeddingCache(_folder, Model, Dimensions)).ToList();

        await Task.WhenAll(writers.Select((cache, i) => Task.Run(() => cache.GetOrAddAsync([$"Study note number {i} about the pipeline."], fixture.Embeddings, TestContext.Current.CancellationToken))));

        Assert.Equal(6, new EmbeddingCache(_folder, Model, Dimensions).Count);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    private async Task WriteSoundCacheAsync()
    {
        var cache = new EmbeddingCache(_folder, Model, Dimensions);
        await cache.GetOrAddAsync(Texts, fixture.Embeddings, TestContext.Current.CancellationToken);
        Assert.Equal(Texts.Length, new EmbeddingCache(_folder, Model, Dimensions).Count);
    }

    private static byte[] Damaged(byte[] sound, Damage damage)
    {
        var entries = EmbeddingCacheFile.Read(sound, Model, Dimensions).Entries!;
        switch (damage)
        {
            case Damage.BadLengthPrefix:
                var bad = (byte[])sound.Clone();
                // The model id's length prefix: a 7-bit encoded length that never ends.
                bad.AsSpan(6, 6).Fill(0xff);
                return bad;
            case Damage.Truncated:
                return sound[..(sound.Length / 2)];
            case Damage.FlippedBit:
                var flipped = (byte[])sound.Clone();
                flipped[sound.Length / 2] ^= 0x10;
                return flipped;
            case Damage.RandomBytesInVectors:
                var random = (byte[])sound.Clone();
                new Random(7).NextBytes(random.AsSpan(sound.Length - 1000, 900));
                return random;
            case Damage.WrongDimension:
                return EmbeddingCacheFile.Write(Model, entries.ToDictionary(e => e.Key, e => Unit(e.Value[..100])));
            case Damage.NaNVector:
                return EmbeddingCacheFile.Write(Model, entries.ToDictionary(e => e.Key, e => e.Value.Select((v, i) => i == 3 ? float.NaN : v).ToArray()));
            case Damage.NotUnitLength:
                return EmbeddingCacheFile.Write(Model, entries.ToDictionary(e => e.Key, e => e.Value.Select(v => v * 3).ToArray()));
            case Damage.OtherModel:
                return EmbeddingCacheFile.Write("some-other-model", entries);
            case Damage.OldFormat:
                using (var buffer = new MemoryStream())
                {
                    using var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true);
                    writer.Write(EmbeddingCacheFile.Magic);
                    writer.Write(entries.Count);
                    foreach (var (key, vector) in entries)
                    {
                        writer.Write(key);
                        writer.Write(vector.Length);
                        foreach (var value in vector)
                        {
                            writer.Write(value);
                        }
                    }

                    writer.Flush();
                    return buffer.ToArray();
                }

            case Damage.Empty:
                return [];
            default:
                throw new ArgumentOutOfRangeException(nameof(damage));
        }
    }

    private static float[] Unit(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }
}
