using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Answering;
using PaperBot.Storage;

namespace PaperBot.Cli.Tests;

/// <summary><c>paperbot forget</c> and the CLI's own questions, against a SQLite store in a folder of the test's own.</summary>
public sealed class StoreCliTests(CliRunner cli) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"paperbot-cli-store-{Guid.NewGuid():N}");

    private Dictionary<string, string> Store => new() { ["Storage__Provider"] = "sqlite", ["Storage__Path"] = _folder };

    [Fact]
    public async Task Forget_User_RemovesThatUsersQuestionsAndVotesOnly()
    {
        var options = new StorageOptions { Path = _folder };
        using (var database = new StoreDatabase(options))
        {
            var store = new SqlStore(database, new StoreGuard(options, NullLogger<StoreGuard>.Instance, TimeProvider.System), options, new ConversationOptions(), TimeProvider.System);
            var now = DateTimeOffset.UtcNow;
            foreach (var (answer, user) in new[] { ("a1", "UALICE01"), ("a2", "UALICE01"), ("b1", "UBOB0002") })
            {
                await store.RecordAsync(new QuestionRecord(answer, now, FrontEnds.Slack, store.Keys.KeyOf(user), "q?", AnswerStatus.Answered, null, AnswerKinds.Answer, false, []), TestContext.Current.CancellationToken);
            }

            await store.RecordAsync(new FeedbackRecord("b1", store.Keys.KeyOf("UALICE01"), false, null, FrontEnds.Slack, now), TestContext.Current.CancellationToken);
        }

        SqliteConnection.ClearAllPools();
        var result = await cli.RunAsync(["forget", "--user", "UALICE01"], environment: Store);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("Removed 2 question(s) and 1 vote(s)", result.StandardOutput, StringComparison.Ordinal);
        using var check = new StoreDatabase(options);
        var left = new SqlStore(check, new StoreGuard(options, NullLogger<StoreGuard>.Instance, TimeProvider.System), options, new ConversationOptions(), TimeProvider.System);
        Assert.Equal("b1", Assert.Single(await left.ReadAsync(DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken)).AnswerId);
    }

    [Fact]
    public async Task Forget_WithoutUser_UsageError()
    {
        var result = await cli.RunAsync(["forget"], environment: Store);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--user", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WithAStore_LogsTheQuestionAsTheClis()
    {
        var result = await cli.RunAsync(["ask", "--json", "What is this reading about?"], environment: Store);

        Assert.True(result.ExitCode is 0 or 1, result.StandardError);
        var options = new StorageOptions { Path = _folder };
        using var database = new StoreDatabase(options);
        var store = new SqlStore(database, new StoreGuard(options, NullLogger<StoreGuard>.Instance, TimeProvider.System), options, new ConversationOptions(), TimeProvider.System);
        var logged = Assert.Single(await store.ReadAsync(DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken));
        Assert.Equal(FrontEnds.Cli, logged.FrontEnd);
        Assert.Equal("What is this reading about?", logged.Question);
        Assert.Null(logged.UserKey);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
