using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;
using PaperBot.Testing.Loopback;
using PaperBot.Testing.Servers;

[assembly: AssemblyFixture(typeof(PostgresFixture))]

namespace PaperBot.Storage.Tests;

/// <summary>The store suite on a real PostgreSQL (started once for this assembly), a database of each test's own.</summary>
public sealed class PostgresStoreTests(PostgresFixture postgres) : StoreContractTests
{
    protected override async ValueTask<StorageOptions> NewDatabaseAsync() =>
        new() { Provider = StorageOptions.Postgres, ConnectionString = await postgres.Server.CreateDatabaseAsync() };

    [Fact]
    public async Task Open_TwoReplicasAtOnceOnAFreshDatabase_BothStartAndMigrateOnce()
    {
        var options = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = await postgres.Server.CreateDatabaseAsync() };
        using var one = new StoreDatabase(options);
        using var other = new StoreDatabase(options);

        await Task.WhenAll(Task.Run(one.Open, Ct), Task.Run(other.Open, Ct));

        Assert.Equal(one.Salt, other.Salt);
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM schemaversions", connection);
        var scripts = typeof(StoreDatabase).Assembly.GetManifestResourceNames().Count(n => n.EndsWith(".sql", StringComparison.Ordinal));
        Assert.Equal((long)scripts, await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public void Open_NothingListening_SaysSoInOneLineWithoutThePassword()
    {
        var options = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = $"Host=127.0.0.1;Port={LoopbackPorts.Closed()};Username=u;Password=hunter2secret;Database=d;Timeout=3" };
        using var database = new StoreDatabase(options);

        var error = Assert.Throws<StoreOpenException>(database.Open);

        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("hunter2secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseGoneAtRunTime_CallsFallBackWithOneWarning_AndNothingThrows()
    {
        var options = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = await postgres.Server.CreateDatabaseAsync(), RetrySeconds = 60 };
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        using var database = new StoreDatabase(options);
        database.Open();
        var store = new SqlStore(database, new StoreGuard(options, loggers.CreateLogger<StoreGuard>(), TimeProvider.System), options, new ConversationOptions(), TimeProvider.System);
        await store.RememberAsync("c", new ConversationTurn("q", "s", []), Ct);
        Assert.NotNull(await store.LastTurnAsync("c", Ct));

        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(options.ConnectionString).Database;
        await using (var admin = new NpgsqlConnection(postgres.Server.ConnectionString("postgres")))
        {
            await admin.OpenAsync(Ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(Ct);
        }

        Assert.Null(await store.LastTurnAsync("c", Ct));
        await store.RememberAsync("c", new ConversationTurn("q", "s", []), Ct);
        await store.RecordAsync(Record("x", DateTimeOffset.UtcNow, PaperBot.Answering.AnswerStatus.Answered, null, false), Ct);
        Assert.True(await store.TryClaimAsync("k", TimeSpan.FromMinutes(1), Ct)); // answered rather than dropped
        Assert.Null(await store.FindAsync("quiz", Ct));

        var warnings = logs.GetSnapshot().Where(r => r.Level == LogLevel.Warning).ToList();
        Assert.Single(warnings, w => w.Id.Id == 7001);
        Assert.All(warnings, w => Assert.Null(w.Exception));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ReadAsync(DateTimeOffset.UnixEpoch, Ct));
    }
}
