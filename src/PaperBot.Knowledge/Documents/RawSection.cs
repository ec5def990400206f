namespace PaperBot.Knowledge.Documents;

/// <summary>What a parser finds before sentences are split: a heading and its paragraphs' cleaned text.</summary>
internal sealed record RawSection(string Id, string Title, int Level, string? ParentId, List<string> Paragraphs);
