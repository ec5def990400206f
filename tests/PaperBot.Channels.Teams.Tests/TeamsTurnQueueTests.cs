using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PaperBot.Channels.Teams.Protocol;
using PaperBot.Channels.Teams.Tests.Support;

namespace PaperBot.Channels.Teams.Tests;

public sealed class TeamsTurnQueueTests
{
    [Fact]
    public void QueueDepth_IsObservedAsAGauge()
    {
        using var services = TeamsServices.Build();
        var queue = services.GetRequiredService<TeamsTurnQueue>();
        using var depth = new MetricCollector<int>(services.GetRequiredService<IMeterFactory>(), FeedbackRecorder.MeterName, TeamsTurnQueue.QueueDepthGauge);

        queue.TryEnqueue(new TeamsTurn(new Activity { Type = "message" }, false));
        queue.TryEnqueue(new TeamsTurn(new Activity { Type = "message" }, false));
        depth.RecordObservableInstruments();

        Assert.Equal(2, depth.LastMeasurement?.Value);
    }

    [Fact]
    public void TryEnqueue_BeyondTheConfiguredQueueCapacity_Refused()
    {
        using var services = TeamsServices.Build(settings: new Dictionary<string, string?> { ["Teams:QueueCapacity"] = "2" });
        var queue = services.GetRequiredService<TeamsTurnQueue>();

        Assert.True(queue.TryEnqueue(new TeamsTurn(new Activity { Type = "message" }, false)));
        Assert.True(queue.TryEnqueue(new TeamsTurn(new Activity { Type = "message" }, false)));
        Assert.False(queue.TryEnqueue(new TeamsTurn(new Activity { Type = "message" }, false)));
    }

    [Theory]
    [InlineData("Teams:QueueCapacity", "0")]
    [InlineData("Teams:MaxConcurrentAnswers", "0")]
    [InlineData("Teams:MaxConcurrentAnswers", "65")]
    public void Settings_OutOfRange_StopTheStartNamingTheSetting(string setting, string value)
    {
        using var services = TeamsServices.Build(settings: new Dictionary<string, string?> { [setting] = value });

        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TeamsOptions>>().Value);
        Assert.Contains(setting, failure.Message, StringComparison.Ordinal);
    }
}
