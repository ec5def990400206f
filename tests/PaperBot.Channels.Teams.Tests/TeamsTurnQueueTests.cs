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
}
