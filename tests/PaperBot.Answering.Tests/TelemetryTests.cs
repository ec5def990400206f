using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace PaperBot.Answering.Tests;

/// <summary>Each answer is one span and one count, tagged with what became of it, and never with the question.</summary>
public sealed class TelemetryTests(AnsweringFixture fixture)
{
    [Fact]
    public async Task AskAsync_Answer_OneSpanTaggedWithItsOutcomeAndCounted()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PaperBotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) { spans.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var answers = new MetricCollector<long>(null, PaperBotTelemetry.Name, PaperBotTelemetry.AnswersCounter);

        var answer = await fixture.Answers.AskAsync("Write a poem about cats", TestContext.Current.CancellationToken);

        Activity span;
        lock (spans)
        {
            span = Assert.Single(spans, s => (string?)s.GetTagItem("paperbot.answer.id") == answer.Id);
        }

        Assert.Equal(PaperBotTelemetry.AnswerSpan, span.OperationName);
        Assert.Equal("out_of_scope", span.GetTagItem("paperbot.answer.status"));
        Assert.Equal("off_topic", span.GetTagItem("paperbot.answer.reason"));
        Assert.Equal("answer", span.GetTagItem("paperbot.answer.kind"));
        Assert.Equal("extractive", span.GetTagItem("paperbot.answer.mode"));
        Assert.Equal(answer.ElapsedMs, span.GetTagItem("paperbot.answer.elapsed_ms"));
        Assert.DoesNotContain(span.TagObjects, t => t.Value is string s && s.Contains("France", StringComparison.Ordinal));
        Assert.Contains(answers.GetMeasurementSnapshot(), m => (string?)m.Tags["status"] == "out_of_scope" && (string?)m.Tags["mode"] == "extractive");
    }
}
