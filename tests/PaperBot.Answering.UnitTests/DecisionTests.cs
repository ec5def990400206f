using PaperBot.Answering.Decision;
using PaperBot.Answering.Language;
using PaperBot.Answering.Readings;
using PaperBot.Knowledge.Documents;

namespace PaperBot.Answering.UnitTests;

/// <summary>The rules of the decision: how question words are read, weighed and accounted for, and when that answers.</summary>
public sealed class DecisionTests
{
    private static async Task<ReadingIndex> ReadingsAsync() => (await TestReadings.ServiceAsync()).Readings;

    [Fact]
    public async Task Analyze_FrameWordsAreSetAsideAndRareWordsWeighMost()
    {
        var readings = await ReadingsAsync();

        var analysis = QuestionAnalyzer.Analyze("What does the paper say about the Valley Honey Cooperative and its mites?", readings);

        Assert.DoesNotContain(analysis.Terms, t => t.Word is "what" or "does" or "paper" or "say" or "about");
        var mites = analysis.Terms.Single(t => t.Word == "mites");
        var cooperative = analysis.Terms.Single(t => t.Word == "cooperative");
        Assert.True(mites.Weight > cooperative.Weight, "a word printed once weighs more than one printed in every part");
        Assert.Equal(TermKind.Name, analysis.Terms.Single(t => t.Word == "honey").Kind);
    }

    [Theory]
    [InlineData("Why did the fee rise from 40 to 60 euros?", false)] // the sentence has it the other way round
    [InlineData("Why did the fee fall from 60 to 40 euros?", true)]
    public void Decide_ARangeTheSentenceGivesTheOtherWayRound_IsAFalsePremise(string text, bool answerable)
    {
        var fee = Term("fee", 3);
        var sixty = Term("60", 3, TermKind.Number);
        var forty = Term("40", 3, TermKind.Number);
        var question = new QuestionAnalysis(text, AnswerType.Reason, [fee, sixty, forty], true, false);
        var sentence = Sentence(0, "Members saw the fee cut from 60 to 40 euros a year.", 0.7,
            new TermSupport(fee, 1, SupportKind.Exact), new TermSupport(sixty, 1, SupportKind.Exact), new TermSupport(forty, 1, SupportKind.Exact));

        var verdict = Decide(question, [sentence]);

        Assert.Equal(answerable, verdict.Answerable);
        if (!answerable)
        {
            Assert.Equal(DeclineReasons.FalsePremise, verdict.Reason);
            Assert.Contains(verdict.Evidence, e => e.Measure == "reversed_range");
        }
    }

    [Theory]
    [InlineData("When did the first line open?", true)]
    [InlineData("When did its third line open?", true)]
    [InlineData("Who first proposed the light rail?", false)] // when, not which of a series
    public async Task Analyze_AnOrdinalAfterADeterminer_IsANumberTheSentenceMustGive(string question, bool number)
    {
        var readings = await ReadingsAsync();

        var analysis = QuestionAnalyzer.Analyze(question, readings);

        var ordinal = analysis.Terms.Single(t => t.Word is "first" or "third");
        Assert.Equal(number, ordinal.Kind == TermKind.Number);
    }

    [Theory]
    [InlineData("What type of hives did the cooperative pool?", "type")]
    [InlineData("What sorts of treatment did members pay for?", "sorts")]
    public async Task Analyze_AWordThatOnlyFramesTheKindAsked_IsALightWord(string question, string word) =>
        Assert.Equal(TermKind.Light, (await TermOfAsync(question, word)).Kind);

    /// <summary>The term a question makes of one of its words, over the small readings.</summary>
    private static async Task<QuestionTerm> TermOfAsync(string question, string word) =>
        QuestionAnalyzer.Analyze(question, await ReadingsAsync()).Terms.Single(t => t.Word == word);

    [Theory]
    [InlineData("Does the fair's name mean 'storm' in the old tongue?", "storm", true)]
    [InlineData("Was the fair called “storm” by the town?", "storm", true)]
    [InlineData("Was the town's fair cancelled by a storm?", "storm", false)] // apostrophes of possession quote nothing
    public async Task Analyze_AWordInQuotationMarks_IsFoundOnlyAsItselfLikeAName(string question, string word, bool quoted) =>
        Assert.Equal(quoted ? TermKind.Name : TermKind.Content, (await TermOfAsync(question, word)).Kind);

    [Theory]
    [InlineData("What was the new rail line called?", "called")]
    [InlineData("What was the light rail titled?", "titled")]
    [InlineData("What was the fair named?", "named")]
    public async Task Analyze_AWordAskingWhatSomethingIsCalled_AsksForADefinition(string question, string word) =>
        Assert.Equal(AnswerType.Definition, (await TermOfAsync(question, word)).Asks);

    [Fact]
    public async Task Analyze_AnOfficeBeforeAName_IsALightWordAndTheNameIsTheName()
    {
        var readings = await ReadingsAsync();

        var analysis = QuestionAnalyzer.Analyze("What did President Mara Voss say about the hives?", readings);

        Assert.Equal(TermKind.Light, analysis.Terms.Single(t => t.Word == "president").Kind); // the reading calls her Director
        Assert.Equal(TermKind.Name, analysis.Terms.Single(t => t.Word == "mara").Kind);
        Assert.NotEqual(TermKind.Light, QuestionAnalyzer.Analyze("What did the President say?", readings).Terms.Single(t => t.Word == "president").Kind); // no name follows: the office is what is asked about
    }

    [Fact]
    public async Task Analyze_NumbersAndYearSpans_AreNumbersAndTheQuestionIsSplitIntoItsParts()
    {
        var readings = await ReadingsAsync();

        var analysis = QuestionAnalyzer.Analyze("What happened in 1998-99 and when did the harvest reach 18 tonnes?", readings);

        Assert.Equal(["1998", "1999", "18"], analysis.Terms.Where(t => t.Kind == TermKind.Number).Select(t => t.Term));
        Assert.Equal(0, analysis.Terms.Single(t => t.Term == "1998").Part);
        Assert.Equal(1, analysis.Terms.Single(t => t.Term == "18").Part);
    }

    [Theory]
    [InlineData("What is 7 times 6?", true)]
    [InlineData("whats 18 tonnes divided by 3", true)]
    [InlineData("what's 15% of 200", true)]
    [InlineData("square root of 81?", true)]
    [InlineData("How many tonnes did the harvest reach in 1998-99?", false)]
    [InlineData("Was the harvest of 18 tonnes bigger than in 1998?", false)]
    [InlineData("What happened between 1998 and 1999?", false)]
    [InlineData("What was the harvest in 1998/99?", false)]
    [InlineData("what is 18 / 3", true)]
    [InlineData("Convert the 18 tonnes of honey into pounds for me please.", true)]
    [InlineData("Did the cooperative convert its hives to a new design?", false)]
    public async Task Analyze_ASumToWorkOut_IsATask(string question, bool task)
    {
        var readings = await ReadingsAsync();

        Assert.Equal(task, QuestionAnalyzer.Analyze(question, readings).IsTask);
    }

    [Fact]
    public async Task Analyze_TaskRequest_IsMarkedAsOne()
    {
        var readings = await ReadingsAsync();

        Assert.True(QuestionAnalyzer.Analyze("Write a haiku about the shared hives", readings).IsTask);
        Assert.True(QuestionAnalyzer.Analyze("Summarise the harvest, then write me a song about it", readings).IsTask);
        Assert.False(QuestionAnalyzer.Analyze("What did the director write about the hives?", readings).IsTask);
    }

    [Theory]
    [InlineData("1998", "the frost of 1998 killed", true)]
    [InlineData("1,100", "a stretch of 1,100 kms", true)]
    [InlineData("1989", "for a decade (1979-89)", true)]
    [InlineData("3", "on 3rd May", true)]
    [InlineData("2003", "in 2004 the harvest", false)]
    public void HasNumber_FindsANumberAsPrinted(string number, string text, bool expected) =>
        Assert.Equal(expected, TermSupportScorer.HasNumber(text, number));

    private static QuestionTerm Term(string word, double weight = 1, TermKind kind = TermKind.Content, bool inReadings = true, int part = 0, AnswerType asks = AnswerType.Other) =>
        new(word, word, weight, kind, asks, inReadings) { Part = part };

    private static SentenceEvidence Sentence(int index, string text, double similarity, params TermSupport[] support) =>
        new(index, new LocatedSentence("r", new Section("1", "One", 1, null, []), 1, new Sentence(index, text)), similarity, 0, support,
            SentenceSelector.Coverage(support), false, similarity + SentenceSelector.Coverage(support));

    private static readonly AnswerabilityThresholds Thresholds = new(MinCoverage: 0.5, MaxUnsupportedShare: 0.3, OffTopicPresence: 0.15, RelevanceFloor: 0.2, PremiseCoverage: 0.7, PremiseMaxUnsupportedShare: 0.15);

    /// <summary>Whether each sentence gives the kind of fact asked for, as the evidence step works it out.</summary>
    private static SentenceEvidence[] Carrying(QuestionAnalysis question, IReadOnlyList<SentenceEvidence> sentences) =>
        [.. sentences.Select(s => FactRecognisers.Carries(question.AnswerType, s.Sentence.Sentence.Text) is var carries && carries != s.CarriesAnswerType ? s with { CarriesAnswerType = carries } : s)];

    private static Verdict Decide(QuestionAnalysis question, IReadOnlyList<SentenceEvidence> sentences, Func<QuestionTerm, double>? presence = null)
    {
        sentences = Carrying(question, sentences);
        var joint = SentenceSelector.Joint(question.Terms, sentences);
        var selection = new Selection(sentences, joint, SentenceSelector.Coverage(joint));
        return Answerability.Decide(question, selection, new ReadingPresence(question.Terms.ToDictionary(t => t, t => presence?.Invoke(t) ?? (t.InReadings ? 1 : 0))), Thresholds);
    }

    [Fact]
    public void Decide_EveryWordAccountedFor_Answers()
    {
        var hives = Term("hive", 3);
        var pooled = Term("pool", 2);
        var question = new QuestionAnalysis("How many hives were pooled?", AnswerType.Amount, [hives, pooled], false, false);

        var verdict = Decide(question, [Sentence(0, "The cooperative pooled 340 hives.", 0.7, new TermSupport(hives, 1, SupportKind.Exact), new TermSupport(pooled, 1, SupportKind.Exact))]);

        Assert.True(verdict.Answerable);
        Assert.Contains(verdict.Evidence, e => e.Measure == "coverage" && e.Value == 1 && e.Threshold == 0.5);
    }

    [Theory]
    [InlineData("When did Director Mara Voss take office?", AnswerType.Date, "Director Mara Voss ran the cooperative for a decade.", "Director Mara Voss took office in 2004.")]
    [InlineData("How long is the coastal track?", AnswerType.Measure, "The coastal track is the longest in the valley.", "The coastal track runs 340 km.")]
    [InlineData("How often is the honey fair held?", AnswerType.Frequency, "The honey fair is held in the town square.", "The honey fair is held biennially.")]
    [InlineData("How many hives were pooled?", AnswerType.Amount, "The hives were pooled by the farmers.", "Some 340 hives were pooled.")]
    public void Decide_AQuestionThatAsksForADateOrANumber_IsAnsweredOnlyByASentenceThatGivesOne(string text, AnswerType type, string without, string with)
    {
        var terms = QuestionAnalyzer.Tokenize(text).Where(t => t.Lower.Length > 3 && t.Lower is not ("when" or "often" or "many" or "long")).Select(t => Term(t.Lower, 2)).ToList();
        var question = new QuestionAnalysis(text, type, terms, false, false);
        TermSupport[] All() => [.. terms.Select(t => new TermSupport(t, 1, SupportKind.Exact))];

        var lacking = Decide(question, [Sentence(0, without, 0.7, All())]);
        var giving = Decide(question, [Sentence(0, with, 0.7, All())]);

        Assert.Equal(DeclineReasons.NotStated, lacking.Reason);
        Assert.Contains(lacking.Evidence, e => e.Measure == "fact_asked" && e.Value == 0);
        Assert.True(giving.Answerable);
    }

    [Theory]
    [InlineData("The north line ends at Porto and the south line at Lisbon.", true)] // the same pairs, crossed
    [InlineData("The north line ends at Lisbon and the south line at Porto.", false)]
    [InlineData("Porto and Lisbon each have a north line and a south line.", false)] // nothing pairs a word with a name
    public void CrossedPairs_TwoNamesPairedTheOtherWayRound_AreFound(string sentence, bool crossed)
    {
        QuestionTerm Name(string surface) => new(surface, surface.ToLowerInvariant(), 4, TermKind.Name, AnswerType.Other, true);
        var (north, line, end, lisbon, south, porto) = (Term("north"), Term("line"), Term("end"), Name("Lisbon"), Term("south"), Name("Porto"));
        var question = new QuestionAnalysis("Why does the north line end at Lisbon and the south line at Porto?", AnswerType.Reason, [north, line, end, lisbon, south, porto], true, false);
        var chosen = Sentence(0, sentence, 0.8, [.. question.Terms.Select(t => new TermSupport(t, 1, SupportKind.Exact))]);

        var found = Answerability.CrossedPairs(question, new Selection([chosen], chosen.Support, 1));

        Assert.Equal(crossed, found is not null);
        if (found is { } pair)
        {
            Assert.Equal(["Lisbon", "Porto"], new[] { pair.First.Surface, pair.Second.Surface });
        }
    }

    [Theory]
    [InlineData(false)] // the number stands in a sentence about something else
    [InlineData(true)]
    public void Decide_TheFactAsked_MustStandWhereTheQuestionIsSaid(bool numberWithTheRest)
    {
        var hives = Term("hive", 2);
        var pooled = Term("pool", 3);
        var valley = Term("valley", 3);
        var many = Term("many", 1, asks: AnswerType.Amount);
        var question = new QuestionAnalysis("How many hives were pooled in the valley?", AnswerType.Amount, [hives, pooled, valley, many], false, false);
        var about = Sentence(0, numberWithTheRest ? "The valley farmers pooled 340 hives." : "The valley farmers pooled their hives.", 0.7,
            new TermSupport(hives, 1, SupportKind.Exact), new TermSupport(pooled, 1, SupportKind.Exact), new TermSupport(valley, 1, SupportKind.Exact),
            new TermSupport(many, numberWithTheRest ? 1 : 0, numberWithTheRest ? SupportKind.AnswerType : SupportKind.None));
        var elsewhere = Sentence(7, "Some 3000 visitors came to the fair.", 0.5, new TermSupport(hives, 0, SupportKind.None), new TermSupport(pooled, 0, SupportKind.None),
            new TermSupport(valley, 0, SupportKind.None), new TermSupport(many, 1, SupportKind.AnswerType));
        var sentences = Carrying(question, [about, elsewhere]);
        var joint = SentenceSelector.Joint(question.Terms, sentences);
        var thresholds = Thresholds with { FactRunShare = 0.6 };

        var verdict = Answerability.Decide(question, new Selection(sentences, joint, SentenceSelector.Coverage(joint)), new ReadingPresence(question.Terms.ToDictionary(t => t, _ => 1.0)), thresholds);

        Assert.Equal(numberWithTheRest, verdict.Answerable);
        if (!numberWithTheRest)
        {
            Assert.Equal(DeclineReasons.NotStated, verdict.Reason);
            Assert.Contains(verdict.Evidence, e => e.Measure == "fact_asked" && e.Value < 0.6 && e.Threshold == 0.6);
        }
    }

    [Theory]
    [InlineData("When did the Arlen Valley Company open?", true)] // one name of three words: "the Company" in the passage is it
    [InlineData("When did Arlen, Valley Company open?", false)] // two names: "Arlen" must stand in the passage
    public void Decide_ANameOfSeveralWords_CountsWholeInAPassageThatHasOneOfItsWords(string text, bool answerable)
    {
        var arlen = Term("Arlen", 4, TermKind.Name);
        var valley = Term("Valley", 3, TermKind.Name);
        var company = Term("Company", 1, TermKind.Name);
        var open = Term("open", 4);
        var when = Term("when", 1, asks: AnswerType.Date);
        var question = new QuestionAnalysis(text, AnswerType.Date, [arlen, valley, company, open, when], false, false);

        var verdict = Decide(question,
        [
            Sentence(0, "The Arlen Valley Company was formed by farmers.", 0.6, new TermSupport(arlen, 1, SupportKind.Exact), new TermSupport(valley, 1, SupportKind.Exact), new TermSupport(company, 1, SupportKind.Exact), new TermSupport(open, 0, SupportKind.None), new TermSupport(when, 0, SupportKind.None)),
            Sentence(9, "The Company opened in 1999.", 0.6, new TermSupport(arlen, 0, SupportKind.None), new TermSupport(valley, 0, SupportKind.None), new TermSupport(company, 1, SupportKind.Exact), new TermSupport(open, 1, SupportKind.Exact), new TermSupport(when, 1, SupportKind.AnswerType)),
        ]);

        Assert.Equal(answerable, verdict.Answerable);
    }

    [Theory]
    [InlineData(false, false)] // the sentence names her and gives a year, of another event
    [InlineData(true, true)]
    public void Decide_AFactAskedOfAnEventTheSentenceDoesNotSay_IsDeclinedThoughItsNamesAreThere(bool eventSaid, bool answerable)
    {
        var mara = Term("mara", 5, TermKind.Name);
        var voss = Term("voss", 5, TermKind.Name);
        var born = Term("born", 3);
        var year = Term("year", 1, asks: AnswerType.Date);
        var question = new QuestionAnalysis("In what year was Mara Voss born?", AnswerType.Date, [mara, voss, born, year], false, false);
        var sentence = Sentence(0, "Mara Voss founded the cooperative in 1998.", 0.7,
            new TermSupport(mara, 1, SupportKind.Exact), new TermSupport(voss, 1, SupportKind.Exact),
            new TermSupport(born, eventSaid ? 1 : 0, eventSaid ? SupportKind.Exact : SupportKind.None), new TermSupport(year, 1, SupportKind.AnswerType));

        var verdict = Decide(question, [sentence]);

        Assert.True(verdict.Evidence.Single(e => e.Measure == "heaviest_unsupported_share" || e.Measure == "event_said") is { } e
            && (answerable ? e.Measure == "heaviest_unsupported_share" : e.Measure == "event_said"));
        Assert.Equal(answerable, verdict.Answerable);
        if (!answerable)
        {
            Assert.Equal(DeclineReasons.UnsupportedTerms, verdict.Reason);
            Assert.Equal([born], verdict.Missing);
        }
    }

    [Theory]
    [InlineData("What does the paper say about refugees crossing from the valley?", false)]
    [InlineData("what does it say about refugees crossing from the valley?", false)]
    [InlineData("Why were refugees crossing from the valley?", true)]
    public void Decide_AQuestionAboutASubject_HoldsEachHeavyWordOfItAsStrictlyAsAPremise(string asked, bool answerable)
    {
        // The readings speak of refugees elsewhere; the sentence chosen says the crossing from the valley, not who crossed.
        var refugees = Term("refugee", 2.4);
        var crossing = Term("cross", 4);
        var valley = Term("valley", 4);
        var question = new QuestionAnalysis(asked, AnswerType.Other, [refugees, crossing, valley], false, false);
        var sentence = Sentence(0, "Traders were crossing from the valley each spring.", 0.7,
            new TermSupport(refugees, 0, SupportKind.None), new TermSupport(crossing, 1, SupportKind.Exact), new TermSupport(valley, 1, SupportKind.Exact));

        AssertDeclinedOrNot(Decide(question, [sentence]), answerable, DeclineReasons.UnsupportedTerms, refugees);
    }

    /// <summary>The verdict answers, or declines for the reason naming the words.</summary>
    private static void AssertDeclinedOrNot(Verdict verdict, bool answerable, string reason, params QuestionTerm[] missing)
    {
        Assert.Equal(answerable, verdict.Answerable);
        if (!answerable)
        {
            Assert.Equal(reason, verdict.Reason);
            Assert.Equal(missing, verdict.Missing);
        }
    }

    [Theory]
    [InlineData(false, false)] // the sentence names her, and says nothing of a party or of politics
    [InlineData(true, true)]
    public void Decide_AThingAskedOfAPersonTheSentenceSaysNothingOf_IsDeclinedThoughTheNameIsThere(bool thingSaid, bool answerable)
    {
        var mara = Term("mara", 5, TermKind.Name);
        var voss = Term("voss", 5, TermKind.Name);
        var political = Term("political", 4);
        var party = Term("party", 6);
        var question = new QuestionAnalysis("Which political party did Mara Voss lead?", AnswerType.Other, [mara, voss, political, party], false, false);
        var sentence = Sentence(0, "In 1999 Mara Voss founded the cooperative with eleven farmers.", 0.7,
            new TermSupport(mara, 1, SupportKind.Exact), new TermSupport(voss, 1, SupportKind.Exact),
            new TermSupport(political, thingSaid ? 1 : 0, thingSaid ? SupportKind.Exact : SupportKind.None),
            new TermSupport(party, thingSaid ? 1 : 0, thingSaid ? SupportKind.Exact : SupportKind.None));

        var verdict = Decide(question, [sentence]);

        Assert.Equal(!answerable, verdict.Evidence.Any(e => e.Measure == "event_said"));
        AssertDeclinedOrNot(verdict, answerable, DeclineReasons.UnsupportedTerms, political, party);
    }

    [Fact]
    public void Decide_AFollowUpsWordsFromTheLastQuestion_NeedNotStandInThePassageThatAnswersIt()
    {
        var drills = Term("drill", 5);
        var held = Term("held", 4);
        var when = Term("when", 1, asks: AnswerType.Date);
        var question = new QuestionAnalysis("When were the drills held?", AnswerType.Date, [drills, held, when], false, false);
        var sentences = Carrying(question, new[]
        {
            Sentence(0, "Russia invited the army to its drills.", 0.6, new TermSupport(drills, 1, SupportKind.Exact), new TermSupport(held, 0, SupportKind.None), new TermSupport(when, 0, SupportKind.None)),
            Sentence(9, "They were held in September 2020.", 0.6, new TermSupport(drills, 0, SupportKind.None), new TermSupport(held, 1, SupportKind.Exact), new TermSupport(when, 1, SupportKind.AnswerType)),
        });
        var joint = SentenceSelector.Joint(question.Terms, sentences);
        var selection = new Selection(sentences, joint, SentenceSelector.Coverage(joint));
        var presence = new ReadingPresence(question.Terms.ToDictionary(t => t, _ => 1.0));

        var onItsOwn = Answerability.Decide(question, selection, presence, Thresholds);
        var followingUp = Answerability.Decide(question, selection, presence, Thresholds, new HashSet<QuestionTerm>(ReferenceEqualityComparer.Instance) { drills });

        Assert.Equal(DeclineReasons.UnsupportedTerms, onItsOwn.Reason);
        Assert.True(followingUp.Answerable);
    }

    [Theory]
    [InlineData(SupportKind.Synonym)]
    [InlineData(SupportKind.Meaning)]
    public void Decide_PremiseTheSentenceDeniesInOtherWords_IsAFalsePremise(SupportKind kind)
    {
        var committee = Term("committee", 2);
        var endorse = Term("endorse", 4);
        var theory = Term("theory", 2);
        var question = new QuestionAnalysis("Why did the committee endorse the theory?", AnswerType.Reason, [committee, endorse, theory], true, false);

        var verdict = Decide(question,
        [
            Sentence(0, "The committee did not support the theory.", 0.7, new TermSupport(committee, 1, SupportKind.Exact, "committe"), new TermSupport(endorse, 1, kind, "support"), new TermSupport(theory, 1, SupportKind.Exact, "theori")),
        ]);

        Assert.Equal(DeclineReasons.FalsePremise, verdict.Reason);
        Assert.Equal([endorse], verdict.Missing);
    }

    [Theory]
    [InlineData(1, true)] // the next sentence: one passage says it
    [InlineData(9, false)] // a sentence elsewhere, about something else
    public void Decide_WordsGatheredFromSentencesApart_DoNotAnswerOnePartOfAQuestion(int second, bool answerable)
    {
        var queen = Term("queen", 5, TermKind.Name);
        var die = Term("die", 4);
        var year = Term("year", 1, asks: AnswerType.Date);
        var question = new QuestionAnalysis("What year did the Queen die?", AnswerType.Date, [queen, die, year], true, false);

        var verdict = Decide(question,
        [
            Sentence(0, "The Queen did not attend in 1870.", 0.6, new TermSupport(queen, 1, SupportKind.Exact), new TermSupport(die, 0, SupportKind.None), new TermSupport(year, 1, SupportKind.AnswerType)),
            Sentence(second, "The engineer died in 1858.", 0.6, new TermSupport(queen, 0, SupportKind.None), new TermSupport(die, 1, SupportKind.Exact), new TermSupport(year, 1, SupportKind.AnswerType)),
        ]);

        Assert.Equal(answerable, verdict.Answerable);
        if (!answerable)
        {
            Assert.Equal(DeclineReasons.UnsupportedTerms, verdict.Reason);
            Assert.Equal([die], verdict.Missing);
            Assert.Contains(verdict.Evidence, e => e.Measure == "heaviest_unsupported_in_one_passage" && e.Value > e.Threshold);
        }
    }

    [Theory]
    [InlineData(true, false)] // "Why did …?" takes it for granted: less may be said elsewhere
    [InlineData(false, true)]
    public void Decide_AWordSaidOnlyElsewhere_MayWeighLessInAQuestionThatTakesItsEventForGranted(bool presupposes, bool answerable)
    {
        var queen = Term("queen", 5, TermKind.Name);
        var visit = Term("visit", 2);
        var mill = Term("mill", 5, TermKind.Name);
        var question = new QuestionAnalysis(presupposes ? "Why did the Queen visit the Mill?" : "Did the Queen visit the Mill?", AnswerType.Other, [queen, visit, mill], presupposes, false);
        var thresholds = Thresholds with { PremiseMaxUnsupportedShare = 0.15 };
        var sentences = Carrying(question,
        [
            Sentence(0, "The Queen opened the Mill.", 0.6, new TermSupport(queen, 1, SupportKind.Exact), new TermSupport(visit, 0, SupportKind.None), new TermSupport(mill, 1, SupportKind.Exact)),
            Sentence(9, "The engineer visited the port.", 0.6, new TermSupport(queen, 0, SupportKind.None), new TermSupport(visit, 1, SupportKind.Exact), new TermSupport(mill, 0, SupportKind.None)),
        ]);
        var joint = SentenceSelector.Joint(question.Terms, sentences);

        var verdict = Answerability.Decide(question, new Selection(sentences, joint, SentenceSelector.Coverage(joint)), new ReadingPresence(question.Terms.ToDictionary(t => t, _ => 1.0)), thresholds);

        Assert.Equal(answerable, verdict.Answerable); // "visit" is 2 of 12: above 0.15, below 0.3
    }

    [Fact]
    public void Decide_TheKindOfFactAsked_DoesNotDiluteAWordSaidOnlyElsewhere()
    {
        // "year" is found by any date: it is what is asked, not what a passage must say. Counted in the question's
        // weight it would leave "die" a share (2.5 of 9.5) that passes; of what must be said (2.5 of 7.5) it does not.
        var queen = Term("queen", 5, TermKind.Name);
        var die = Term("die", 2.5);
        var year = Term("year", 2, asks: AnswerType.Date);
        var question = new QuestionAnalysis("What year did the Queen die?", AnswerType.Date, [queen, die, year], true, false);

        var verdict = Decide(question,
        [
            Sentence(0, "The Queen did not attend in 1870.", 0.6, new TermSupport(queen, 1, SupportKind.Exact), new TermSupport(die, 0, SupportKind.None), new TermSupport(year, 1, SupportKind.AnswerType)),
            Sentence(9, "The engineer died in 1858.", 0.6, new TermSupport(queen, 0, SupportKind.None), new TermSupport(die, 1, SupportKind.Exact), new TermSupport(year, 1, SupportKind.AnswerType)),
        ]);

        Assert.Equal(DeclineReasons.UnsupportedTerms, verdict.Reason);
        Assert.Equal([die], verdict.Missing);
    }

    [Fact]
    public void Decide_FocusWordTheReadingsNeverUse_IsAnAbsentSubjectNamingIt()
    {
        var tourism = Term("tourism", 5, inReadings: false);
        var valley = Term("valley", 1);
        var question = new QuestionAnalysis("What about tourism in the valley?", AnswerType.Other, [tourism, valley], false, false);

        var verdict = Decide(question, [Sentence(0, "The valley lost its bees.", 0.5, new TermSupport(tourism, 0, SupportKind.None), new TermSupport(valley, 1, SupportKind.Exact))]);

        Assert.Equal(DeclineReasons.AbsentSubject, verdict.Reason);
        Assert.Equal([tourism], verdict.Missing);
    }

    [Fact]
    public void Decide_WordsTheReadingsUseButNotTogether_AreUnsupportedTerms()
    {
        var people = Term("people", 4);
        var valley = Term("valley", 1);
        var question = new QuestionAnalysis("How many people live in the valley?", AnswerType.Amount, [people, valley], false, false);

        var verdict = Decide(question, [Sentence(0, "The valley lost its bees.", 0.5, new TermSupport(people, 0, SupportKind.None), new TermSupport(valley, 1, SupportKind.Exact))]);

        Assert.Equal(DeclineReasons.UnsupportedTerms, verdict.Reason);
    }

    [Theory]
    [InlineData(false, AnswerType.Other, true)]
    [InlineData(true, AnswerType.Other, false)]
    [InlineData(true, AnswerType.Date, true)] // "When did …?" is anchored by the date the sentence carries
    public void Decide_AWordLeftOver_DeclinedOnlyWhenTheQuestionTakesItForGrantedAndAsksWhyOrHow(bool presupposes, AnswerType asks, bool answerable)
    {
        // "improve" is a fifth of the question: a plain question may leave it over, "Why did … improve?" may not.
        var honey = Term("honey", 2);
        var cooperative = Term("cooperative", 2);
        var improve = Term("improve", 1);
        var question = new QuestionAnalysis("… honey cooperative improve", asks, [honey, cooperative, improve], presupposes, false);
        var thresholds = Thresholds with { PremiseMaxUnsupportedShare = 0.15 };
        var sentences = Carrying(question, [Sentence(0, "The honey cooperative lost its hives in 2009.", 0.7, new TermSupport(honey, 1, SupportKind.Exact), new TermSupport(cooperative, 1, SupportKind.Exact), new TermSupport(improve, 0, SupportKind.None))]);
        var joint = SentenceSelector.Joint(question.Terms, sentences);

        var verdict = Answerability.Decide(question, new Selection(sentences, joint, SentenceSelector.Coverage(joint)), new ReadingPresence(question.Terms.ToDictionary(t => t, _ => 1.0)), thresholds);

        Assert.Equal(answerable, verdict.Answerable);
        Assert.Contains(verdict.Evidence, e => e.Measure == "heaviest_unsupported_share" && e.Threshold == (answerable ? 0.3 : 0.15));
    }

    [Fact]
    public void Decide_OneHeavyWordLeftOver_IsDeclinedEvenWhenTheRestIsCovered()
    {
        var terms = new[] { Term("a", 1), Term("b", 1), Term("c", 1), Term("d", 1), Term("winter", 2.5) };
        var question = new QuestionAnalysis("q", AnswerType.Other, terms, false, false);
        var support = terms.Select(t => new TermSupport(t, t.Word == "winter" ? 0 : 1, t.Word == "winter" ? SupportKind.None : SupportKind.Exact)).ToArray();

        var verdict = Decide(question, [Sentence(0, "s", 0.6, support)]);

        Assert.Equal(DeclineReasons.UnsupportedTerms, verdict.Reason);
        Assert.Contains(verdict.Evidence, e => e.Measure == "heaviest_unsupported_share" && e.Value > 0.3);
    }

    [Fact]
    public void Decide_NamesSupportedOnlyInSeparatePassages_AreDeclined()
    {
        var kern = Term("kern", 3, TermKind.Name);
        var year = Term("1999", 3, TermKind.Number);
        var question = new QuestionAnalysis("Why did Kern visit in 1999?", AnswerType.Reason, [kern, year], true, false);
        var a = Sentence(0, "Kern visited in 2007.", 0.6, new TermSupport(kern, 1, SupportKind.Exact), new TermSupport(year, 0, SupportKind.None));
        var b = Sentence(5, "Voss visited in 1999.", 0.6, new TermSupport(kern, 0, SupportKind.None), new TermSupport(year, 1, SupportKind.Exact));

        var verdict = Decide(question, [a, b]);

        Assert.Equal(DeclineReasons.FalsePremise, verdict.Reason);
        Assert.Same(a, verdict.Contradicting);
    }

    [Fact]
    public void Decide_PresupposedVerbTheSentenceDenies_IsAFalsePremise()
    {
        var committee = Term("committe", 3, TermKind.Name);
        var support = Term("support", 2);
        var question = new QuestionAnalysis("Why did the Committee support the theory?", AnswerType.Reason, [committee, support], true, false);
        var sentence = Sentence(0, "The Committee did not support the theory.", 0.7, new TermSupport(committee, 1, SupportKind.Exact, "committe"), new TermSupport(support, 1, SupportKind.Exact, "support"));

        var verdict = Decide(question, [sentence]);

        Assert.Equal(DeclineReasons.FalsePremise, verdict.Reason);
    }

    [Fact]
    public void Decide_OppositeWordInTheSentence_IsAFalsePremise()
    {
        var council = Term("council", 3);
        var agree = Term("agre", 3);
        var question = new QuestionAnalysis("Why did the council agree?", AnswerType.Reason, [council, agree], true, false);
        var sentence = Sentence(0, "The council refused.", 0.7, new TermSupport(council, 1, SupportKind.Exact), new TermSupport(agree, 0, SupportKind.None, "refus", Opposite: true));

        var verdict = Decide(question, [sentence]);

        Assert.Equal(DeclineReasons.FalsePremise, verdict.Reason);
    }

    [Fact]
    public void Decide_OneSentenceSaysTheRestTheOtherWayRound_IsAFalsePremiseThoughTheWordStandsElsewhere()
    {
        var hives = Term("hive", 3);
        var moved = Term("move", 3);
        var southern = Term("southern", 4);
        var valley = Term("vallei", 3);
        var question = new QuestionAnalysis("Why were the hives moved to the southern valley?", AnswerType.Reason, [hives, moved, southern, valley], true, false);
        var turned = Sentence(0, "The hives were moved to the northern valley.", 0.7,
            new TermSupport(hives, 1, SupportKind.Exact), new TermSupport(moved, 1, SupportKind.Exact),
            new TermSupport(southern, 0, SupportKind.None, "northern", Opposite: true), new TermSupport(valley, 1, SupportKind.Exact));
        var elsewhere = Sentence(7, "Southern farms sold wax.", 0.5,
            new TermSupport(hives, 0, SupportKind.None), new TermSupport(moved, 0, SupportKind.None),
            new TermSupport(southern, 1, SupportKind.Exact), new TermSupport(valley, 0, SupportKind.None));

        var verdict = Decide(question, [turned, elsewhere]);

        Assert.Equal(DeclineReasons.FalsePremise, verdict.Reason);
        Assert.Equal(0, verdict.Contradicting?.Index);
        Assert.Equal([southern], verdict.Missing);
    }

    [Fact]
    public void Decide_TaskRequest_IsOffTopicWhateverTheSentences()
    {
        var question = new QuestionAnalysis("Write a poem", AnswerType.Other, [], false, IsTask: true);

        Assert.Equal(DeclineReasons.OffTopic, Decide(question, []).Reason);
    }

    [Fact]
    public void Decide_NoCandidateSentence_IsNoPassage()
    {
        var question = new QuestionAnalysis("q", AnswerType.Other, [Term("x")], false, false);

        Assert.Equal(DeclineReasons.NoPassage, Decide(question, []).Reason);
    }

    [Fact]
    public void Select_BestSentenceFirstThenOnesThatBringMissingSupport_InReadingOrder()
    {
        var hives = Term("hive", 2);
        var fee = Term("fee", 2);
        var question = new QuestionAnalysis("How many hives and what fee?", AnswerType.Other, [hives, fee], false, false);
        var weights = new SelectionWeights(0.35, 0.12, 0.05, 0.9, 0.8, 0.1, 3);
        var first = Sentence(7, "They paid a fee.", 0.5, new TermSupport(hives, 0, SupportKind.None), new TermSupport(fee, 1, SupportKind.Exact));
        var best = Sentence(3, "They pooled 340 hives.", 0.7, new TermSupport(hives, 1, SupportKind.Exact), new TermSupport(fee, 0, SupportKind.None));
        var noise = Sentence(9, "Bees buzz.", 0.6, new TermSupport(hives, 0, SupportKind.None), new TermSupport(fee, 0, SupportKind.None));

        var selection = SentenceSelector.Select([noise, first, best], question, weights);

        Assert.Equal([3, 7], selection.Sentences.Select(s => s.Index));
        Assert.Equal(1, selection.Coverage);
    }

    [Fact]
    public async Task Support_NameAndTheWordMadeFromIt_AndAliasesAndDigits()
    {
        var (_, knowledge, readings) = await TestReadings.ServiceAsync();
        var index = knowledge.AllSentences().ToList().FindIndex(s => s.Text.Contains("340 hives", StringComparison.Ordinal));
        var thresholds = new MeaningThresholds(0.3, 0.6);
        var meanings = new Dictionary<string, WordNeighbours>();
        TermSupport Support(QuestionTerm t) => TermSupportScorer.Support(t, index, knowledge, readings, meanings, thresholds);

        Assert.Equal(SupportKind.Exact, Support(Term("hive")).Kind);
        Assert.Equal(SupportKind.Exact, Support(Term("340", kind: TermKind.Number)).Kind);
        Assert.Equal(SupportKind.None, Support(Term("341", kind: TermKind.Number)).Kind);
        Assert.Equal(SupportKind.AnswerType, Support(Term("many", asks: AnswerType.Amount)).Kind);
        Assert.Equal(SupportKind.Exact, Support(Term("share", kind: TermKind.Content)).Kind); // the heading "Shared Hives"
    }

    [Fact]
    public async Task Support_ASynonymInTheSentence_AccountsForTheWordFully_UnlessSynonymsAreOff()
    {
        var (_, knowledge, readings) = await TestReadings.ServiceAsync();
        var index = knowledge.AllSentences().ToList().FindIndex(s => s.Text.Contains("cost of treatment", StringComparison.Ordinal));
        var thresholds = new MeaningThresholds(0.3, 0.6);
        var meanings = new Dictionary<string, WordNeighbours>();
        TermSupport Support(QuestionTerm t, Synonyms? synonyms) => TermSupportScorer.Support(t, index, knowledge, readings, meanings, thresholds, synonyms: synonyms);

        var price = Support(Term("price", inReadings: false), Synonyms.English);

        Assert.Equal(SupportKind.Synonym, price.Kind);
        Assert.Equal(1, price.Value);
        Assert.Equal("cost", price.By);
        Assert.Equal(SupportKind.None, Support(Term("price", inReadings: false), null).Kind);
        Assert.Equal(SupportKind.None, Support(Term("wound", inReadings: false), Synonyms.English).Kind);
        Assert.Equal(SupportKind.None, Support(Term("Price", kind: TermKind.Name, inReadings: false), Synonyms.English).Kind); // a name is only itself
    }

    [Fact]
    public async Task Paraphrases_ASynonymTheModelAlsoFindsAlike_IsSearchedFor_OneItDoesNotIsNot()
    {
        // "purchased" and "bought" are synonyms by the table; only the first model also puts them together.
        var alikeModel = await PaperBot.Testing.InMemoryReadings.BuildAsync(new PaperBot.Testing.StandInEmbedder(TestReadings.Synonyms), ("trams.md", TestReadings.Trams, null));
        var otherModel = await PaperBot.Testing.InMemoryReadings.BuildAsync(new PaperBot.Testing.StandInEmbedder(), ("trams.md", TestReadings.Trams, null));
        const string question = "Who purchased the buses?";

        var alike = await PaperBot.Answering.Pipeline.Steps.EvidenceStep.ParaphrasesAsync(
            alikeModel, QuestionAnalyzer.Analyze(question, new ReadingIndex(alikeModel)), Synonyms.English, 0.6, TestContext.Current.CancellationToken);
        var unlike = await PaperBot.Answering.Pipeline.Steps.EvidenceStep.ParaphrasesAsync(
            otherModel, QuestionAnalyzer.Analyze(question, new ReadingIndex(otherModel)), Synonyms.English, 0.6, TestContext.Current.CancellationToken);

        var bought = Assert.Single(alike);
        Assert.Contains(alikeModel.SentencesWithTerm(bought), i => alikeModel.AllSentences()[i].Text.Contains("Kestel bought", StringComparison.Ordinal));
        Assert.Empty(unlike);
    }

    [Fact]
    public async Task Support_MoneyAskedHowMuchOf_IsAccountedForByASentenceThatGivesASum_NotByOneThatCounts()
    {
        var (_, knowledge, readings) = await TestReadings.ServiceAsync(withTrams: true);
        var analysis = QuestionAnalyzer.Analyze("How much money did the first line cost?", readings);
        var money = analysis.Terms.Single(t => t.Word == "money");
        int Index(string marker) => knowledge.AllSentences().ToList().FindIndex(s => s.Text.Contains(marker, StringComparison.Ordinal));
        TermSupport Support(string marker) => TermSupportScorer.Support(money, Index(marker), knowledge, readings, new Dictionary<string, WordNeighbours>(), new MeaningThresholds(0.3, 0.6));

        Assert.Equal(AnswerType.Amount, money.Asks);
        Assert.Equal(SupportKind.AnswerType, Support("210 million euros").Kind);
        Assert.Equal(SupportKind.None, Support("340 hives").Kind); // a count is no sum of money
        Assert.Equal(AnswerType.Other, QuestionAnalyzer.Analyze("What was the money spent on?", readings).Terms.Single(t => t.Word == "money").Asks);
    }

    [Theory]
    [InlineData("How long is the line from Varn up to Lisbon?", SupportKind.None)] // an end of the route is that place
    [InlineData("Why did Lisbon build the line?", SupportKind.Alias)] // the capital for its country
    [InlineData("Which Lisbon-backed line was built in 1990?", SupportKind.Alias)] // the name as a part of a compound
    public async Task Support_AnAlias_StandsForItsName_AlsoInACompound_ButAPlaceNamedAsTheEndOfARouteIsOnlyThatPlace(string question, SupportKind expected)
    {
        const string Reading = """
            # 1. Lines

            Portugal built the line between Varn and Porto in 1990.
            """;
        var metadata = PaperBot.Knowledge.Documents.DocumentMetadata.Empty with { Aliases = new Dictionary<string, string> { ["Lisbon"] = "Portugal" } };
        var knowledge = await PaperBot.Testing.InMemoryReadings.BuildAsync(new PaperBot.Testing.StandInEmbedder(TestReadings.Synonyms), ("lines.md", Reading, metadata));
        var readings = new ReadingIndex(knowledge);
        var lisbon = QuestionAnalyzer.Analyze(question, readings).Terms.Single(t => t.Term == "lisbon");

        var support = TermSupportScorer.Support(lisbon, 0, knowledge, readings, new Dictionary<string, WordNeighbours>(), new MeaningThresholds(0.3, 0.6));

        Assert.Equal(expected, support.Kind);
    }

    [Theory]
    [InlineData("The cooperative was founded in 2003, right? so what came next")]
    [InlineData("the first line cost 300 million euros isn't it?")]
    public async Task Analyze_AStatementTaggedForConfirmation_TakesItForGranted_TheTagIsNoWordOfTheSubject(string question)
    {
        var (_, _, readings) = await TestReadings.ServiceAsync(withTrams: true);

        var analysis = QuestionAnalyzer.Analyze(question, readings);

        Assert.True(analysis.Presupposes);
        Assert.DoesNotContain(analysis.Terms, t => t.Word is "right" or "isn't" or "isn");
        Assert.False(QuestionAnalyzer.Analyze("The cooperative was founded in 2003. So what came next", readings).Presupposes);
        Assert.Contains(QuestionAnalyzer.Analyze("Which right did the farmers keep?", readings).Terms, t => t.Word == "right"); // asked about, not a tag
    }

    [Fact]
    public async Task Support_ANameInTheReadingsOwnTitle_IsSupportedByEachOfItsSentences()
    {
        var (_, knowledge, readings) = await TestReadings.ServiceAsync(withTrams: true);
        int Index(string marker) => knowledge.AllSentences().ToList().FindIndex(s => s.Text.Contains(marker, StringComparison.Ordinal));
        TermSupport Support(string name, string marker) => TermSupportScorer.Support(Term(name, kind: TermKind.Name), Index(marker), knowledge, readings, new Dictionary<string, WordNeighbours>(), new MeaningThresholds(0.3, 0.6));

        Assert.DoesNotContain("Arlen", knowledge.AllSentences()[Index("refused to fund")].Text, StringComparison.Ordinal);
        Assert.Equal(SupportKind.Exact, Support("arlen", "refused to fund").Kind); // "Shared Hives in the Arlen Valley"
        Assert.Equal(SupportKind.None, Support("arlen", "cost 210 million euros").Kind); // the other reading's sentence
        Assert.Equal(SupportKind.None, Support("doria", "refused to fund").Kind);
    }

    [Theory]
    [InlineData("asia", SupportKind.Exact)] // "Asian" is made from "Asia"
    [InlineData("asi", SupportKind.None)] // three letters begin too many words
    public async Task Support_ANameOfFourLettersOrMore_IsSupportedByTheWordMadeFromIt(string name, SupportKind expected)
    {
        const string Reading = """
            # 1. Ties

            The South Asian region grew.
            """;
        var knowledge = await PaperBot.Testing.InMemoryReadings.BuildAsync(new PaperBot.Testing.StandInEmbedder(TestReadings.Synonyms), ("ties.md", Reading, null));
        var readings = new ReadingIndex(knowledge);

        var support = TermSupportScorer.Support(Term(name, kind: TermKind.Name), 0, knowledge, readings, new Dictionary<string, WordNeighbours>(), new MeaningThresholds(0.3, 0.6));

        Assert.Equal(expected, support.Kind);
    }

    [Theory]
    [InlineData("Why did the US fund the cooperative?", true)] // a name in capitals, not the pronoun
    [InlineData("Can you tell us about the cooperative?", false)]
    [InlineData("WHY DID THE US FUND THE COOPERATIVE?", false)] // shouted: capitals say nothing
    public async Task Analyze_AWordInCapitalsThatSpellsAFrameWord_IsAName(string question, bool named)
    {
        var (_, _, readings) = await TestReadings.ServiceAsync();

        var terms = QuestionAnalyzer.Analyze(question, readings).Terms;

        Assert.Equal(named, terms.Any(t => t.Surface == "US" && t.Kind == TermKind.Name));
        Assert.DoesNotContain(terms, t => t.Word == "us" && t.Surface != "US");
    }

    [Fact]
    public async Task Support_TheWordInAnIrregularForm_IsTheWordItself()
    {
        var (_, knowledge, readings) = await TestReadings.ServiceAsync();
        var index = knowledge.AllSentences().ToList().FindIndex(s => s.Text.Contains("Members paid a fee", StringComparison.Ordinal));
        TermSupport Support(QuestionTerm t, Synonyms? synonyms) => TermSupportScorer.Support(t, index, knowledge, readings, new Dictionary<string, WordNeighbours>(), new MeaningThresholds(0.3, 0.6), synonyms: synonyms);

        var pay = Support(Term("pay"), Synonyms.English);

        Assert.Equal(SupportKind.Exact, pay.Kind);
        Assert.Equal("paid", pay.By);
        Assert.Equal(SupportKind.None, Support(Term("pay"), null).Kind); // the stemmer alone does not join them
    }

    [Fact]
    public async Task Analyze_AWordTheStemmerSplitsFromItsOwnInflection_TakesTheInflectionsStem()
    {
        // The stemmer gives "die" and "died" (or "tie" and "tied") different stems; read as written, "die" would be
        // a word the reading never uses, weighed as the rarest and found in no sentence.
        const string Reading = """
            # 1. Lives

            The founder of the mill died in 1931 at his farm. The two villages tied their fairs to the harvest.
            """;
        var knowledge = await PaperBot.Testing.InMemoryReadings.BuildAsync(new PaperBot.Testing.StandInEmbedder(TestReadings.Synonyms), ("mill.md", Reading, null));
        var readings = new ReadingIndex(knowledge);
        var index = knowledge.AllSentences().ToList().FindIndex(s => s.Text.Contains("died", StringComparison.Ordinal));

        foreach (var (question, word) in new[] { ("When did the founder die?", "die"), ("Why do villages tie fairs to harvests?", "tie") })
        {
            var term = QuestionAnalyzer.Analyze(question, readings).Terms.Single(t => t.Word == word);
            Assert.True(term.InReadings, word);
            Assert.True(term.Weight < readings.MaxIdf, "it weighs as the word the reading prints, not as one it never uses");
            var sentence = word == "die" ? index : index + 1;
            Assert.Equal(SupportKind.Exact, TermSupportScorer.Support(term, sentence, knowledge, readings, new Dictionary<string, WordNeighbours>(), new MeaningThresholds(0.3, 0.6)).Kind);
        }

        var absent = QuestionAnalyzer.Analyze("When did the founder lie?", readings).Terms.Single(t => t.Word == "lie");
        Assert.False(absent.InReadings); // no inflection of it is printed
    }

    [Fact]
    public async Task Support_TheWordInItsOtherSpelling_IsTheWordItself()
    {
        var (_, knowledge, readings) = await TestReadings.ServiceAsync(withTrams: true);
        var index = knowledge.AllSentences().ToList().FindIndex(s => s.Text.Contains("in the centre", StringComparison.Ordinal));
        TermSupport Support(QuestionTerm t) => TermSupportScorer.Support(t, index, knowledge, readings, new Dictionary<string, WordNeighbours>(), new MeaningThresholds(0.3, 0.6));

        var center = Support(Term("center"));

        Assert.Equal(SupportKind.Exact, center.Kind);
        Assert.Equal("centre", center.By);
        Assert.Equal(SupportKind.None, Support(Term("centaur")).Kind);
    }

    [Fact]
    public async Task ReadingParts_AreFoundFromTheStructure()
    {
        var (_, knowledge, readings) = await TestReadings.ServiceAsync();

        var parts = readings.PartsOf(knowledge.Documents[0]);

        Assert.Equal("abstract", parts.Abstract?.Id);
        Assert.Equal("1", parts.Introduction?.Id);
        Assert.Equal("3", parts.Conclusion?.Id);
    }
}
