using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Lexical;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Retrieval.Qdrant.Tests.Fakes;

internal static class TestChunks
{
    /// <summary>Chunks of one document, one sentence each, spread over two sections, with fake vectors.</summary>
    public static IReadOnlyList<StoredChunk> For(string documentId, params string[] sentences)
    {
        var encoder = Bm25Encoder.Fit(sentences);
        return sentences.Select((text, i) =>
        {
            var section = new Section(i % 2 == 0 ? "1" : "2", i % 2 == 0 ? "Pipelines" : "Arms", 1, null, []);
            var ordinal = i / 2;
            var located = new LocatedSentence(documentId, section, 1, new Sentence(i, text));
            var chunk = new Chunk($"{documentId}#{section.Id}#{ordinal}", documentId, section.Id, section.Title, 1, ordinal, [located], section.Title);
            return new StoredChunk(chunk, FakeEmbeddingGenerator.Vector(text), encoder.EncodePassage(text));
        }).ToList();
    }

    /// <summary>A small readings folder in a temp directory, removed on dispose.</summary>
    public static TempFolder Readings(string fileName, string text)
    {
        var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, fileName), text);
        return folder;
    }

    public const string SmallPaper =
        "# Pipelines\n\nThe North-South gas pipeline runs from Karachi to Lahore. It carries liquefied natural gas. Russia agreed to build it.\n\n" +
        "# Arms\n\nRussia sold Mi-35 helicopters to Pakistan. The deal was signed in 2015. Joint exercises followed.\n";
}

internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "paperbot-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
