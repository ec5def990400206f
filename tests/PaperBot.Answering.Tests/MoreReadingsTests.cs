using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Documents;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PaperBot.Answering.Tests;

/// <summary>A knowledge folder with the paper, a PDF made here, and a corrupt PDF: the readable ones load and are searched.</summary>
public sealed class MoreReadingsTests
{
    internal const string PdfName = "arctic-shipping.pdf";

    /// <summary>A two-section PDF in Helvetica: headings "1. INTRODUCTION" and "2. FINDINGS", a few sentences each.</summary>
    internal static byte[] MakePdf()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        var y = 780.0;
        void Line(string text, double gap = 16)
        {
            page.AddText(text, 11, new PdfPoint(60, y), font);
            y -= gap;
        }

        Line("1. INTRODUCTION", 24);
        Line("Arctic shipping lanes open for longer each summer as the sea ice retreats.");
        Line("This reading looks at the Northern Sea Route along the coast of Siberia.", 24);
        Line("2. FINDINGS", 24);
        Line("The icebreaker fleet of Murmansk escorted ninety-two convoys through the route in the survey year.");
        Line("Insurance premiums for polar voyages fell by a third over the same period.");
        return builder.Build();
    }

    [Fact]
    public void TryLoadFile_AGeneratedPdf_HasItsNumberedSections()
    {
        var folder = Directory.CreateTempSubdirectory("paperbot-pdf-");
        try
        {
            var path = Path.Combine(folder.FullName, PdfName);
            File.WriteAllBytes(path, MakePdf());

            var (document, warning) = DocumentLoader.TryLoadFile(path);

            Assert.Null(warning);
            Assert.NotNull(document);
            Assert.Equal(["1", "2"], document.Sections.Select(s => s.Id));
            Assert.Equal(["Introduction", "Findings"], document.Sections.Select(s => s.Title));
            Assert.Contains(document.AllSentences(), s => s.Section.Id == "2" && s.Text == "Insurance premiums for polar voyages fell by a third over the same period.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AskAsync_PaperPlusPdfPlusCorruptPdf_AnswersFromThePdfAndNamesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("paperbot-readings-");
        var cache = Path.Combine(folder.FullName, ".cache");
        var knowledge = Directory.CreateDirectory(Path.Combine(folder.FullName, "knowledge")).FullName;
        try
        {
            File.Copy(PathResolver.ResolveFile("knowledge/russia-pakistan-paper.txt"), Path.Combine(knowledge, "russia-pakistan-paper.txt"));
            File.WriteAllBytes(Path.Combine(knowledge, PdfName), MakePdf());
            File.WriteAllBytes(Path.Combine(knowledge, "broken.pdf"), "%PDF-1.7\nthis is not really a pdf"u8.ToArray());

            var loaded = DocumentLoader.LoadFolder(knowledge);
            Assert.Equal(["arctic-shipping", "russia-pakistan-paper"], loaded.Documents.Select(d => d.Id));
            var warning = Assert.Single(loaded.Warnings);
            Assert.StartsWith("skipped broken.pdf:", warning, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', warning);

            // The shipped paper keeps exactly the section ids it has when loaded alone.
            var alone = DocumentLoader.TryLoadFile(PathResolver.ResolveFile("knowledge/russia-pakistan-paper.txt")).Document!;
            Assert.Equal(alone.Sections.Select(s => s.Id), loaded.Documents[1].Sections.Select(s => s.Id));

            var configuration = new ConfigurationBuilder()
                .AddJsonFile(PathResolver.ResolveFile("appsettings.json"), optional: false)
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:CachePath"] = cache, ["Knowledge:Path"] = knowledge })
                .Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            services.AddPaperBotAnswering();
            await using var provider = services.BuildServiceProvider();
            var answers = provider.GetRequiredService<IAnswerService>();

            var answer = await answers.AskAsync("How many convoys did the Murmansk icebreaker fleet escort through the Northern Sea Route?", ct);
            var sources = await answers.AskAsync("sources", ct);
            var paperAnswer = await answers.AskAsync("When did Russia and Pakistan sign the North-South gas pipeline deal?", ct);

            Assert.True(answer.Status == AnswerStatus.Answered, answer.Text + " | " + string.Join(" | ", answer.Evidence));
            Assert.All(answer.Citations, c => Assert.Equal("arctic-shipping", c.DocumentId));
            var citation = Assert.Single(answer.Citations, c => c.SectionId == "2");
            Assert.Equal("Arctic Shipping", citation.DocumentName); // a reading without a title goes by its file name as words
            Assert.Contains("ninety-two convoys", answer.Text, StringComparison.Ordinal);
            Assert.Contains("“Arctic Shipping”", sources.Text, StringComparison.Ordinal);
            Assert.Contains("russia-pakistan-paper", sources.Text, StringComparison.Ordinal);
            Assert.Contains(paperAnswer.Citations, c => c.SectionId == "3.II" && c.DocumentName == "Russia Pakistan Paper");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
