using PaperBot.Answering.Decision;
using PaperBot.Answering.Readings;
using PaperBot.Storage;

namespace PaperBot.Answering.UnitTests;

/// <summary>Asking within readings: <c>use …</c> parsed and resolved, a channel's choice kept, sources marked, other readings declined.</summary>
public sealed class ReadingsInUseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<Answer> AskAsync(AnswerService service, string text, string? channel = null, IReadOnlyList<string>? readings = null) =>
        service.AskAsync(new AskRequest(text) { Channel = channel, Readings = readings }, Ct);

    [Theory]
    [InlineData("use trams", "trams")]
    [InlineData("use all", "all")]
    [InlineData("/use bees, trams", "bees, trams")]
    [InlineData("Use the Arlen valley reading", "the Arlen valley reading")]
    [InlineData("use", "")]
    [InlineData("use nothing-like-a-reading", "nothing-like-a-reading")]
    public void Parse_UseAndWhatToUse_IsTheUseCommand(string text, string readings) =>
        Assert.Equal(readings, Assert.IsType<UseCommand>(CommandParser.Parse(text)).Readings);

    [Theory]
    [InlineData("use of force in the paper?")]
    [InlineData("use of force in the paper")]
    [InlineData("Use of sanctions by the council")]
    [InlineData("use cases of shared hives")]
    [InlineData("use trams?")]
    [InlineData("Is the use of hives described?")]
    public void Parse_UseAsANounOrAsked_StaysAQuestion(string text) =>
        Assert.IsType<QuestionCommand>(CommandParser.Parse(text));

    [Fact]
    public async Task Resolve_ByIdFileNameTitleOrTitleWords_FindsOneReading()
    {
        var (_, knowledge, _) = await TestReadings.ServiceAsync(withTrams: true);
        var documents = knowledge.Documents;
        var bees = documents.Single(d => d.Id == "bees");
        var trams = documents.Single(d => d.Id != "bees");

        foreach (var name in new[] { bees.Id, "BEES", ReadingIndex.TitleOf(bees), ReadingIndex.TitleOf(bees).ToUpperInvariant(), "the arlen valley reading", "hives arlen" })
        {
            var choice = ReadingNames.Resolve(name, documents);
            Assert.True(choice.Resolved, name);
            Assert.Equal([bees], choice.Readings);
        }

        Assert.Equal([trams], ReadingNames.Resolve(trams.DisplayName, documents).Readings);
    }

    [Theory]
    [InlineData(",")]
    [InlineData(" ")]
    [InlineData(" and ")]
    [InlineData("; ")]
    public async Task Resolve_SeveralSeparated_FindsEach(string separator)
    {
        var (_, knowledge, _) = await TestReadings.ServiceAsync(withTrams: true);
        var documents = knowledge.Documents;
        var trams = documents.Single(d => d.Id != "bees");

        var choice = ReadingNames.Resolve($"arlen{separator}{trams.Id}", documents);

        Assert.True(choice.Resolved);
        Assert.Equal(documents.Select(d => d.Id).Order(), choice.Readings.Select(d => d.Id).Order());
    }

    [Fact]
    public async Task Resolve_ANameOfNoReading_IsUnmatchedAndChoosesNothing()
    {
        var (_, knowledge, _) = await TestReadings.ServiceAsync(withTrams: true);
        var documents = knowledge.Documents;

        var choice = ReadingNames.Resolve("arlen, zeppelins", documents);

        Assert.False(choice.Resolved);
        Assert.Equal(["zeppelins"], choice.Unmatched);
        Assert.True(ReadingNames.Resolve("all", documents).All);
    }

    [Fact]
    public async Task Use_InAChannel_AnswersThatChannelFromThoseReadingsOnly_AndOtherChannelsFromAll()
    {
        var (service, knowledge, _) = await TestReadings.ServiceAsync(withTrams: true);
        var trams = knowledge.Documents.Single(d => d.Id != "bees");
        const string question = "When did the first line open?";
        var everywhere = await AskAsync(service, question, "test:elsewhere");
        Assert.Equal(AnswerStatus.Answered, everywhere.Status);

        var set = await AskAsync(service, "use arlen", "test:bees-only");

        Assert.Equal(AnswerStatus.Answered, set.Status);
        Assert.Equal(AnswerKinds.Readings, set.Kind);
        Assert.Contains(ReadingIndex.TitleOf(knowledge.Documents.Single(d => d.Id == "bees")), set.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ReadingIndex.TitleOf(trams), set.Text, StringComparison.Ordinal);
        var there = await AskAsync(service, "How many hives did the cooperative pool?", "test:bees-only");
        Assert.Equal(AnswerStatus.Answered, there.Status);
        Assert.All(there.Citations, c => Assert.Equal("bees", c.DocumentId));
        var tramsThere = await AskAsync(service, question, "test:bees-only");
        Assert.DoesNotContain(tramsThere.Citations, c => c.DocumentId == trams.Id);
        var elsewhere = await AskAsync(service, question, "test:elsewhere");
        Assert.Equal(everywhere.Citations.Select(c => c.DocumentId), elsewhere.Citations.Select(c => c.DocumentId));

        await AskAsync(service, "use all", "test:bees-only");
        var restored = await AskAsync(service, question, "test:bees-only");
        Assert.Equal(everywhere.Citations.Select(c => c.DocumentId), restored.Citations.Select(c => c.DocumentId));
    }

    [Fact]
    public async Task Use_ANameOfNoReading_SaysWhatDidNotMatchAndListsTheReadings_AndChangesNothing()
    {
        var (service, knowledge, _) = await TestReadings.ServiceAsync(withTrams: true);
        await AskAsync(service, "use arlen", "test:c");

        var reply = await AskAsync(service, "use zeppelins", "test:c");

        Assert.Equal(AnswerStatus.Rejected, reply.Status);
        Assert.Equal(DeclineReasons.UnknownReading, reply.Reason);
        Assert.Contains("“zeppelins”", reply.Text, StringComparison.Ordinal);
        Assert.All(knowledge.Documents, d =>
        {
            Assert.Contains(d.Id, reply.Text, StringComparison.Ordinal);
            Assert.Contains(ReadingIndex.TitleOf(d), reply.Text, StringComparison.Ordinal);
        });
        var sources = await AskAsync(service, "sources", "test:c");
        Assert.Contains("in use", sources.Text.Split('\n').Single(l => l.Contains("(bees)", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Use_OutsideAChannel_SaysHowToNameReadingsThere()
    {
        var (service, _, _) = await TestReadings.ServiceAsync(withTrams: true);

        var reply = await AskAsync(service, "use arlen");

        Assert.Equal(DeclineReasons.Input, reply.Reason);
        Assert.Contains("--reading", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Use_IsKeptInTheChannelStore_SoAnotherServiceOnTheSameStoreAnswersAlike()
    {
        var store = new InMemoryChannelReadings();
        var (one, _, _) = await TestReadings.ServiceAsync(withTrams: true, configure: s => s.AddSingletonChannels(store));
        var (other, _, _) = await TestReadings.ServiceAsync(withTrams: true, configure: s => s.AddSingletonChannels(store));

        await AskAsync(one, "use arlen", "test:shared");

        Assert.Equal(["bees"], await store.GetAsync("test:shared", Ct));
        var sources = await AskAsync(other, "sources", "test:shared");
        Assert.Single(sources.Text.Split('\n'), l => l.EndsWith("in use", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Use_StoreAway_SaysNothingChangedInsteadOfConfirming()
    {
        var (service, _, _) = await TestReadings.ServiceAsync(withTrams: true, configure: s => s.AddSingletonChannels(new AwayChannelStore()));

        var use = await AskAsync(service, "use arlen", "test:away");
        var after = await AskAsync(service, "When did the first line open?", "test:away");

        Assert.Equal(AnswerStatus.Rejected, use.Status);
        Assert.Equal(DeclineReasons.StoreUnavailable, use.Reason);
        Assert.Contains("Nothing was changed", use.Text, StringComparison.Ordinal);
        Assert.Contains(after.Citations, c => c.DocumentId == "trams");
    }

    [Fact]
    public async Task Sources_ListsEachReadingsTitleIdSectionsAndWhenIndexed_MarkingThoseInUse()
    {
        var (service, knowledge, _) = await TestReadings.ServiceAsync(withTrams: true);

        var all = await AskAsync(service, "sources");
        var some = await AskAsync(service, "sources", readings: ["bees"]);

        foreach (var document in knowledge.Documents)
        {
            var line = all.Text.Split('\n').Single(l => l.Contains($"({document.Id})", StringComparison.Ordinal));
            Assert.Contains(ReadingIndex.TitleOf(document), line, StringComparison.Ordinal);
            Assert.Contains($"{document.Sections.Count} sections", line, StringComparison.Ordinal);
            Assert.Contains(knowledge.IndexedAt(document.Id)!.Value.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
            Assert.DoesNotContain("in use", line, StringComparison.Ordinal);
            var marked = some.Text.Split('\n').Single(l => l.Contains($"({document.Id})", StringComparison.Ordinal));
            Assert.Equal(document.Id == "bees", marked.Contains("in use", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Question_NamingALoadedReadingNotInUse_IsDeclinedNamingItAndThoseInUse()
    {
        var (service, knowledge, _) = await TestReadings.ServiceAsync(withTrams: true);
        var trams = knowledge.Documents.Single(d => d.Id != "bees");
        await AskAsync(service, "use arlen", "test:scope");

        var answer = await AskAsync(service, $"What does {trams.Id} say about the first line?", "test:scope");

        Assert.Equal(DeclineReasons.ReadingNotInUse, answer.Reason);
        Assert.Empty(answer.Citations);
        Assert.Contains(answer.Evidence, e => e.Measure == "named_reading" && e.Detail == trams.Id);
        Assert.Contains(answer.Evidence, e => e.Measure == "reading_in_use" && e.Detail == "bees");
        Assert.Contains("use all", answer.Text, StringComparison.Ordinal);
        Assert.Contains("use all", answer.Suggestions);
    }

    [Fact]
    public async Task Question_NamingAReadingByTitleWords_IsDeclinedWhenNotInUse_AndAnsweredWhenInUse()
    {
        var (service, _, _) = await TestReadings.ServiceAsync(withTrams: true);
        await AskAsync(service, "use trams", "test:trams");
        await AskAsync(service, "use arlen", "test:bees");
        const string question = "What do the shared hives of the Arlen valley cost?";

        var declined = await AskAsync(service, question, "test:trams");
        var answered = await AskAsync(service, question, "test:bees");

        Assert.Equal(DeclineReasons.ReadingNotInUse, declined.Reason);
        Assert.Contains(declined.Evidence, e => e.Measure == "named_reading" && e.Detail == "bees");
        Assert.NotEqual(DeclineReasons.ReadingNotInUse, answered.Reason);
    }

    [Fact]
    public async Task Question_NamingNoReading_IsNotDeclinedForTheReadingsInUse()
    {
        var (service, _, _) = await TestReadings.ServiceAsync(withTrams: true);

        var answer = await AskAsync(service, "How many hives did the cooperative pool?", readings: ["bees"]);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
    }

    [Fact]
    public async Task Readings_NoLongerLoaded_AreIgnored_AndNoneLoadedMeansEveryReading()
    {
        var (service, _, _) = await TestReadings.ServiceAsync(withTrams: true);

        var answer = await AskAsync(service, "When did the first line open?", readings: ["removed-reading"]);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.NotEqual(DeclineReasons.ReadingNotInUse, answer.Reason);
    }

    [Fact]
    public async Task InMemoryChannelReadings_SetReplaceAndClear()
    {
        var store = new InMemoryChannelReadings(capacity: 2);
        await store.SetAsync("a", ["x", "x", "y"], Ct);
        Assert.Equal(["x", "y"], await store.GetAsync("a", Ct));
        await store.SetAsync("a", [], Ct);
        Assert.Null(await store.GetAsync("a", Ct));
        await store.SetAsync("a", ["x"], Ct);
        await store.SetAsync("b", ["x"], Ct);
        await store.SetAsync("c", ["x"], Ct);
        Assert.Equal(["x"], await store.GetAsync("c", Ct));
    }
}

/// <summary>A store that is away: it keeps nothing and says so.</summary>
internal sealed class AwayChannelStore : IChannelReadings
{
    public Task<IReadOnlyList<string>?> GetAsync(string channel, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<string>?>(null);

    public Task<bool> SetAsync(string channel, IReadOnlyList<string>? documentIds, CancellationToken cancellationToken = default) => Task.FromResult(false);
}

internal static class ChannelStoreRegistration
{
    public static void AddSingletonChannels(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, IChannelReadings store) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, store);
}
