namespace PaperBot.Knowledge.Documents;

/// <summary>A loaded reading: its sections (a tree, flattened in reading order), paragraphs and sentences.</summary>
public sealed record PaperDocument(
    string Id,
    string DisplayName,
    DocumentMetadata Metadata,
    IReadOnlyList<Section> Sections,
    string ContentHash,
    string SourcePath)
{
    /// <summary>Finds a section by its printed id (<c>3.II</c>), ignoring case.</summary>
    public Section? FindSection(string sectionId) =>
        Sections.FirstOrDefault(s => string.Equals(s.Id, sectionId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The top-level sections, in reading order.</summary>
    public IEnumerable<Section> TopLevel => Sections.Where(s => s.ParentId is null);

    /// <summary>The direct subsections of a section.</summary>
    public IEnumerable<Section> ChildrenOf(string sectionId) =>
        Sections.Where(s => string.Equals(s.ParentId, sectionId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every sentence of the document in reading order, with where it stands.</summary>
    public IEnumerable<LocatedSentence> AllSentences() =>
        from section in Sections
        from paragraph in section.Paragraphs
        from sentence in paragraph.Sentences
        select new LocatedSentence(Id, section, paragraph.Number, sentence);
}

/// <summary>Display metadata, from an optional sidecar <c>&lt;file&gt;.json</c>.</summary>
public sealed record DocumentMetadata(string? Title, IReadOnlyList<string> Authors, int? Year, string? Url)
{
    public static DocumentMetadata Empty { get; } = new(null, [], null, null);

    /// <summary>Where the reading was published (a journal, a book), when the sidecar says.</summary>
    public string? Venue { get; init; }

    /// <summary>
    /// Other names for things the reading names, as the instructor lists them beside the reading: a question about
    /// "Washington" is about the reading's "U.S".
    /// </summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();
}

/// <summary>A section with its id as printed in the paper (<c>abstract</c>, <c>3</c>, <c>3.II</c>).</summary>
public sealed record Section(string Id, string Title, int Level, string? ParentId, IReadOnlyList<Paragraph> Paragraphs)
{
    /// <summary>How a citation names the section: <c>§3.II North-South Gas Pipeline (NSGP) Project</c>.</summary>
    public string Label => SectionLabel.Format(Id, Title);
}

/// <summary>A paragraph, numbered from 1 within its section.</summary>
public sealed record Paragraph(int Number, IReadOnlyList<Sentence> Sentences)
{
    public string Text => string.Join(" ", Sentences.Select(s => s.Text));
}

/// <summary>A cleaned sentence: a faithful copy of the source, numbered from 0 within its paragraph.</summary>
public sealed record Sentence(int Index, string Text);

/// <summary>A sentence together with the document, section and paragraph it belongs to.</summary>
public sealed record LocatedSentence(string DocumentId, Section Section, int Paragraph, Sentence Sentence)
{
    public string Text => Sentence.Text;
}

/// <summary>Formats section labels the same way for every front end.</summary>
public static class SectionLabel
{
    public static string Format(string sectionId, string title) =>
        string.Equals(sectionId, "abstract", StringComparison.OrdinalIgnoreCase) ? title : $"§{sectionId} {title}";
}
