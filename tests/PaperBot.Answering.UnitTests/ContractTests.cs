using PaperBot.Answering;
using PaperBot.Answering.Decision;

namespace PaperBot.Answering.UnitTests;

/// <summary>The contract every front end shares: the one command parser, the citation format, the presentation policy.</summary>
public sealed class ContractTests
{
    [Theory]
    [InlineData("help", typeof(HelpCommand))]
    [InlineData("Help?", typeof(HelpCommand))]
    [InlineData("/help", typeof(HelpCommand))]
    [InlineData("table of contents", typeof(SectionsCommand))]
    [InlineData("sections", typeof(SectionsCommand))]
    [InlineData("timeline", typeof(TimelineCommand))]
    [InlineData("glossary", typeof(GlossaryCommand))]
    [InlineData("sources", typeof(SourcesCommand))]
    [InlineData("summary", typeof(SummaryCommand))]
    [InlineData("quiz", typeof(QuizCommand))]
    [InlineData("timeline of the war", typeof(QuestionCommand))]
    [InlineData("summary of the findings please", typeof(QuestionCommand))]
    [InlineData("quiz me on the whole thing", typeof(QuestionCommand))]
    [InlineData("define", typeof(QuestionCommand))]
    [InlineData("What is a corridor?", typeof(QuestionCommand))]
    [InlineData("What does section 3 say about the harvest?", typeof(QuestionCommand))] // a subject of its own: answered from the section
    [InlineData("", typeof(QuestionCommand))]
    public void Parse_TheKindOfCommand(string text, Type expected) =>
        Assert.IsType(expected, CommandParser.Parse(text));

    [Theory]
    [InlineData("summary 3.II", "3.II")]
    [InlineData("summarise section 2", "2")]
    [InlineData("summary of §4", "4")]
    [InlineData("summary", null)]
    [InlineData("What is section 3 about?", "3")] // asked as a question
    [InlineData("what does part 2 of the paper cover", "2")]
    [InlineData("explain section 3.II", "3.ii")]
    public void Parse_Summary_TheSectionReferenceOrNone(string text, string? section) =>
        Assert.Equal(section, Assert.IsType<SummaryCommand>(CommandParser.Parse(text)).Section);

    [Fact]
    public void Parse_DefineAndReveal_CarryTheirArgumentAndKeepWhatWasTyped()
    {
        var define = Assert.IsType<DefineCommand>(CommandParser.Parse("define RLNG:"));
        var reveal = Assert.IsType<RevealCommand>(CommandParser.Parse("reveal 4f2a9c"));

        Assert.Equal("RLNG", define.Term);
        Assert.Equal("define RLNG:", define.Text);
        Assert.Equal("4f2a9c", reveal.QuizId);
        Assert.IsType<QuestionCommand>(CommandParser.Parse("reveal " + new string('a', CommandParser.MaxQuizIdLength + 1)));
    }

    [Fact]
    public void Command_BuiltByAFrontEnd_ReadsAsItsCanonicalText()
    {
        Assert.Equal("reveal 4f2a", new AskRequest(new RevealCommand("4f2a")).Question);
        Assert.Equal("quiz 3.II", new QuizCommand("3.II").Text);
        Assert.Equal("help", new HelpCommand().Text);
        Assert.IsType<HelpCommand>(new AskRequest("help", "c1").Command);
    }

    [Fact]
    public void CitationFormat_MarkersLabelsAndClipping()
    {
        var citation = new Citation(2, "energy", "3.II", "Pipelines", "A quote.", 1, DocumentName: "Energy Corridors");

        Assert.Equal([1, 12, 2], CitationFormat.Markers("One [1]. Two [12] and [2]; not [x]."));
        Assert.Equal("§3.II Pipelines", citation.Label);
        Assert.Equal("Abstract", CitationFormat.SectionLabel("abstract", "Abstract"));
        Assert.Equal("Energy Corridors, §3.II Pipelines", CitationFormat.Source(citation));
        Assert.Equal("§3.II Pipelines", CitationFormat.Source(citation with { DocumentName = null }));
        Assert.Equal("alpha beta…", CitationFormat.Clip("alpha  beta gamma", 12));
        Assert.Equal("alpha beta", CitationFormat.Clip("alpha\n beta", 12));
    }

    [Fact]
    public void Presentation_AnAnswerIsSharedCitedWithFeedbackAndTheAiLabel()
    {
        var answer = Answer(AnswerStatus.Answered, AnswerKinds.Answer, "It is a pipeline. [1]", cited: true);

        var shown = AnswerPresentation.For(answer);

        Assert.Equal(new Presentation(Shared: true, ShowCitations: true, OfferFeedback: true, Interpretation: null, AiLabel: true, IsList: false), shown);
    }

    [Fact]
    public void Presentation_ADeclineIsPrivateWithFeedbackAndItsCitationsWhenItHasSome()
    {
        var plain = AnswerPresentation.For(Answer(AnswerStatus.NotInPaper, AnswerKinds.Answer, "The paper doesn't say.", cited: false) with { Reason = DeclineReasons.AbsentSubject });
        var opposite = AnswerPresentation.For(Answer(AnswerStatus.NotInPaper, AnswerKinds.Answer, "The paper says the opposite:\nIt was signed. [1]", cited: true) with { Reason = DeclineReasons.FalsePremise });

        Assert.False(plain.Shared);
        Assert.True(plain.OfferFeedback);
        Assert.False(plain.ShowCitations);
        Assert.False(plain.AiLabel);
        Assert.True(opposite.ShowCitations);
    }

    [Theory]
    [InlineData(AnswerKinds.Help, false, false)]
    [InlineData(AnswerKinds.Sections, false, false)]
    [InlineData(AnswerKinds.Timeline, false, true)]
    [InlineData(AnswerKinds.Summary, true, true)]
    [InlineData(AnswerKinds.Define, true, false)]
    public void Presentation_CommandsAreSharedAndListedByKind(string kind, bool shared, bool list)
    {
        var shown = AnswerPresentation.For(Answer(AnswerStatus.Answered, kind, "Lead:\nEntry [1]", cited: true));

        Assert.Equal(shared, shown.Shared);
        Assert.Equal(list, shown.IsList);
        Assert.False(shown.OfferFeedback);
    }

    [Fact]
    public void Presentation_TheInterpretationIsShownApartOnlyWhenTheTextDoesNotLeadWithIt()
    {
        var leading = Answer(AnswerStatus.Answered, AnswerKinds.Answer, "Taking ‘it’ as ‘the pipeline’:\nIt runs north. [1]", cited: true) with { Interpretation = "Taking ‘it’ as ‘the pipeline’" };
        var apart = leading with { Text = "It runs north. [1]" };

        Assert.Null(AnswerPresentation.For(leading).Interpretation);
        Assert.Equal("Taking ‘it’ as ‘the pipeline’", AnswerPresentation.For(apart).Interpretation);
    }

    [Fact]
    public void Presentation_AQuizShowsNoCitationBesideItsCardButCarriesTheAiLabel()
    {
        var citation = new Citation(1, "d", "2", "History", "It was signed in 1960.");
        var quiz = Answer(AnswerStatus.Answered, AnswerKinds.Quiz, "When was it signed?", cited: false) with { Quiz = new QuizCard("q1", "When was it signed?", "1960", citation) };

        var shown = AnswerPresentation.For(quiz);

        Assert.False(shown.ShowCitations);
        Assert.True(shown.AiLabel);
        Assert.True(shown.Shared);
    }

    private static Answer Answer(AnswerStatus status, string kind, string text, bool cited) => new()
    {
        Question = "q",
        Status = status,
        Kind = kind,
        Text = text,
        Citations = cited ? [new Citation(1, "d", "2", "History", "It was signed.")] : [],
    };
}
