using PaperBot.Knowledge.Documents;

namespace PaperBot.Knowledge.Chunking;

/// <summary>
/// A retrieval unit: consecutive sentences of one section (a window, or one paragraph). It never crosses a section boundary.
/// </summary>
public sealed record Chunk(
    string Id,
    string DocumentId,
    string SectionId,
    string SectionTitle,
    int Paragraph,
    int Ordinal,
    IReadOnlyList<LocatedSentence> Sentences,
    string Heading)
{
    /// <summary>The paper's words, as shown to people.</summary>
    public string Text { get; } = string.Join(" ", Sentences.Select(s => s.Text));

    /// <summary>
    /// What is embedded and indexed: the section's heading path, then the text. A passage about "the project" then
    /// still matches a question about the pipeline its section is titled after.
    /// </summary>
    public string IndexText => $"{Heading}: {Text}";
}

/// <summary>How the paper is cut into chunks.</summary>
public sealed class ChunkingOptions
{
    public const string SectionName = "Chunking";

    /// <summary><c>window</c>: sliding windows of sentences within a section; <c>paragraph</c>: one chunk a paragraph.</summary>
    public string Mode { get; set; } = "window";

    /// <summary>Sentences per window.</summary>
    public int WindowSentences { get; set; } = 3;

    /// <summary>Sentences shared by consecutive windows.</summary>
    public int OverlapSentences { get; set; } = 1;

    /// <summary>A stable description, part of the embedding cache key.</summary>
    public string Describe() => $"{Mode}:{WindowSentences}:{OverlapSentences}";
}

/// <summary>Cuts documents into chunks that never cross a section boundary.</summary>
public static class Chunker
{
    public static IReadOnlyList<Chunk> Chunk(PaperDocument document, ChunkingOptions options)
    {
        var chunks = new List<Chunk>();
        foreach (var section in document.Sections)
        {
            if (options.Mode.Equals("paragraph", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var paragraph in section.Paragraphs)
                {
                    var sentences = paragraph.Sentences.Select(s => new LocatedSentence(document.Id, section, paragraph.Number, s)).ToList();
                    Add(chunks, document, section, sentences);
                }

                continue;
            }

            var all = section.Paragraphs
                .SelectMany(p => p.Sentences.Select(s => new LocatedSentence(document.Id, section, p.Number, s)))
                .ToList();
            var size = Math.Max(1, options.WindowSentences);
            var step = Math.Max(1, size - Math.Clamp(options.OverlapSentences, 0, size - 1));
            for (var start = 0; start < all.Count; start += step)
            {
                var window = all.Skip(start).Take(size).ToList();
                Add(chunks, document, section, window);
                if (start + size >= all.Count)
                {
                    break;
                }
            }
        }

        return chunks;
    }

    private static string HeadingPath(PaperDocument document, Section section)
    {
        var parent = section.ParentId is null ? null : document.FindSection(section.ParentId);
        return parent is null ? section.Title : $"{parent.Title}. {section.Title}";
    }

    private static void Add(List<Chunk> chunks, PaperDocument document, Section section, List<LocatedSentence> sentences)
    {
        if (sentences.Count == 0)
        {
            return;
        }

        var ordinal = chunks.Count(c => c.SectionId == section.Id);
        chunks.Add(new Chunk(
            $"{document.Id}#{section.Id}#{ordinal}",
            document.Id,
            section.Id,
            section.Title,
            sentences[0].Paragraph,
            ordinal,
            sentences,
            HeadingPath(document, section)));
    }
}
