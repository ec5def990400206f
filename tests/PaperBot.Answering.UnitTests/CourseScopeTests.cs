using PaperBot.Answering.Readings;

namespace PaperBot.Answering.UnitTests;

/// <summary>Look-ups that replace scans of the readings' text, and answers asked within some of the readings.</summary>
public sealed class CourseScopeTests
{
    [Theory]
    [InlineData("shared hives", true)]
    [InlineData("Shared Hive", true)] // a plural "s" after the phrase
    [InlineData("hive", true)]
    [InlineData("apiaries", true)]
    [InlineData("apiar", false)] // not a whole word
    [InlineData("hives belong", true)] // across the quotation's words
    [InlineData("“the hives belong to the valley", true)] // typographic quotes folded
    [InlineData("18 tonnes", true)]
    [InlineData("340", true)]
    [InlineData("34", false)]
    [InlineData("40 euros a year", true)]
    [InlineData("euros a month", false)]
    [InlineData("light rail", true)] // the second reading
    [InlineData("valley light", false)]
    [InlineData("", true)]
    public async Task ContainsPhrase_WholeWordsAsWritten(string phrase, bool expected)
    {
        var (_, _, readings) = await TestReadings.ServiceAsync(withTrams: true);

        Assert.Equal(expected, readings.ContainsPhrase(phrase));
    }

    [Fact]
    public async Task ContainsPhrase_SameAsAScanOfTheText_ForEveryWordPairOfTheReadings()
    {
        // The look-up must agree with reading the folded text from end to end, for phrases that are there and not.
        var (_, knowledge, readings) = await TestReadings.ServiceAsync(withTrams: true);
        var text = " " + ReadingIndex.Normalise(string.Join(" ", knowledge.AllSentences().Select(s => s.Text).Concat(knowledge.Documents.SelectMany(d => d.Sections).Select(s => s.Title)))) + " ";
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var phrases = words.Zip(words.Skip(1), (a, b) => $"{a} {b}")
            .Concat(words)
            .Concat(words.Select(w => w.Length > 3 ? w[..^1] : w + "x"))
            .Concat(words.Zip(words.Skip(2), (a, c) => $"{a} {c}"))
            .Distinct()
            .ToList();

        foreach (var phrase in phrases)
        {
            Assert.True(Scan(text, ReadingIndex.Normalise(phrase).Trim()) == readings.ContainsPhrase(phrase), phrase);
        }
    }

    [Fact]
    public async Task AskAsync_WithinOneReading_CitesOnlyIt()
    {
        var (service, knowledge, _) = await TestReadings.ServiceAsync(withTrams: true);
        var trams = knowledge.Documents.Single(d => d.Id == "trams").Id;

        var within = await service.AskAsync(new AskRequest("When did the first line open?") { Readings = [trams] }, TestContext.Current.CancellationToken);
        var elsewhere = await service.AskAsync(new AskRequest("How many hives did the cooperative pool?") { Readings = [trams] }, TestContext.Current.CancellationToken);
        var everywhere = await service.AskAsync(new AskRequest("How many hives did the cooperative pool?"), TestContext.Current.CancellationToken);

        Assert.Equal(AnswerStatus.Answered, within.Status);
        Assert.NotEmpty(within.Citations);
        Assert.All(within.Citations, c => Assert.Equal(trams, c.DocumentId));
        Assert.DoesNotContain(elsewhere.Citations, c => c.DocumentId != trams);
        Assert.NotEqual(AnswerStatus.Answered, elsewhere.Status);
        Assert.Contains(everywhere.Citations, c => c.DocumentId == "bees");
    }

    /// <summary>The rule as a scan: anywhere in the text, word boundary before, and after it nothing, a non-letter, or "s".</summary>
    private static bool Scan(string text, string folded)
    {
        if (folded.Length == 0)
        {
            return true;
        }

        for (var index = text.IndexOf(folded, StringComparison.Ordinal); index >= 0; index = text.IndexOf(folded, index + 1, StringComparison.Ordinal))
        {
            var after = index + folded.Length < text.Length ? text[index + folded.Length] : ' ';
            if (!char.IsLetterOrDigit(text[index - 1]) && (!char.IsLetterOrDigit(after) || after == 's'))
            {
                return true;
            }
        }

        return false;
    }
}
