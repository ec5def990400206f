using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaperBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store named by <c>Storage:Provider</c> (validated at start) for conversation memory, quizzes, the
    /// question log, feedback, the delivery ledger, the channels' readings and the user keys: one <see cref="SqlStore"/> on SQLite (default)
    /// or PostgreSQL, or the in-process stores for <c>memory</c>. Call before the areas that use them.
    /// </summary>
    public static IServiceCollection AddPaperBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        services.TryAddSingleton<StoreDatabase>();
        services.TryAddSingleton(sp => new StoreGuard(sp.GetRequiredService<StorageOptions>(), sp.GetRequiredService<ILogger<StoreGuard>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SqlStore(
            sp.GetRequiredService<StoreDatabase>(),
            sp.GetRequiredService<StoreGuard>(),
            sp.GetRequiredService<StorageOptions>(),
            sp.GetRequiredService<IOptions<ConversationOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new StoreMaintenance(
            sp.GetRequiredService<StoreDatabase>(),
            sp.GetRequiredService<SqlStore>(),
            sp.GetRequiredService<StorageOptions>(),
            sp.GetRequiredService<IOptions<ConversationOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<InProcessStores>();

        services.TryAddSingleton<IConversationMemory>(sp => Pick<IConversationMemory>(sp, m => m.Conversations));
        services.TryAddSingleton<IQuizStore>(sp => Pick<IQuizStore>(sp, m => m.Quizzes));
        services.TryAddSingleton<IQuestionLog>(sp => Pick<IQuestionLog>(sp, m => m.Questions));
        services.TryAddSingleton<IFeedbackStore>(sp => Pick<IFeedbackStore>(sp, m => m.Feedback));
        services.TryAddSingleton<IDeliveryLedger>(sp => Pick<IDeliveryLedger>(sp, m => m.Deliveries));
        services.TryAddSingleton<IChannelReadings>(sp => Pick<IChannelReadings>(sp, m => m.Channels));
        services.TryAddSingleton<IUserKeys>(sp => IsMemory(sp) ? sp.GetRequiredService<InProcessStores>().Keys : sp.GetRequiredService<SqlStore>().Keys);
        services.AddSingleton<IHostedService>(sp => IsMemory(sp) ? new NothingToRun() : ActivatorUtilities.CreateInstance<RetentionService>(sp));
        return services;
    }

    /// <summary>True when <c>Storage:Provider</c> is <c>memory</c>: nothing is kept past the process.</summary>
    public static bool IsMemory(IServiceProvider services) =>
        string.Equals(services.GetRequiredService<StorageOptions>().Provider, StorageOptions.Memory, StringComparison.Ordinal);

    private static T Pick<T>(IServiceProvider services, Func<InProcessStores, T> inMemory) =>
        IsMemory(services) ? inMemory(services.GetRequiredService<InProcessStores>()) : (T)(object)services.GetRequiredService<SqlStore>();

    /// <summary>The stores of a process that keeps nothing (<c>Storage:Provider=memory</c>).</summary>
    private sealed class InProcessStores(IOptions<ConversationOptions> conversations, TimeProvider time)
    {
        public IConversationMemory Conversations { get; } = new InMemoryConversationMemory(conversations.Value, time);

        public IQuizStore Quizzes { get; } = new InMemoryQuizStore();

        public IQuestionLog Questions { get; } = new InMemoryQuestionLog();

        public IFeedbackStore Feedback { get; } = new InMemoryFeedbackStore();

        public IDeliveryLedger Deliveries { get; } = new InMemoryDeliveryLedger(time);

        public IChannelReadings Channels { get; } = new InMemoryChannelReadings();

        public IUserKeys Keys { get; } = SaltedUserKeys.Ephemeral();
    }

    private sealed class NothingToRun : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
