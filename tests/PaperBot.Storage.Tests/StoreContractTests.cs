using System.Data.Common;
using PaperBot.Answering;
using PaperBot.Storage;

namespace PaperBot.Storage.Tests;

/// <summary>
/// What every store must do, whichever database is behind it: the same tests run on SQLite
/// (<see cref="SqliteStoreTests"/>) and on a real PostgreSQL (<see cref="PostgresStoreTests"/>).
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private readonly List<StoreHarness> _harnesses = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Settings for a store on a database of this test's own; the same settings reach the same database.</summary>
    protected abstract ValueTask<StorageOptions> NewDatabaseAsync();

    private StorageOptions? _options;

    public async ValueTask InitializeAsync() => _options = await NewDatabaseAsync();

    public ValueTask DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            harness.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A store on this test's database: a second call is a second replica (or the same one after a restart).</summary>
    protected StoreHarness Open(ConversationOptions? conversations = null, Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null)
    {
        var harness = new StoreHarness(_options!, conversations, clock);
        _harnesses.Add(harness);
        return harness;
    }

    [Fact]
    public async Task Conversation_RememberedTurn_IsTheLastTurnOnAnotherReplica()
    {
        var one = Open();
        var other = Open(clock: one.Clock);
        var turn = new ConversationTurn("When was the deal signed?", "the deal", ["2", "3.1"]);

        await one.Store.RememberAsync("thread-1", new ConversationTurn("earlier", "older", ["1"]), Ct);
        one.Clock.Advance(TimeSpan.FromSeconds(1));
        await one.Store.RememberAsync("thread-1", turn, Ct);

        var last = await other.Store.LastTurnAsync("thread-1", Ct);
        Assert.NotNull(last);
        Assert.Equal(turn.Question, last.Question);
        Assert.Equal(turn.Subject, last.Subject);
        Assert.Equal(turn.SectionIds, last.SectionIds);
        Assert.Null(await other.Store.LastTurnAsync("thread-2", Ct));
    }

    [Fact]
    public async Task Conversation_QuietLongerThanTtl_IsForgotten()
    {
        var store = Open(new ConversationOptions { TtlMinutes = 30 });
        await store.Store.RememberAsync("c", new ConversationTurn("q", "s", []), Ct);

        store.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(await store.Store.LastTurnAsync("c", Ct));
        store.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await store.Store.LastTurnAsync("c", Ct));
    }

    [Fact]
    public async Task Conversation_MoreTurnsThanMaxTurns_KeepsOnlyTheLatest()
    {
        var store = Open(new ConversationOptions { MaxTurns = 2 });
        for (var i = 0; i < 5; i++)
        {
            await store.Store.RememberAsync("c", new ConversationTurn($"q{i}", $"s{i}", []), Ct);
            store.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(2, await CountAsync(store, "conversation_turns"));
        Assert.Equal("s4", (await store.Store.LastTurnAsync("c", Ct))?.Subject);
    }

    [Fact]
    public async Task Quiz_Saved_IsFoundAfterARestartUntilItExpires()
    {
        var first = Open();
        var card = new QuizCard("a1b2c3", "What date is missing?\n“… _____ …”", "16 October", new Citation(1, "doc", "2", "Title", "The quote.", 3, null) { DocumentTitle = "A reading" });
        await first.Store.SaveAsync(card, Ct);
        first.Dispose();

        var restarted = Open(clock: first.Clock);
        var found = await restarted.Store.FindAsync(" a1b2c3 ", Ct);
        Assert.Equal(card, found);
        Assert.Null(await restarted.Store.FindAsync("unknown", Ct));

        restarted.Clock.Advance(TimeSpan.FromDays(restarted.Options.QuizDays) + TimeSpan.FromMinutes(1));
        Assert.Null(await restarted.Store.FindAsync("a1b2c3", Ct));
    }

    [Fact]
    public async Task QuestionLog_Recorded_ReadsBackEveryFieldFromSince()
    {
        var store = Open();
        var now = store.Clock.GetUtcNow();
        var old = Record("old", now - TimeSpan.FromDays(3), AnswerStatus.Answered, null, false);
        var recent = Record("recent", now, AnswerStatus.NotInPaper, "not_in_reading", true) with
        {
            Sections = [new CitedSection("doc-a", "3.II", "A title", "Reading A"), new CitedSection("doc-b", "1", "Other", "Reading B")],
        };
        await store.Store.RecordAsync(old, Ct);
        await store.Store.RecordAsync(recent, Ct);
        await store.Store.RecordAsync(recent, Ct); // the same answer twice is one line

        var read = await store.Store.ReadAsync(now - TimeSpan.FromDays(1), Ct);

        var only = Assert.Single(read);
        Assert.Equal(recent with { Sections = [] }, only with { Sections = [] });
        Assert.Equal(recent.Sections, only.Sections);
        Assert.Equal(2, (await store.Store.ReadAsync(now - TimeSpan.FromDays(7), Ct)).Count);
    }

    [Fact]
    public async Task Feedback_SecondVoteOfTheSameUserOnTheSameAnswer_IsRefusedOnAnyReplica()
    {
        var one = Open();
        var other = Open(clock: one.Clock);
        var user = one.Store.Keys.KeyOf("U-voter");
        var at = one.Clock.GetUtcNow();

        Assert.True(await one.Store.RecordAsync(new FeedbackRecord("answer-1", user, false, "wrong section", FrontEnds.Slack, at), Ct));
        Assert.False(await other.Store.RecordAsync(new FeedbackRecord("answer-1", user, true, null, FrontEnds.Slack, at), Ct));
        Assert.True(await other.Store.RecordAsync(new FeedbackRecord("answer-1", other.Store.Keys.KeyOf("U-someone-else"), true, null, FrontEnds.Teams, at), Ct));

        var votes = await ((IFeedbackStore)other.Store).ReadAsync(at - TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(2, votes.Count);
        var first = votes.Single(v => v.UserKey == user);
        Assert.False(first.Liked);
        Assert.Equal("wrong section", first.Comment);
    }

    [Fact]
    public async Task Replies_LinkedOnOneReplica_AreFoundOnAnother()
    {
        var one = Open();
        var other = Open(clock: one.Clock);

        await one.Store.LinkReplyAsync("reply-7", "answer-42", Ct);

        Assert.Equal("answer-42", await other.Store.AnswerForReplyAsync("reply-7", Ct));
        Assert.Null(await other.Store.AnswerForReplyAsync("reply-8", Ct));
    }

    [Fact]
    public async Task Delivery_ClaimedByOneReplica_IsRefusedToTheOtherUntilItExpiresOrIsReleased()
    {
        var one = Open();
        var other = Open(clock: one.Clock);
        var lifetime = TimeSpan.FromHours(1);

        Assert.True(await one.Store.TryClaimAsync("slack:Ev1", lifetime, Ct));
        Assert.False(await other.Store.TryClaimAsync("slack:Ev1", lifetime, Ct));
        Assert.True(await other.Store.TryClaimAsync("slack:Ev2", lifetime, Ct));

        one.Clock.Advance(lifetime + TimeSpan.FromSeconds(1));
        Assert.True(await other.Store.TryClaimAsync("slack:Ev1", lifetime, Ct));

        await other.Store.ReleaseAsync("slack:Ev2", Ct);
        Assert.True(await one.Store.TryClaimAsync("slack:Ev2", lifetime, Ct));
    }

    [Fact]
    public async Task ChannelReadings_SetOnOneReplica_AreReadOnAnotherAndAfterARestart()
    {
        var one = Open();
        var other = Open(clock: one.Clock);

        await one.Store.SetAsync("slack:C-one", ["reading-b", "reading-a", "reading-b"], Ct);

        Assert.Equal(["reading-b", "reading-a"], await other.Store.GetAsync("slack:C-one", Ct));
        Assert.Null(await other.Store.GetAsync("slack:C-other", Ct));
        one.Dispose();
        var restarted = Open(clock: other.Clock);
        Assert.Equal(["reading-b", "reading-a"], await restarted.Store.GetAsync("slack:C-one", Ct));
    }

    [Fact]
    public async Task ChannelReadings_SetAgain_ReplacesThem_AndNullOrEmptyGoesBackToEveryReading()
    {
        var store = Open();
        await store.Store.SetAsync("teams:conversation", ["a"], Ct);
        await store.Store.SetAsync("teams:conversation", ["b", "c"], Ct);
        Assert.Equal(["b", "c"], await store.Store.GetAsync("teams:conversation", Ct));

        await store.Store.SetAsync("teams:conversation", null, Ct);
        Assert.Null(await store.Store.GetAsync("teams:conversation", Ct));

        await store.Store.SetAsync("teams:conversation", ["a"], Ct);
        await store.Store.SetAsync("teams:conversation", [], Ct);
        Assert.Null(await store.Store.GetAsync("teams:conversation", Ct));
        Assert.Equal(0, await CountAsync(store, "channel_readings"));
    }

    [Fact]
    public async Task ChannelReadings_AreASetting_RetentionKeepsThem()
    {
        var store = Open();
        await store.Store.SetAsync("slack:C-kept", ["reading-a"], Ct);
        store.Clock.Advance(TimeSpan.FromDays(store.Options.RetentionDays + 30));

        await store.Maintenance.PurgeExpiredAsync(Ct);

        Assert.Equal(["reading-a"], await store.Store.GetAsync("slack:C-kept", Ct));
    }

    [Fact]
    public async Task Retention_PurgesWhatIsOlderThanRetentionDays_AndKeepsTheRest()
    {
        var store = Open();
        var now = store.Clock.GetUtcNow();
        var days = store.Options.RetentionDays;
        await store.Store.RecordAsync(Record("stale", now - TimeSpan.FromDays(days + 1), AnswerStatus.Answered, null, false), Ct);
        await store.Store.RecordAsync(Record("kept", now - TimeSpan.FromDays(days - 1), AnswerStatus.Answered, null, false), Ct);
        await store.Store.RecordAsync(new FeedbackRecord("stale", "k", true, null, FrontEnds.Http, now - TimeSpan.FromDays(days + 1)), Ct);
        await store.Store.TryClaimAsync("gone", TimeSpan.FromMinutes(1), Ct);
        store.Clock.Advance(TimeSpan.FromMinutes(2));

        var removed = await store.Maintenance.PurgeExpiredAsync(Ct);

        Assert.Equal(1, removed.Questions);
        Assert.Equal(1, removed.Feedback);
        Assert.Equal(1, removed.Deliveries);
        var left = await store.Store.ReadAsync(DateTimeOffset.UnixEpoch, Ct);
        Assert.Equal("kept", Assert.Single(left).AnswerId);
    }

    [Fact]
    public async Task ForgetUser_RemovesThatUsersQuestionsAndVotesOnly()
    {
        var store = Open();
        var now = store.Clock.GetUtcNow();
        var alice = store.Store.Keys.KeyOf("U-ALICE");
        var bob = store.Store.Keys.KeyOf("U-BOB");
        await store.Store.RecordAsync(Record("a1", now, AnswerStatus.Answered, null, false) with { UserKey = alice }, Ct);
        await store.Store.RecordAsync(Record("b1", now, AnswerStatus.Answered, null, false) with { UserKey = bob }, Ct);
        await store.Store.RecordAsync(new FeedbackRecord("b1", alice, false, null, FrontEnds.Slack, now), Ct);

        var removed = await store.Maintenance.ForgetUserAsync("U-ALICE", Ct);

        Assert.Equal((1, 1), (removed.Questions, removed.Feedback));
        Assert.Equal("b1", Assert.Single(await store.Store.ReadAsync(DateTimeOffset.UnixEpoch, Ct)).AnswerId);
        Assert.Empty(await ((IFeedbackStore)store.Store).ReadAsync(DateTimeOffset.UnixEpoch, Ct));
    }

    [Fact]
    public async Task UserKeys_SameInstallation_SameKey_AndNoRawIdInAnyTable()
    {
        var one = Open();
        var other = Open(clock: one.Clock);
        const string rawUser = "U0RAWUSER42";
        const string rawConversation = "19:rawconversation@thread.tacv2";
        Assert.Equal(one.Store.Keys.KeyOf(rawUser), other.Store.Keys.KeyOf(rawUser));

        var key = one.Store.Keys.KeyOf(rawUser);
        await one.Store.RecordAsync(Record("q1", one.Clock.GetUtcNow(), AnswerStatus.Answered, null, false) with { UserKey = key }, Ct);
        await one.Store.RecordAsync(new FeedbackRecord("q1", key, true, null, FrontEnds.Teams, one.Clock.GetUtcNow()), Ct);
        await one.Store.RememberAsync(rawConversation, new ConversationTurn("q", "s", []), Ct);
        await one.Store.TryClaimAsync($"teams:{rawConversation}:{rawUser}", TimeSpan.FromHours(1), Ct);
        await one.Store.SetAsync($"teams:{rawConversation}", ["reading-a"], Ct);
        Assert.Equal(1, await CountAsync(one, "channel_readings"));

        var cells = await AllTextAsync(one);
        Assert.NotEmpty(cells);
        Assert.DoesNotContain(cells, c => c.Contains(rawUser, StringComparison.Ordinal) || c.Contains(rawConversation, StringComparison.Ordinal));
    }

    protected static QuestionRecord Record(string id, DateTimeOffset at, AnswerStatus status, string? reason, bool followUp) =>
        new(id, at, FrontEnds.Slack, "user-key", $"question {id}?", status, reason, AnswerKinds.Answer, followUp, []);

    protected static async Task<long> CountAsync(StoreHarness store, string table)
    {
        await using var connection = await store.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every text value of every PaperBot table.</summary>
    protected static async Task<List<string>> AllTextAsync(StoreHarness store)
    {
        var cells = new List<string>();
        await using var connection = await store.Database.OpenConnectionAsync(Ct);
        foreach (var table in new[] { "conversation_turns", "quizzes", "questions", "feedback", "replies", "deliveries", "channel_readings", "installation" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using DbDataReader reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string text)
                    {
                        cells.Add(text);
                    }
                }
            }
        }

        return cells;
    }
}
