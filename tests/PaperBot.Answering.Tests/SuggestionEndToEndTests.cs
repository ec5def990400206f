using Microsoft.Extensions.DependencyInjection;
using PaperBot.Answering.Suggestions;
using PaperBot.Evaluation;
using PaperBot.Knowledge.Configuration;

namespace PaperBot.Answering.Tests;

/// <summary>
/// Every suggestion is answerable: a sample of the gold set's answerable questions (their texts only) is asked in a
/// thread, and each follow-up the answer offers is asked in that same thread, as a click asks it, on the shipped paper
/// and on the second reading alone.
/// </summary>
public sealed class SuggestionEndToEndTests(AnsweringFixture fixture)
{
    private const int Sample = 12;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AskAsync_SampleOfTheShippedPaper_EverySuggestionAnsweredWithACitation() =>
        await ClickEverySuggestionAsync(fixture.Answers, SampleOf(fixture.Gold.Where(g => fixture.Knowledge.FindDocument(g.Reading) is not null)));

    [Fact]
    public async Task AskAsync_SampleOfTheSecondReadingAlone_EverySuggestionAnsweredWithACitation()
    {
        var folder = GoldSet.ReadingsFolder(PathResolver.ResolveFolder(GoldSet.DefaultFolder));
        await using var services = fixture.ServicesFor(folder);
        var answers = services.GetRequiredService<IAnswerService>();
        var knowledge = await services.GetRequiredService<PaperBot.Knowledge.KnowledgeBaseProvider>().GetAsync(Ct);
        Assert.DoesNotContain(knowledge.Documents, d => fixture.Knowledge.FindDocument(d.Id) is not null);

        await ClickEverySuggestionAsync(answers, SampleOf(fixture.Gold.Where(g => knowledge.FindDocument(g.Reading) is not null)));
    }

    /// <summary>Answerable questions of the dev split, spread over it (every n-th), as students type them: texts only.</summary>
    private static List<string> SampleOf(IEnumerable<GoldItem> gold)
    {
        var answerable = gold.Where(g => g.IsAnswerable && g.Split == "dev").Select(g => g.Question).ToList();
        var step = Math.Max(1, answerable.Count / Sample);
        return answerable.Where((_, i) => i % step == 0).Take(Sample).ToList();
    }

    private static async Task ClickEverySuggestionAsync(IAnswerService answers, IReadOnlyList<string> questions)
    {
        Assert.NotEmpty(questions);
        var offered = 0;
        var answered = 0;
        var failures = new List<string>();
        foreach (var question in questions)
        {
            var thread = "suggestion-test:" + Guid.NewGuid().ToString("N");
            var answer = await answers.AskAsync(new AskRequest(question, thread), Ct);
            if (!FollowUpSuggester.IsAnsweredWithCitation(answer))
            {
                continue;
            }

            answered++;
            Assert.InRange(answer.Suggestions.Count, 0, 3);
            Assert.DoesNotContain(answer.Suggestions, s => FollowUpSuggester.NearDuplicate(s, question));
            Assert.Equal(answer.Suggestions.Count, answer.Suggestions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            foreach (var suggestion in answer.Suggestions)
            {
                offered++;
                var clicked = await answers.AskAsync(new AskRequest(suggestion, thread), Ct);
                if (clicked.Status != AnswerStatus.Answered || clicked.Citations.Count == 0)
                {
                    failures.Add($"“{suggestion}” after “{question}”: {clicked.Status} ({clicked.Reason}) {clicked.Text}");
                }
            }
        }

        Assert.True(answered >= questions.Count / 2, $"only {answered} of {questions.Count} sample questions were answered");
        Assert.True(offered >= answered, $"{offered} suggestions for {answered} answers");
        Assert.Empty(failures);
    }
}
