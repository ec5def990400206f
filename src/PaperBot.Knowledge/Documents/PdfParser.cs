using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace PaperBot.Knowledge.Documents;

/// <summary>
/// Reads the text of a PDF reading with PdfPig and hands it to the same cleaning and heading rules as a plain-text
/// paper: words are put back into printed lines (by baseline, left to right), a wider gap between lines marks a
/// paragraph end, and numbered or capitalised headings become sections. A PDF without such headings gets one
/// section per page (<c>p1</c>, <c>p2</c>, …).
/// </summary>
public static class PdfParser
{
    /// <summary>A PDF that cannot be read (corrupt, encrypted, no text layer), with the one-line reason.</summary>
    public sealed class UnreadablePdfException(string reason) : Exception(reason);

    internal static List<RawSection> Parse(byte[] bytes, string fallbackTitle)
    {
        var pages = ReadPages(bytes);
        if (pages.All(p => p.Trim().Length == 0))
        {
            throw new UnreadablePdfException("no text (a scanned PDF needs OCR first)");
        }

        var sections = PlainTextParser.Parse(string.Join("\n", pages), fallbackTitle);
        if (sections.Any(s => s.Id != "body"))
        {
            return sections;
        }

        // No headings anywhere: the pages are the only structure the reader can point at.
        var byPage = new List<RawSection>();
        for (var i = 0; i < pages.Count; i++)
        {
            var paragraphs = PlainTextParser.Parse(pages[i], fallbackTitle).SelectMany(s => s.Paragraphs).ToList();
            if (paragraphs.Count > 0)
            {
                var number = (i + 1).ToString(CultureInfo.InvariantCulture);
                byPage.Add(new RawSection("p" + number, "Page " + number, 1, null, paragraphs));
            }
        }

        return byPage;
    }

    private static List<string> ReadPages(byte[] bytes)
    {
        try
        {
            using var document = PdfDocument.Open(bytes);
            return document.GetPages().Select(PageText).ToList();
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new UnreadablePdfException("encrypted PDF");
        }
        catch (Exception ex) when (ex is not UnreadablePdfException and not OutOfMemoryException)
        {
            // PdfPig reports damage with many exception types; any of them means this file cannot be read.
            throw new UnreadablePdfException($"not a readable PDF ({ex.GetType().Name})");
        }
    }

    /// <summary>The page's text as printed lines; a whitespace-only line marks a paragraph end for the text parser.</summary>
    private static string PageText(Page page)
    {
        var lines = page.GetWords()
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom / 2.0))
            .OrderByDescending(g => g.Key)
            .Select(g => (Baseline: g.Key * 2.0, Text: string.Join(' ', g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))))
            .ToList();
        if (lines.Count == 0)
        {
            return string.Empty;
        }

        var gaps = lines.Zip(lines.Skip(1), (a, b) => a.Baseline - b.Baseline).Where(g => g > 0).Order().ToList();
        var typicalGap = gaps.Count == 0 ? 0 : gaps[gaps.Count / 2];
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0 && typicalGap > 0 && lines[i - 1].Baseline - lines[i].Baseline > typicalGap * 1.4)
            {
                text.Append("  \n");
            }

            text.Append(lines[i].Text).Append('\n');
        }

        return text.ToString();
    }
}
