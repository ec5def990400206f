using PaperBot.Knowledge.Chunking;

namespace PaperBot.Knowledge.Retrieval;

/// <summary>One search result: where it is in the paper, its text and its fused score.</summary>
public sealed record SearchHit(Chunk Chunk, double Score)
{
    public string DocumentId => Chunk.DocumentId;

    public string SectionId => Chunk.SectionId;

    public string SectionTitle => Chunk.SectionTitle;

    public int Paragraph => Chunk.Paragraph;

    public string Text => Chunk.Text;
}
