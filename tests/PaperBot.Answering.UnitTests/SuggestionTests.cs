using System.Text.RegularExpressions;
using PaperBot.Answering.Conversations;
using PaperBot.Answering.Suggestions;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Storage;

namespace PaperBot.Answering.UnitTests;

/// <summary>Follow-up questions: made from a section's own text and structure, chosen without repeats, each one answered.</summary>
public sealed partial class SuggestionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ForSection_EverySection_QuestionsFromItsOwnAcronymsYearsAndNextParts()
    {
        var (_, knowledge, readings) = await TestReadings.ServiceAsync();
        var document = knowledge.Documents.Single();
        var all = document.Sections.SelectMany(s => SuggestionCandidates.ForSection(readings, document, s).Select(c => (Section: s, Candidate: c))).ToList();

        Assert.NotEmpty(all);
        foreach (var (section, candidate) in all)
        {
            var text = string.Join(" ", section.Paragraphs.Select(p => p.Text).Prepend(section.Title));
            Assert.True(candidate.Question.Length <= SuggestionCandidates.MaxQuestionLength);
            Assert.EndsWith("?", candidate.Question, StringComparison.Ordinal);
            if (Acronym().Match(candidate.Question) is { Success: true } acronym)
            {
                Assert.Equal(SuggestionSource.Nearby, candidate.Source);
                Assert.Contains($"({acronym.Groups[1].Value})", text, StringComparison.Ordinal);
            }
            else if (Year().Match(candidate.Question) is { Success: true } year)
            {
                Assert.Equal(SuggestionSource.Nearby, candidate.Source);
                Assert.Contains(year.Value, text, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(SuggestionSource.NextPart, candidate.Source);
                var named = document.Sections.Where(s => s != section).Select(s => s.Title);
                Assert.Contains(named, title => candidate.Question.Contains(title.Replace("The ", "", StringComparison.Ordinal), StringComparison.Ordinal));
            }
        }

        // A section that expands an acronym and reports a year offers both.
        var introduction = document.Sections.First(s => s.Paragraphs.Any(p => Year().IsMatch(p.Text)) && s.Paragraphs.Any(p => AcronymInText().IsMatch(p.Text)));
        var offered = SuggestionCandidates.ForSection(readings, document, introduction);
        Assert.Contains(offered, c => Acronym().IsMatch(c.Question));
        Assert.Contains(offered, c => Year().IsMatch(c.Question));
    }

    [Fact]
    public async Task ForSection_AnyCandidate_StandsOnItsOwnInAThread()
    {
        var (_, knowledge, readings) = await TestReadings.ServiceAsync(withTrams: true);
        var previous = new ConversationTurn("What is the cooperative?", "the cooperative", []);

        var candidates = knowledge.Documents.SelectMany(d => d.Sections.SelectMany(s => SuggestionCandidates.ForSection(readings, d, s))).ToList();

        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.Null(FollowUps.Read(c.Question, previous, readings)));
        Assert.All(candidates, c => Assert.DoesNotContain("the paper", c.Question, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("What does the abbreviation VHC stand for?", "what does the abbreviation vhc stand for", true)]
    [InlineData("What does VHC stand for?", "What does the abbreviation VHC stand for?", true)]
    [InlineData("When was the cooperative founded?", "What does the abbreviation VHC stand for?", false)]
    [InlineData("How many hives did the cooperative pool?", "What does the paper say about the Harvest?", false)]
    public void NearDuplicate_Questions_AsTheirTermsAgree(string first, string second, bool expected) =>
        Assert.Equal(expected, FollowUpSuggester.NearDuplicate(first, second));

    [Fact]
    public void Choose_Pool_NeverTheQuestionAskedNorOneRepeatingItsQuotesAndMixesSources()
    {
        var section = new SuggestionSection("d", "2", [3]);
        var pool = new List<VerifiedSuggestion>
        {
            new("What does the abbreviation VHC stand for?", SuggestionSource.Nearby, 3, new HashSet<string> { "a" }),
            new("What happened in 1999?", SuggestionSource.Nearby, 1, new HashSet<string> { "b" }),
            new("What happened in 2004?", SuggestionSource.Nearby, 3, new HashSet<string> { "c" }),
            new("What does the paper say about the Harvest?", SuggestionSource.NextPart, 0, new HashSet<string> { "d" }),
            new("How many hives were pooled?", SuggestionSource.Asked, 2, new HashSet<string> { "e" }),
        };

        var chosen = FollowUpSuggester.Choose([pool], [section], new HashSet<string> { "c" }, ["What does VHC stand for?"], 3);

        Assert.Equal(3, chosen.Count);
        Assert.DoesNotContain("What does the abbreviation VHC stand for?", chosen);
        Assert.DoesNotContain("What happened in 2004?", chosen);
        Assert.Equal(["What happened in 1999?", "What does the paper say about the Harvest?", "How many hives were pooled?"], chosen);
    }

    [Fact]
    public async Task AskAsync_AnsweredQuestion_EverySuggestionIsAnsweredWithACitation()
    {
        var (service, _, _) = await TestReadings.ServiceAsync(withTrams: true);
        var answered = 0;
        foreach (var question in new[] { "When was the cooperative founded?", "How many hives did the cooperative pool?", "When did Doria close its last tram line?" })
        {
            var answer = await service.AskAsync(new AskRequest(question, "thread-" + question), Ct);
            if (answer.Status != AnswerStatus.Answered)
            {
                continue;
            }

            answered++;
            Assert.InRange(answer.Suggestions.Count, 1, 3);
            Assert.DoesNotContain(answer.Suggestions, s => FollowUpSuggester.NearDuplicate(s, question));
            foreach (var suggestion in answer.Suggestions)
            {
                var followed = await service.AskAsync(new AskRequest(suggestion, "thread-" + question), Ct);
                Assert.True(followed.Status == AnswerStatus.Answered && followed.Citations.Count > 0, $"“{suggestion}” after “{question}”: {followed.Status} {followed.Reason}");
            }
        }

        Assert.True(answered >= 2, "the sample's questions are answered");
    }

    [Fact]
    public async Task AskAsync_QuestionAnotherStudentAskedInAThread_OfferedWithALaterAnswerFromItsSection()
    {
        var (service, _, _) = await TestReadings.ServiceAsync();
        const string asked = "How many hives did the cooperative pool?";
        const string leaning = "When was it founded?";

        var first = await service.AskAsync(new AskRequest(asked, "thread-a"), Ct);
        await service.AskAsync(new AskRequest(leaning, "thread-b"), Ct);
        var later = await service.AskAsync("What did the shared hives cut by half?", Ct);

        Assert.Equal(AnswerStatus.Answered, first.Status);
        Assert.Equal(AnswerStatus.Answered, later.Status);
        Assert.Equal(first.Citations[0].SectionId, later.Citations[0].SectionId);
        if (!first.Citations.Select(c => c.Quote).ToHashSet().IsSubsetOf(later.Citations.Select(c => c.Quote)))
        {
            Assert.Contains(asked, later.Suggestions);
        }

        Assert.DoesNotContain(leaning, later.Suggestions);
    }

    [Fact]
    public async Task AskAsync_SuggestionsOff_NoneOffered()
    {
        var (service, _, _) = await TestReadings.ServiceAsync(settings: new() { ["Answering:SuggestedFollowUps"] = "0" });

        var answer = await service.AskAsync("When was the cooperative founded?", Ct);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Empty(answer.Suggestions);
    }

    [Fact]
    public async Task AskAsync_Declined_KeepsTheExampleQuestions()
    {
        var (service, _, readings) = await TestReadings.ServiceAsync();

        var answer = await service.AskAsync("What is the capital of Australia?", Ct);

        Assert.NotEqual(AnswerStatus.Answered, answer.Status);
        Assert.Equal(readings.ExampleQuestions, answer.Suggestions);
    }

    [Fact]
    public async Task AskAsync_VerifyingSuggestions_LogsNoQuestionAndRemembersNothing()
    {
        var log = new InMemoryQuestionLog();
        var memory = new RecordingMemory();
        var (service, _, _) = await TestReadings.ServiceAsync(configure: services => services
            .AddSingleton<IQuestionLog>(log)
            .AddSingleton<IConversationMemory>(memory));

        var answer = await service.AskAsync(new AskRequest("When was the cooperative founded?", "thread-1") { Asker = new Asker("test", "U1") }, Ct);

        Assert.NotEmpty(answer.Suggestions);
        Assert.Single(await log.ReadAsync(DateTimeOffset.MinValue, Ct));
        Assert.Equal(["thread-1"], memory.Conversations);
    }

    private sealed class RecordingMemory : IConversationMemory
    {
        public List<string> Conversations { get; } = [];

        public Task<ConversationTurn?> LastTurnAsync(string conversationId, CancellationToken cancellationToken = default) => Task.FromResult<ConversationTurn?>(null);

        public Task RememberAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken = default)
        {
            lock (Conversations)
            {
                Conversations.Add(conversationId);
            }

            return Task.CompletedTask;
        }
    }

    [GeneratedRegex(@"abbreviation ([A-Z]{2,})\b")]
    private static partial Regex Acronym();

    [GeneratedRegex(@"\(([A-Z]{2,})\)")]
    private static partial Regex AcronymInText();

    [GeneratedRegex(@"\b(1[5-9]|20)\d\d\b")]
    private static partial Regex Year();
}
