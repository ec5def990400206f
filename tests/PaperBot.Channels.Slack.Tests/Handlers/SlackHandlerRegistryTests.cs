using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Channels.Slack.Handlers;
using PaperBot.Channels.Slack.Rendering;
using PaperBot.Testing;
using PaperBot.Testing.Loopback;

namespace PaperBot.Channels.Slack.Tests.Handlers;

/// <summary>Which handler the registry gives for each event type, command and action id, as the channel registers them.</summary>
public sealed class SlackHandlerRegistryTests
{
    private static SlackHandlerRegistry Registry(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        services.AddLogging();
        services.AddSingleton<HandlerLog>();
        services.AddSlackChannel();
        more?.Invoke(services);
        return services.BuildServiceProvider().GetRequiredService<SlackHandlerRegistry>();
    }

    [Fact]
    public void ForEvent_MentionAndMessage_OneQuestionHandler()
    {
        var registry = Registry();

        var mention = Assert.IsType<QuestionEventHandler>(registry.ForEvent("app_mention"));

        Assert.Same(mention, registry.ForEvent("message"));
    }

    [Theory]
    [InlineData("reaction_added")]
    [InlineData("APP_MENTION")]
    [InlineData("")]
    [InlineData(null)]
    public void ForEvent_NoHandlerRegistered_Null(string? eventType)
    {
        Assert.Null(Registry().ForEvent(eventType));
    }

    [Theory]
    [InlineData("/paper")]
    [InlineData("/PAPER")]
    public void ForCommand_TheConfiguredCommandInAnyCase_TheQuestionHandler(string command)
    {
        Assert.IsType<QuestionCommandHandler>(Registry().ForCommand(command));
    }

    [Fact]
    public void ForCommand_AnotherCommandConfigured_ThatOneOnly()
    {
        var registry = Registry(new() { ["Slack:Command"] = "/ask" });

        Assert.IsType<QuestionCommandHandler>(registry.ForCommand("/ask"));
        Assert.Null(registry.ForCommand("/paper"));
        Assert.Null(registry.ForCommand(SlackHandlerRegistry.ConfiguredCommand)); // a key, not a command anyone can send
    }

    [Fact]
    public void ForAction_LikeAndDislike_OneFeedbackHandlerSoAVoteCountsOnce()
    {
        var registry = Registry();

        var like = Assert.IsType<FeedbackActionHandler>(registry.ForAction(SlackMessageRenderer.LikeActionId));

        Assert.Same(like, registry.ForAction(SlackMessageRenderer.DislikeActionId));
        Assert.IsType<RevealQuizActionHandler>(registry.ForAction(SlackMessageRenderer.RevealQuizActionId));
        Assert.Null(registry.ForAction("something_else"));
        Assert.Null(registry.ForAction(null));
    }

    [Fact]
    public void AddSlackEventHandler_AfterTheChannel_ReplacesTheDefaultForThatTypeOnly()
    {
        var registry = Registry(more: services => services.AddSlackEventHandler<RecordingEventHandler>("app_mention"));

        Assert.IsType<RecordingEventHandler>(registry.ForEvent("app_mention"));
        Assert.IsType<QuestionEventHandler>(registry.ForEvent("message"));
    }

    [Fact]
    public void AddSlackCommandHandler_ForTheConfiguredCommandByName_WinsOverTheDefault()
    {
        var registry = Registry(more: services => services.AddSlackCommandHandler<EchoCommandHandler>("/Paper"));

        Assert.IsType<EchoCommandHandler>(registry.ForCommand("/paper"));
    }

    [Fact]
    public void AddSlackActionHandler_NewActionId_AddedBesideTheDefaults()
    {
        var registry = Registry(more: services => services.AddSlackActionHandler<RecordingActionHandler>("study_more"));

        Assert.IsType<RecordingActionHandler>(registry.ForAction("study_more"));
        Assert.IsType<FeedbackActionHandler>(registry.ForAction(SlackMessageRenderer.LikeActionId));
    }
}
