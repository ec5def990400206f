using Microsoft.Extensions.Time.Testing;
using PaperBot.Channels.Slack.Processing;

namespace PaperBot.Channels.Slack.Tests.Processing;

public sealed class EventDeduplicatorTests
{
    [Fact]
    public void TryRegister_SameIdTwice_SecondRefused()
    {
        var dedupe = new EventDeduplicator(new FakeTimeProvider());

        Assert.True(dedupe.TryRegister("Ev1"));
        Assert.False(dedupe.TryRegister("Ev1"));
        Assert.True(dedupe.TryRegister("Ev2"));
    }

    [Fact]
    public void TryRegister_AfterLifetime_AcceptedAgain()
    {
        var clock = new FakeTimeProvider();
        var dedupe = new EventDeduplicator(clock);
        dedupe.TryRegister("Ev1");

        clock.Advance(EventDeduplicator.Lifetime + TimeSpan.FromSeconds(1));

        Assert.True(dedupe.TryRegister("Ev1"));
    }

    [Fact]
    public void TryRegister_BeyondCapacity_OldestForgotten()
    {
        var dedupe = new EventDeduplicator(new FakeTimeProvider());
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
        var dedupe = new EventDeduplicator(new FakeTimeProvider());
        dedupe.TryRegister("Ev1");

        dedupe.Forget("Ev1");

        Assert.True(dedupe.TryRegister("Ev1"));
    }
}
