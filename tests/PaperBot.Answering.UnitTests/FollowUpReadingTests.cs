using PaperBot.Answering.Conversations;
using PaperBot.Storage;

namespace PaperBot.Answering.UnitTests;

/// <summary>Which phrase of the last question a pronoun of a follow-up stands for.</summary>
public sealed class FollowUpReadingTests
{
    [Theory]
    // "they" is plural: the phrase that names several things, not the weightier name of one.
    [InlineData("What did the Valley Honey Cooperative do with its hives?", "where were they?", "‘they’ as hives")]
    // "it" is one thing: the cooperative, not the weightier apiaries.
    [InlineData("Who paid the cooperative for its new apiaries in 1999?", "when was it founded?", "‘it’ as the cooperative")]
    // "she" is a person the reading names, not the weightier name of a thing.
    [InlineData("What did Director Mara Voss say about the Valley Honey Cooperative?", "what did she say about the harvest?", "‘she’ as Director Mara Voss")]
    public async Task Read_APronoun_StandsForThePhraseItAgreesWith(string previous, string followUp, string expected)
    {
        var (_, _, readings) = await TestReadings.ServiceAsync();
        var turn = new ConversationTurn(previous, FollowUps.SubjectOf(previous, readings)!, []);

        var reading = FollowUps.Read(followUp, turn, readings);

        Assert.NotNull(reading);
        Assert.Equal("Taking " + expected, reading.Interpretation);
    }

    [Theory]
    [InlineData("and the other company?", "When did the Marsh Company move its intake upstream to Ditton?")] // the same question of the other
    [InlineData("and the other company? where did it get its water", "where did the Marsh Company get")] // its own question, its pronoun the other too
    public async Task Read_TheOtherOfAKind_IsTheReadingsOtherNameWithTheSameLastWord(string followUp, string expected)
    {
        const string Water = """
            # 1. Water

            The Harbour Company and the Marsh Company laid pipes in the same streets. In 1852 the Harbour Company moved its intake upstream to Ditton. The Marsh Company kept drawing water at Battersea.
            """;
        var knowledge = await PaperBot.Testing.InMemoryReadings.BuildAsync(new PaperBot.Testing.StandInEmbedder(TestReadings.Synonyms), ("water.md", Water, null));
        var readings = new PaperBot.Answering.Readings.ReadingIndex(knowledge);
        var previous = "When did the Harbour Company move its intake upstream to Ditton?";

        var reading = FollowUps.Read(followUp, new ConversationTurn(previous, FollowUps.SubjectOf(previous, readings)!, ["1"]), readings);

        Assert.NotNull(reading);
        Assert.Equal("Taking ‘the other company’ as the Marsh Company", reading.Interpretation);
        Assert.Contains(expected, reading.ResolvedQuestion, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour", reading.ResolvedQuestion, StringComparison.Ordinal);
        Assert.Null(FollowUps.OtherOfKind("company", new ConversationTurn("When did the council meet?", "the council", ["1"]), readings)); // the last question named none
    }

    /// <summary>The follow-up read after the previous question over the trams reading, its subject as the service works it out.</summary>
    private static async Task<FollowUpReading?> ReadAfterAsync(string previous, string followUp)
    {
        var (_, _, readings) = await TestReadings.ServiceAsync(withTrams: true);
        return FollowUps.Read(followUp, new ConversationTurn(previous, FollowUps.SubjectOf(previous, readings)!, []), readings);
    }

    [Fact]
    public async Task Read_ThatSameYear_IsTheYearOfTheLastQuestion()
    {
        var reading = await ReadAfterAsync("How much did the first line cost when it opened in 2010?", "what did the town of Kestel buy that same year?");

        Assert.NotNull(reading);
        Assert.Equal("what did the town of Kestel buy 2010?", reading.ResolvedQuestion);
        Assert.Equal("Taking ‘that same year’ as 2010", reading.Interpretation);
    }

    [Fact]
    public async Task Read_ThatBeforeAVerb_StandsAlone_NotWithTheVerbAsItsNoun()
    {
        var reading = await ReadAfterAsync("How much did the first line cost?", "how was that funded?");

        Assert.NotNull(reading);
        Assert.StartsWith("Taking ‘that’", reading.Interpretation, StringComparison.Ordinal);
    }

    [Theory]
    // "it" is not what the follow-up names itself: the depot, not the board it asks about.
    [InlineData("When did the Harbour Transit Board take over the city's depot?", "why did the Harbour Transit Board want it?", "the city's depot")]
    public async Task Read_APronoun_DoesNotStandForWhatTheFollowUpNamesItself(string previous, string followUp, string expected)
    {
        var (_, _, readings) = await TestReadings.ServiceAsync(withTrams: true);
        var turn = new ConversationTurn(previous, FollowUps.SubjectOf(previous, readings)!, []);

        var reading = FollowUps.Read(followUp, turn, readings);

        Assert.NotNull(reading);
        Assert.Equal($"Taking ‘it’ as {expected}", reading.Interpretation);
        Assert.NotNull(reading);
        Assert.Equal($"Taking ‘it’ as {expected}", reading.Interpretation);
    }

    [Fact]
    public async Task SubjectOf_AMonth_IsWhenSomethingHappenedNotWhatTheQuestionIsAbout()
    {
        var (_, _, readings) = await TestReadings.ServiceAsync();

        Assert.Equal("the colonies", FollowUps.SubjectOf("What killed the colonies in March 1998?", readings));
        Assert.Null(FollowUps.SubjectOf("What happened in March?", readings));
    }

    [Theory]
    [InlineData("the first ever joint exercise", "and when was the third one held?", "the joint exercise")]
    [InlineData("the first line", "when did the 2nd open?", "the line")]
    [InlineData("the Second Tram Fair", "and the third one?", "the Second Tram Fair")] // a name keeps its ordinal
    [InlineData("the first line", "and the first one?", "the first line")] // the same place: kept
    [InlineData("the first line", "when did it open?", "the first line")] // no ordinal asked: kept
    public void WithoutOtherOrdinal_DropsTheLastSubjectsPlaceWhenTheFollowUpPicksAnother(string subject, string followUp, string expected) =>
        Assert.Equal(expected, FollowUps.WithoutOtherOrdinal(subject, followUp));

    [Theory]
    [InlineData("What did the valley harvest reach by 2004?", "and 2005?", "What did the valley harvest reach by 2005?")] // a number for a number
    [InlineData("What does VHC stand for?", "And DLR?", "What does DLR stand for?")] // an acronym for an acronym
    [InlineData("When did Director Mara Voss found the cooperative?", "what about Tomas Reyl?", "When did Director Tomas Reyl found the cooperative?")] // a name replaced whole
    [InlineData("When did Director Mara Voss found the cooperative?", "and when did he do that?", null)] // a new question
    [InlineData("When did Director Mara Voss found the cooperative?", "and the hives?", null)] // not a name: the same subject goes on
    [InlineData("What does VHC stand for?", "what about relations with them?", null)] // not a name of the readings
    [InlineData("What did Mayor Tomas Reyl propose in 2005?", "and 2006?", "What did Mayor Tomas Reyl propose in 2006?")] // a year for a year
    [InlineData("What did Mayor Tomas Reyl propose in 2005?", "and by 2006?", "What did Mayor Tomas Reyl propose in 2006?")] // the year after its own preposition
    [InlineData("When was the Harbour Transit Board set up?", "and the Doria Light Rail?", "When was the Doria Light Rail set up?")] // "the" not doubled
    [InlineData("When was the Harbour Transit Board set up?", "and I?", null)]
    [InlineData("Whom did the Harbour and Transit Board hire?", "and the Doria Light Board?", "Whom did the Doria Light Board hire?")] // "X and Y Board" is one name when the new one is a board too
    [InlineData("When did Lisbon and Porto sign?", "what about Faro?", "When did Faro and Porto sign?")] // two names: one replaced
    public async Task Instead_WhatAboutAnother_IsTheLastQuestionAskedOfIt(string previous, string followUp, string? expected)
    {
        var (_, _, readings) = await TestReadings.ServiceAsync(withTrams: true);

        Assert.Equal(expected, FollowUps.Instead(followUp, previous, readings));
    }

    [Theory]
    [InlineData("Who proposed the Doria Light Rail?", "and when did he do that?", "and when did the one who proposed the Doria Light Rail do that?")] // he is whom the last answer named
    [InlineData("What's the main aim of the paper?", "and what does it conclude?", "and what does the paper conclude?")] // it is the reading asked about
    public async Task Read_APronounForWhatTheLastAnswerNamed_StandsForIt(string previous, string followUp, string expected)
    {
        var (_, _, readings) = await TestReadings.ServiceAsync(withTrams: true);
        var turn = new ConversationTurn(previous, FollowUps.SubjectOf(previous, readings) ?? "the paper", []);

        var reading = FollowUps.Read(followUp, turn, readings);

        Assert.Equal(expected, reading?.ResolvedQuestion);
    }

    [Theory]
    [InlineData("Who proposed the Doria Light Rail?", "the one who proposed the Doria Light Rail")]
    [InlineData("Which harbour engineer designed the bridge?", "the harbour engineer who designed the bridge")]
    [InlineData("which Lisbon city official signed the deal?", "the Lisbon city official who signed the deal")]
    [InlineData("Which leader did the council elect?", null)] // the leader is the one elected, not who did it
    [InlineData("Which bridge did the engineer design?", null)]
    [InlineData("What is the capital of the region?", null)]
    [InlineData("Who was the mayor?", null)]
    public void WhoWasAsked_IsThePersonTheQuestionDescribes(string question, string? expected) =>
        Assert.Equal(expected, FollowUps.WhoWasAsked(question));

    [Theory]
    [InlineData("When was the cooperative founded?", "and why?", "and why (cooperative founded)?")] // nothing of its own: the whole last question's matter
    [InlineData("Which apiaries did the cooperative pool?", "how many hives?", "how many hives (apiaries did the cooperative pool)?")]
    public async Task Read_AFollowUpWithNothingOfItsOwn_AsksTheLastQuestionsMatter(string previous, string followUp, string expected)
    {
        var (_, _, readings) = await TestReadings.ServiceAsync();
        var turn = new ConversationTurn(previous, FollowUps.SubjectOf(previous, readings) ?? "the paper", []);

        var reading = FollowUps.Read(followUp, turn, readings);

        Assert.Equal(expected, reading?.ResolvedQuestion);
    }

    [Fact]
    public async Task Read_AFollowUpWithANameOfItsOwn_KeepsOnlyTheSubject()
    {
        var (_, _, readings) = await TestReadings.ServiceAsync();
        var turn = new ConversationTurn("When did the cooperative pool its hives?", "the cooperative", []);

        var reading = FollowUps.Read("and what did Director Mara Voss say?", turn, readings);

        Assert.NotNull(reading);
        Assert.DoesNotContain("pool", reading.ResolvedQuestion, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("When was the cooperative founded?", "cooperative founded")]
    [InlineData("and how many hives did the cooperative pool in 2004?", "hives did the cooperative pool in 2004")]
    public void MatterOf_IsTheQuestionWithoutTheWordsThatAsk(string question, string expected) =>
        Assert.Equal(expected, FollowUps.MatterOf(question));

    [Theory]
    [InlineData("When did the cooperative pool its hives?", "how did the council react to that?", "how did the council react to cooperative pool its hives?")] // the event asked about
    [InlineData("When did the cooperative pool its hives?", "was that a success?", null)] // "that" before more words: not the event
    public async Task Read_ThatAtTheEnd_IsWhatTheLastQuestionAskedAbout(string previous, string followUp, string? expected)
    {
        var (_, _, readings) = await TestReadings.ServiceAsync();
        var turn = new ConversationTurn(previous, "the cooperative", []);

        var reading = FollowUps.Read(followUp, turn, readings);

        if (expected is null)
        {
            Assert.DoesNotContain("pool its hives", reading?.ResolvedQuestion ?? string.Empty, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, reading?.ResolvedQuestion);
            Assert.Contains("asked about", reading!.Interpretation, StringComparison.Ordinal);
        }
    }
}
