using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PaperBot.Answering;

/// <summary>
/// What the answer path tells an observer: one <c>paperbot.answer</c> span per answer and the answer metrics, under
/// the names an OpenTelemetry pipeline subscribes to (<c>PaperBot.*</c>). Nothing is recorded unless something
/// listens, so the bot pays nothing when telemetry is off.
/// </summary>
public static class PaperBotTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string Name = "PaperBot.Answering";

    public const string AnswerSpan = "paperbot.answer";
    public const string AnswersCounter = "paperbot.answers";
    public const string AnswerDurationHistogram = "paperbot.answer.duration";
    public const string ModelFallbacksCounter = "paperbot.model.fallbacks";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Answers by <c>status</c>, <c>reason</c>, <c>kind</c> and <c>mode</c>.</summary>
    public static readonly Counter<long> Answers = Meter.CreateCounter<long>(AnswersCounter, "{answer}", "Answers given, by status, decline reason, kind and mode.");

    /// <summary>How long deciding an answer took, by <c>status</c> and <c>mode</c>.</summary>
    public static readonly Histogram<double> AnswerDuration = Meter.CreateHistogram<double>(AnswerDurationHistogram, "ms", "Time to decide an answer.");

    /// <summary>Questions a language model was asked but the extractive answer was given instead, by <c>reason</c>.</summary>
    public static readonly Counter<long> ModelFallbacks = Meter.CreateCounter<long>(ModelFallbacksCounter, "{answer}", "Generative answers that fell back to extractive, by reason.");

    /// <summary>Starts the span of one answer (null when nobody listens).</summary>
    public static Activity? StartAnswer() => ActivitySource.StartActivity(AnswerSpan);

    /// <summary>
    /// Tags the answer's span with its outcome (status, decline reason, kind, mode, the step that settled it) and the
    /// milliseconds of each stage it passed (embedding, search, the decision steps, composition, the model), and
    /// counts it. The question text is never recorded.
    /// </summary>
    public static void Record(Activity? activity, Answer answer, string? step = null, IReadOnlyDictionary<string, double>? stages = null)
    {
        var status = AnswerJson.StatusName(answer.Status);
        var reason = answer.Reason ?? "none";
        if (activity is not null)
        {
            activity.SetTag("paperbot.answer.status", status);
            activity.SetTag("paperbot.answer.reason", reason);
            activity.SetTag("paperbot.answer.kind", answer.Kind);
            activity.SetTag("paperbot.answer.mode", answer.Mode);
            activity.SetTag("paperbot.answer.step", step);
            activity.SetTag("paperbot.answer.elapsed_ms", answer.ElapsedMs);
            activity.SetTag("paperbot.answer.citations", answer.Citations.Count);
            activity.SetTag("paperbot.answer.id", answer.Id);
            foreach (var (stage, milliseconds) in stages ?? new Dictionary<string, double>())
            {
                activity.SetTag($"paperbot.stage.{stage}_ms", Math.Round(milliseconds, 2));
            }
        }

        Answers.Add(1, new("status", status), new("reason", reason), new("kind", answer.Kind), new("mode", answer.Mode));
        AnswerDuration.Record(answer.ElapsedMs, new("status", status), new("mode", answer.Mode));
    }

    /// <summary>One generative answer that fell back to extractive: <c>timeout</c>, <c>http_error</c>, <c>error</c>, <c>empty</c>, <c>ungrounded</c>.</summary>
    public static void ModelFellBack(string reason) => ModelFallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
