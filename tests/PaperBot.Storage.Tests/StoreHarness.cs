using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Storage;

namespace PaperBot.Storage.Tests;

/// <summary>A store on one database, with the clock in the test's hands.</summary>
public sealed class StoreHarness : IDisposable
{
    public StoreHarness(StorageOptions options, ConversationOptions? conversations = null, FakeTimeProvider? clock = null)
    {
        Options = options;
        Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        Conversations = conversations ?? new ConversationOptions();
        Database = new StoreDatabase(options);
        Database.Open();
        Store = new SqlStore(Database, new StoreGuard(options, NullLogger<StoreGuard>.Instance, Clock), options, Conversations, Clock);
        Maintenance = new StoreMaintenance(Database, Store, options, Conversations, Clock);
    }

    public StorageOptions Options { get; }

    public FakeTimeProvider Clock { get; }

    public ConversationOptions Conversations { get; }

    public StoreDatabase Database { get; }

    public SqlStore Store { get; }

    public StoreMaintenance Maintenance { get; }

    public void Dispose() => Database.Dispose();
}
