namespace PaperBot.Knowledge.Documents;

/// <summary>Turns parsed sections into the document model, splitting each paragraph into sentences.</summary>
internal static class SectionAssembler
{
    public static IReadOnlyList<Section> Assemble(IEnumerable<RawSection> rawSections)
    {
        var sections = new List<Section>();
        foreach (var raw in rawSections)
        {
            var paragraphs = new List<Paragraph>();
            foreach (var text in raw.Paragraphs)
            {
                var cleaned = TextCleaner.CollapseWhitespace(text);
                if (cleaned.Length == 0)
                {
                    continue;
                }

                var sentences = SentenceSplitter.Split(cleaned).Select((s, i) => new Sentence(i, s)).ToList();
                paragraphs.Add(new Paragraph(paragraphs.Count + 1, sentences));
            }

            sections.Add(new Section(raw.Id, raw.Title, raw.Level, raw.ParentId, paragraphs));
        }

        // A heading with no text of its own is kept only when it has subsections (section 3 introduces 3.I–3.IV).
        return sections
            .Where(s => s.Paragraphs.Count > 0 || sections.Any(c => c.ParentId == s.Id))
            .ToList();
    }
}
