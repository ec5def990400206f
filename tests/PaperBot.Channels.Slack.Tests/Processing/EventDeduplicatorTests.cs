using Microsoft.Extensions.Time.Testing;
using PaperBot.Channels.Slack.Processing;
using PaperBot.Storage;

namespace PaperBot.Channels.Slack.Tests.Processing;

public sealed class EventDeduplicatorTests
{
    private static EventDeduplicator Make(FakeTimeProvider clock) => new(clock, new InMemoryDeliveryLedger(clock));

    [Fact]
    public async Task ClaimAsync_TwoReplicasOnOneLedger_OnlyTheFirstAnswers()
    {
        var clock = new FakeTimeProvider();
        var shared = new InMemoryDeliveryLedger(clock);
        var first = new EventDeduplicator(clock, shared);
        var second = new EventDeduplicator(clock, shared);

        // Each replica sees the delivery for the first time; only one of them may answer it.
        Assert.True(first.TryRegister("Ev1"));
        Assert.True(second.TryRegister("Ev1"));
        Assert.True(await first.ClaimAsync("Ev1", TestContext.Current.CancellationToken));
        Assert.False(await second.ClaimAsync("Ev1", TestContext.Current.CancellationToken));
    }

    [Fact]
    public void TryRegister_SameIdTwice_SecondRefused()
    {
        var dedupe = Make(new FakeTimeProvider());

        Assert.True(dedupe.TryRegister("Ev1"));
        Assert.False(dedupe.TryRegister("Ev1"));
        Assert.True(dedupe.TryRegister("Ev2"));
    }

    [Fact]
    public void TryRegister_AfterLifetime_AcceptedAgain()
    {
        var clock = new FakeTimeProvider();
        var dedupe = Make(clock);
        dedupe.TryRegister("Ev1");

        clock.Advance(EventDeduplicator.Lifetime + TimeSpan.FromSeconds(1));

        Assert.True(dedupe.TryRegister("Ev1"));
    }

    [Fact]
    public void TryRegister_BeyondCapacity_OldestForgotten()
    {
        var dedupe = Make(new FakeTimeProvider());
        for (var i = 0; i <= EventDeduplicator.Capacity; i++)
        {
            dedupe.TryRegister($"Ev{i}");
        }

        Assert.True(dedupe.TryRegister("Ev0"));
        Assert.False(dedupe.TryRegister($"Ev{EventDeduplicator.Capacity}"));
    }

    [Fact]
    public void Forget_RegisteredId_AcceptedAgain()
    {
        var dedupe = Make(new FakeTimeProvider());
        dedupe.TryRegister("Ev1");

        dedupe.Forget("Ev1");

        Assert.True(dedupe.TryRegister("Ev1"));
    }
}
