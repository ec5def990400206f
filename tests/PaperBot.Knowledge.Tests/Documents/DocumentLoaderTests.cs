using PaperBot.Knowledge.Documents;

namespace PaperBot.Knowledge.Tests.Documents;

public sealed class DocumentLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paperbot-loader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LoadFolder_EmptyBinaryAndGoodFiles_SkipsTheBadOnesWithOneLineWarnings()
    {
        File.WriteAllText(Path.Combine(_folder, "good.txt"), " 1. INTRODUCTION \n\nA first sentence here. A second one follows.\n");
        File.WriteAllBytes(Path.Combine(_folder, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(_folder, "binary.md"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x10]);
        File.WriteAllBytes(Path.Combine(_folder, "latin1.txt"), [0x63, 0x61, 0x66, 0xE9, 0x20, 0x61, 0x6E, 0x64]);
        File.WriteAllText(Path.Combine(_folder, "ignored.csv"), "a,b");

        var result = DocumentLoader.LoadFolder(_folder);

        var document = Assert.Single(result.Documents);
        Assert.Equal("good", document.Id);
        Assert.Equal(3, result.Warnings.Count);
        Assert.All(result.Warnings, w => Assert.DoesNotContain('\n', w));
        Assert.Contains(result.Warnings, w => w.Contains("empty.txt", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("binary.md", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("latin1.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadFolder_MissingFolder_ReportsInsteadOfThrowing()
    {
        var result = DocumentLoader.LoadFolder(Path.Combine(_folder, "nope"));

        Assert.Empty(result.Documents);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void LoadFolder_Sidecar_GivesTheDisplayMetadata()
    {
        File.WriteAllText(Path.Combine(_folder, "reading.md"), "# Background\n\nSome text. More text.\n");
        File.WriteAllText(Path.Combine(_folder, "reading.md.json"), """{"title": "A Reading", "authors": ["A. Author"], "year": 2021, "url": "https://example.org/r"}""");

        var document = Assert.Single(DocumentLoader.LoadFolder(_folder).Documents);

        Assert.Equal("A Reading", document.DisplayName);
        Assert.Equal(["A. Author"], document.Metadata.Authors);
        Assert.Equal(2021, document.Metadata.Year);
    }

    [Theory]
    [InlineData("russia-pakistan-paper.txt", "Russia Pakistan Paper")]
    [InlineData("week_3 notes.md", "Week 3 Notes")]
    [InlineData("-.txt", "-.txt")]
    public void Readable_IsTheFileNameAsWords(string file, string expected) =>
        Assert.Equal(expected, DocumentLoader.Readable(Path.Combine("/readings", file)));

    [Fact]
    public void LoadFolder_MalformedSidecar_LoadsTheDocumentAndWarns()
    {
        File.WriteAllText(Path.Combine(_folder, "reading.txt"), "Some text here. And more.\n");
        File.WriteAllText(Path.Combine(_folder, "reading.txt.json"), "{ not json");

        var result = DocumentLoader.LoadFolder(_folder);

        Assert.Equal("Reading", Assert.Single(result.Documents).DisplayName);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void Parse_Markdown_NumberedHeadingsKeepTheirIds()
    {
        var document = DocumentLoader.Parse("# 1. Introduction\n\nFirst para. Two.\n\n## II. The Second Part\n\nBody text here.\n\n# 2. Conclusion\n\nEnd.\n", "notes.md");

        Assert.Equal(["1", "1.II", "2"], document.Sections.Select(s => s.Id));
        Assert.Equal("The Second Part", document.FindSection("1.II")!.Title);
    }
}
