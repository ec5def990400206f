using System.Text.RegularExpressions;
using PaperBot.Answering.Study;

namespace PaperBot.Answering.Tests;

/// <summary>The study commands over the shipped paper: every sentence shown is the paper's own, with the right section.</summary>
public sealed partial class StudyCommandTests(AnsweringFixture fixture)
{
    private Task<Answer> AskAsync(string command) => fixture.Answers.AskAsync(command, TestContext.Current.CancellationToken);

    private void AssertVerbatim(Citation citation)
    {
        var sentence = fixture.Knowledge.AllSentences().SingleOrDefault(s => s.Text == citation.Quote && s.Section.Id == citation.SectionId && s.Paragraph == citation.Paragraph);
        var heading = citation.Paragraph == 0 && fixture.Knowledge.Documents.Any(d => d.FindSection(citation.SectionId)?.Title == citation.Quote);
        Assert.True(sentence is not null || heading, $"not a sentence of §{citation.SectionId}: {citation.Quote}");
    }

    [Fact]
    public async Task Timeline_ThePaper_HoldsItsDatedEventsInOrderWithVerbatimQuotes()
    {
        var answer = await AskAsync("timeline");

        Assert.Equal(AnswerKinds.Timeline, answer.Kind);
        var lines = answer.Text.Split('\n').Skip(1).ToList();
        Assert.Equal(answer.Citations.Count, lines.Count);
        var dates = new List<string>();
        foreach (var (line, citation) in lines.Zip(answer.Citations))
        {
            AssertVerbatim(citation);
            var date = line[..line.IndexOf(": ", StringComparison.Ordinal)];
            Assert.All(date.Split(Timeline.DateSeparator), d => Assert.Contains(d.Trim('(', ')'), citation.Quote, StringComparison.Ordinal));
            Assert.EndsWith($"{citation.Quote} [{citation.Marker}]", line, StringComparison.Ordinal);
            dates.Add(date);
        }

        // No sentence twice: a sentence with two dates is one entry under both ("October 2014; December 2015").
        Assert.Equal(answer.Citations.Count, answer.Citations.Select(c => c.Quote).Distinct().Count());
        Assert.Contains("October 2014; December 2015", dates);

        // Each expected date, as the paper prints it, is found in the sentence the timeline cites for it.
        var expected = new[] { "1943", "May 1948", "3rd May 1950", "1960", "1999", "2003", "2007", "May 2013", "October 2014", "16th October 2015", "September 24-October 10, 2016", "2017", "2018", "13th August, 2020", "21st and 22nd September, 2020" };
        int Position(string date) => dates.FindIndex(label => label.Split(Timeline.DateSeparator).Contains(date));
        Assert.All(expected, d => Assert.True(Position(d) >= 0, $"{d} is missing"));
        var positions = expected.Select(Position).ToList();
        Assert.Equal(positions.Order(), positions);

        // The years themselves never go backwards.
        var years = dates.Select(d => int.Parse(Year().Match(d).Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(years.Order(), years);
        Assert.Equal("1", answer.Citations[Position("1943")].SectionId);
        Assert.Equal("3.II", answer.Citations[Position("16th October 2015")].SectionId);
        Assert.Equal("3.III", answer.Citations[Position("21st and 22nd September, 2020")].SectionId);
        Assert.Empty(CitationMarkers.UncitedSentences(answer.Text));
    }

    [Theory]
    [InlineData("RLNG", "Regasified Liquified Natural Gas")]
    [InlineData("GIDC", "Gas Infrastructure Development Cess")]
    [InlineData("TAPI", "Turkmenistan- Afghanistan- Pakistan-India")]
    [InlineData("JMCC", "Joint Military Consultative Committee")]
    [InlineData("SEATO", "South-East Asian Treaty Organization")]
    [InlineData("CENTO", "Central Treaty Organization")]
    [InlineData("IMU", "Islamic Movement of Uzbekistan")]
    [InlineData("ISK", "Islamic State of Khurasan")]
    [InlineData("SCO", "Shanghai Cooperation Organization")]
    [InlineData("CPEC", "China Pakistan Economic Corridor")]
    [InlineData("BRI", "Belt and Road Initiative")]
    [InlineData("KPK", "Khyber-Pakhtunkhwa")]
    public async Task Define_AnAcronymThePaperExpands_GivesItsPrintedExpansionCited(string term, string expansion)
    {
        var answer = await AskAsync($"define {term.ToLowerInvariant()}");
        var glossary = await AskAsync("glossary");

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Equal(AnswerKinds.Define, answer.Kind);
        var citation = Assert.Single(answer.Citations);
        Assert.Contains(expansion, citation.Quote, StringComparison.Ordinal);
        Assert.Contains($"({term})", citation.Quote[citation.Quote.IndexOf(expansion, StringComparison.Ordinal)..], StringComparison.Ordinal);
        AssertVerbatim(citation);
        Assert.Contains($"{term}: {expansion} [", glossary.Text, StringComparison.Ordinal);
        Assert.Empty(CitationMarkers.UncitedSentences(answer.Text));
    }

    [Theory]
    [InlineData("NATO")]
    [InlineData("Pakistan")]
    public async Task Define_ATermThePaperDoesNotDefine_IsNotInPaper(string term)
    {
        var answer = await AskAsync($"define {term}");

        Assert.Equal(AnswerStatus.NotInPaper, answer.Status);
        Assert.Empty(answer.Citations);
    }

    [Theory]
    [InlineData("3.II")]
    [InlineData("4")]
    [InlineData("abstract")]
    public async Task Summary_ASection_GivesThreeToFiveOfItsSentencesInReadingOrder(string sectionId)
    {
        var answer = await AskAsync($"summary {sectionId}");

        Assert.Equal(AnswerKinds.Summary, answer.Kind);
        var section = fixture.Knowledge.Documents[0].FindSection(sectionId)!;
        var own = Summaries.SentencesUnder(fixture.Knowledge.Documents[0], section);
        Assert.InRange(answer.Citations.Count, Math.Min(3, own.Count), 5);
        Assert.All(answer.Citations, c => Assert.True(c.SectionId == section.Id || fixture.Knowledge.Documents[0].FindSection(c.SectionId)?.ParentId == section.Id));
        Assert.All(answer.Citations, AssertVerbatim);
        var order = answer.Citations.Select(c => own.FindIndex(s => s.Text == c.Quote)).ToList();
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public async Task Summary_ThePaper_GivesOneCitedClaimPerTopLevelSection()
    {
        var answer = await AskAsync("summary");

        var topLevel = fixture.Knowledge.Documents[0].TopLevel.Select(s => s.Id).ToList();
        Assert.Equal(topLevel.Count, answer.Citations.Count);
        Assert.All(answer.Citations, AssertVerbatim);
        Assert.Empty(CitationMarkers.UncitedSentences(answer.Text));
    }

    [Fact]
    public async Task Summary_AnUnknownSection_IsDeclined()
    {
        var answer = await AskAsync("summary 9.IX");

        Assert.Equal(AnswerStatus.NotInPaper, answer.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 3.III")]
    [InlineData(" 3.II")]
    public async Task Quiz_HidesAFactOfOneSentenceAndRevealsItWithTheCitation(string section)
    {
        var quiz = await AskAsync("quiz" + section);

        Assert.Equal(AnswerKinds.Quiz, quiz.Kind);
        var card = Assert.IsType<QuizCard>(quiz.Quiz);
        Assert.DoesNotContain(card.Citation.Quote, quiz.Text, StringComparison.Ordinal);
        Assert.Contains(QuizMaker.Blank, quiz.Text, StringComparison.Ordinal);
        Assert.Contains(card.HiddenAnswer, card.Citation.Quote, StringComparison.Ordinal);
        Assert.Equal(card.Citation.Quote.Replace(card.HiddenAnswer, QuizMaker.Blank, StringComparison.Ordinal).Length, quiz.Text[(quiz.Text.IndexOf('“') + 1)..quiz.Text.LastIndexOf('”')].Length);
        AssertVerbatim(card.Citation);
        if (section.Length > 0)
        {
            Assert.Equal(section.Trim(), card.Citation.SectionId);
        }

        var reveal = await AskAsync($"reveal {card.Id}");
        Assert.Equal(AnswerKinds.QuizAnswer, reveal.Kind);
        Assert.Contains(card.HiddenAnswer, reveal.Text, StringComparison.Ordinal);
        AssertVerbatim(Assert.Single(reveal.Citations));
        Assert.Empty(CitationMarkers.UncitedSentences(reveal.Text));
    }

    [Fact]
    public async Task Reveal_AnUnknownQuiz_IsRejected()
    {
        var reveal = await AskAsync("reveal 000000000000");

        Assert.Equal(AnswerStatus.Rejected, reveal.Status);
    }

    [Fact]
    public async Task Sources_ThePaper_ListsItWithItsSectionCount()
    {
        var answer = await AskAsync("sources");

        var document = fixture.Knowledge.Documents[0];
        Assert.Equal(AnswerKinds.Sources, answer.Kind);
        Assert.Contains($"“{PaperBot.Answering.Readings.ReadingIndex.TitleOf(document)}” ({document.Id}), {document.Sections.Count} sections, indexed ", answer.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\d{4}")]
    private static partial Regex Year();
}
