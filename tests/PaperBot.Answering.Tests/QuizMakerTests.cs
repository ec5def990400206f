using PaperBot.Answering.Study;

namespace PaperBot.Answering.Tests;

/// <summary>Quiz questions a student can answer only by knowing the paper: the blank is never given away.</summary>
public sealed class QuizMakerTests(AnsweringFixture fixture)
{
    [Theory]
    [InlineData("Pakistan joined the South-East Asian Treaty Organization (SEATO) and Central Treaty Organization (CENTO).", "Central Treaty Organization", true)]
    [InlineData("Pakistan joined the South-East Asian Treaty Organization (SEATO) and Central Treaty Organization (CENTO).", "Central Treaty Organization (CENTO)", false)]
    [InlineData("The deal was signed in 2015, and work began in 2015 as well.", "2015", true)]
    [InlineData("The deal was signed in 2015 and work began in 2016.", "2015", false)]
    [InlineData("It was worth U.S $ 1.7 billion (about Rs 270 billion).", "U.S $ 1.7 billion", false)]
    [InlineData("The Gas Infrastructure Development Cess (GIDC) was levied.", "Gas Infrastructure Development Cess", true)]
    public void GivesAway_TheRestOfTheSentenceShowsTheBlank(string sentence, string fact, bool expected)
    {
        Assert.Equal(expected, QuizMaker.GivesAway(sentence, new QuizMaker.Fact("Which", fact)));
    }

    [Fact]
    public void Candidates_ThePaper_NoBlankIsGivenAwayAndEveryPromptIsAQuestion()
    {
        var glossary = Glossary.Extract(fixture.Knowledge.Documents);

        var candidates = QuizMaker.Candidates(fixture.Knowledge.AllSentences(), glossary);

        Assert.NotEmpty(candidates);
        Assert.Contains(candidates, c => c.Fact.Kind == "Which");
        foreach (var (sentence, fact) in candidates)
        {
            var prompt = QuizMaker.Prompt(sentence, fact, documentName: null);
            var question = prompt[..prompt.IndexOf('\n', StringComparison.Ordinal)];
            var cloze = prompt[(prompt.IndexOf('“') + 1)..prompt.LastIndexOf('”')];
            Assert.Matches(@"^(What date|What figure|Who|Which \w+) is missing from this sentence of §\S+ .+\?$", question);
            Assert.DoesNotContain(fact.Text, cloze, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"_____\s*\([A-Z]{2,}s?\)", cloze);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(cloze, QuizMaker.Blank));
        }
    }

    [Fact]
    public void Prompt_ANameWithItsAcronym_BlanksBothAndAsksForTheKindOfName()
    {
        var glossary = Glossary.Extract(fixture.Knowledge.Documents);
        var cento = glossary.Single(g => g.Term == "CENTO");
        var sentence = fixture.Knowledge.AllSentences().First(s => s.Text.Contains("Central Treaty Organization (CENTO)", StringComparison.Ordinal));

        var fact = QuizMaker.FactIn(sentence, [cento]);

        Assert.NotNull(fact);
        Assert.Equal("Which", fact.Kind);
        Assert.Equal("Central Treaty Organization (CENTO)", fact.Text);
        var prompt = QuizMaker.Prompt(sentence, fact, documentName: null);
        Assert.StartsWith("Which organisation is missing from this sentence of §2 ", prompt, StringComparison.Ordinal);
        Assert.Contains("(SEATO) and _____.", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("CENTO", prompt, StringComparison.Ordinal);
    }
}
