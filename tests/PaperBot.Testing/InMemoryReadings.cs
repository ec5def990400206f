using PaperBot.Knowledge.Chunking;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Testing;

/// <summary>Small readings written in a test, indexed in memory with the <see cref="StandInEmbedder"/>: no files, no model.</summary>
public static class InMemoryReadings
{
    /// <summary>A knowledge base over Markdown readings given as (file name, text, optional metadata).</summary>
    public static async Task<KnowledgeBase> BuildAsync(StandInEmbedder embedder, params (string FileName, string Markdown, DocumentMetadata? Metadata)[] readings)
    {
        var documents = readings
            .Select(r =>
            {
                var document = DocumentLoader.Parse(r.Markdown, r.FileName);
                return r.Metadata is null ? document : document with { Metadata = r.Metadata, DisplayName = r.Metadata.Title ?? document.DisplayName };
            })
            .ToList();
        return await KnowledgeBase.BuildAsync(
            new LoadResult(documents, []), new ChunkingOptions(), embedder, new EmbeddingCache(null, "stand-in"),
            new EmbeddedChunkStore(), StandInEmbedder.QueryPrefix, CancellationToken.None);
    }
}
