using PaperBot.Knowledge.Documents;
using PaperBot.Testing;

namespace PaperBot.Knowledge.Tests.Documents;

/// <summary>The shipped paper, as the loader reads it: sections, titles, repaired ordinals and quotes.</summary>
public sealed class PaperIngestionTests(PaperFixture fixture)
{
    private PaperDocument Paper => fixture.Paper;

    private string AllText => string.Join(" ", Paper.AllSentences().Select(s => s.Text));

    [Fact]
    public void Load_ShippedPaper_HasTheSectionIdsAsPrinted()
    {
        Assert.Equal(["abstract", "1", "2", "3", "3.I", "3.II", "3.III", "3.IV", "4", "5"], Paper.Sections.Select(s => s.Id));
    }

    [Theory]
    [InlineData("abstract", "Abstract")]
    [InlineData("1", "Introduction")]
    [InlineData("2", "Historical Background of Russia-Pakistan Relations")]
    [InlineData("3", "Russia’s Growing Interest in Pakistan")]
    [InlineData("3.I", "Geo-Strategic Significance of China Pakistan Economic Corridor (CPEC)")]
    [InlineData("3.II", "North-South Gas Pipeline (NSGP) Project")]
    [InlineData("3.III", "The Afghan Conundrum and Joint Military Exercises")]
    [InlineData("3.IV", "Shanghai Cooperation Organization (SCO) as a Platform to expand Strategic Ties")]
    [InlineData("4", "Implications on Indo-Russian Relations")]
    [InlineData("5", "Conclusion")]
    public void Load_ShippedPaper_TitlesAreReadableWithoutTrailingColon(string id, string title)
    {
        Assert.Equal(title, Paper.FindSection(id)!.Title);
    }

    [Fact]
    public void Load_ShippedPaper_SubsectionsHangUnderSectionThree()
    {
        Assert.Equal(["3.I", "3.II", "3.III", "3.IV"], Paper.ChildrenOf("3").Select(s => s.Id));
        Assert.All(Paper.TopLevel, s => Assert.Null(s.ParentId));
        Assert.Empty(Paper.FindSection("3")!.Paragraphs);
    }

    [Theory]
    [InlineData("signed an energy deal agreement on 16th October 2015, worth U.S $ 1.7 billion")]
    [InlineData("instead choosed to visit U.S on 3rd May 1950.")]
    [InlineData("military drills in the Caucasus on 21st and 22nd September, 2020")]
    [InlineData("celebrated their 70th anniversary of establishment of diplomatic relations.")]
    [InlineData("After the Supreme Court decision on 13th August, 2020")]
    [InlineData("Since 15th June 2001 Shanghai Cooperation Organization (SCO)")]
    [InlineData("the 18th Annual Bilateral Summit")]
    public void Load_ShippedPaper_OrdinalsAreReattached(string expected)
    {
        Assert.Contains(expected, AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedPaper_QuotesAreRepaired()
    {
        Assert.Contains("Russia’s", AllText, StringComparison.Ordinal);
        Assert.Contains("concluding a ‘Fuel and Power Agreement,’ in 1960", AllText, StringComparison.Ordinal);
        Assert.DoesNotContain('\u201F', AllText);
        Assert.DoesNotContain('\u201E', AllText);
    }

    [Fact]
    public void Load_ShippedPaper_LineEndHyphensAreKeptAndJoined()
    {
        Assert.Contains("analyse the growing geo-strategic interest of Russia", AllText, StringComparison.Ordinal);
        Assert.Contains("within the Afgh-Pak region", AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("geo- strategic", AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedPaper_EveryCleanedSentenceIsTheSourceWithOnlyJoinsAndRepairs()
    {
        // Undo the only permitted changes on the raw file (line joins, ordinal lines, quote characters, whitespace)
        // and every sentence must be found in it.
        var raw = File.ReadAllText(Path.Combine(fixture.KnowledgeFolder, "russia-pakistan-paper.txt"));
        var flattened = TextCleaner.CollapseWhitespace(TextCleaner.RepairQuotes(raw))
            .Replace("- ", "-", StringComparison.Ordinal);
        flattened = System.Text.RegularExpressions.Regex.Replace(flattened, @"(\d) (st|nd|rd|th)\b", "$1$2");
        foreach (var sentence in Paper.AllSentences())
        {
            Assert.Contains(sentence.Text.Replace("- ", "-", StringComparison.Ordinal), flattened, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Load_ShippedPaper_ParagraphsAreNumberedWithinEachSection()
    {
        Assert.All(Paper.Sections, s => Assert.Equal(Enumerable.Range(1, s.Paragraphs.Count), s.Paragraphs.Select(p => p.Number)));
        Assert.Equal(4, Paper.FindSection("3.III")!.Paragraphs.Count);
        Assert.StartsWith("The third joint military exercise Druzhba III", Paper.FindSection("3.III")!.Paragraphs[3].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedPaper_AbbreviationsDoNotSplitSentences()
    {
        var sentences = Paper.AllSentences().Select(s => s.Text).ToList();
        Assert.Contains(sentences, s => s.StartsWith("Following which during the 1970s Gen. Zia agreed", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.Contains("the historic St. Petersburg Declaration: Vision for the 21st Century.", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.Contains("Alexy Y. Dedov also stated", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.Contains("1.2 billion cubic feet per day (bcfd) with a long-term plan to increase it to 1.6 bcfd.", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ShippedPaper_DisplayNameComesFromTheFileName()
    {
        Assert.Equal("russia-pakistan-paper", Paper.Id);
        Assert.Equal("Russia Pakistan Paper", Paper.DisplayName); // a reading without a title goes by its file name as words
    }
}
