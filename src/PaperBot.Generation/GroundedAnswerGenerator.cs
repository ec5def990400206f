using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using PaperBot.Answering.Generation;
using PaperBot.Answering;
using PaperBot.Knowledge.Documents;

namespace PaperBot.Generation;

/// <summary>
/// Generative mode: the language model writes a fluent answer from the retrieved passages only, and the grounding
/// check removes every sentence the paper does not support before anyone sees it. Citations quote the paper's own
/// sentences, never the model's words. Any failure (unreachable, slow, rate-limited, empty or unusable reply) returns
/// null, and the answer service answers extractively instead.
/// </summary>
public sealed partial class GroundedAnswerGenerator(LlmClient llm, IOptions<LlmOptions> options, ILogger<GroundedAnswerGenerator> logger, TimeProvider? time = null) : IAnswerGenerator
{
    public const string Mode = "generative";

    /// <summary>What a person reads when the model says the passages do not answer the question.</summary>
    public const string NotInPaperText = "The paper does not say. The passages of the paper closest to this question do not contain the answer.";

    private readonly LlmOptions _options = options.Value;
    private readonly ModelCircuit _circuit = new(options, time ?? TimeProvider.System);

    public async Task<Answer?> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Passages.Count == 0)
        {
            return null;
        }

        var watch = Stopwatch.StartNew();
        var reply = await AskModelAsync(request, cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            return null;
        }

        var saidNotInPassages = SentinelSentence().IsMatch(TextCleaner.FoldForMatching(reply));
        var claims = saidNotInPassages ? SentinelSentence().Replace(TextCleaner.FoldForMatching(reply), " ") : reply;

        GroundingReport report;
        try
        {
            report = await GroundingCheck.RunAsync(claims, request.Passages, request.Knowledge, _options.MinSupportSimilarity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.GroundingFailed(logger, ex.GetType().Name, ex.Message);
            PaperBotTelemetry.ModelFellBack("error");
            return null;
        }

        foreach (var removed in report.Sentences.Where(s => !s.Kept))
        {
            Log.SentenceRemoved(logger, removed.Removed!.Value, removed.Detail);
        }

        if (report.Kept == 0)
        {
            if (saidNotInPassages)
            {
                Log.ModelSaysNotInPassages(logger);
                return NotInPaper(request, report, watch);
            }

            Log.NothingGrounded(logger, report.Removed);
            PaperBotTelemetry.ModelFellBack("ungrounded");
            return null;
        }

        Log.Grounded(logger, report.Kept, report.Removed);
        return Compose(request, report, watch);
    }

    private async Task<string?> AskModelAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var reply = await _circuit.CallAsync(token => CallModelAsync(request, token), cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            Log.ModelSkipped(logger, _options.BreakSeconds);
        }

        return reply?.Content;
    }

    /// <summary>One call to the model; timeouts, HTTP errors and transport failures are failures (for the breaker), an empty reply is not.</summary>
    private async Task<ModelReply> CallModelAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var history = GroundedPrompt.Build(request.Question, request.Passages);
        var settings = new OpenAIPromptExecutionSettings { Temperature = 0 };

        // One deadline for the whole call, so nobody waits longer than Llm:TimeoutSeconds whatever the server does.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            var messages = await llm.Chat.GetChatMessageContentsAsync(history, settings, kernel: null, deadline.Token).ConfigureAwait(false);
            var content = messages.Count == 0 ? null : messages[0].Content;
            if (string.IsNullOrWhiteSpace(content))
            {
                Log.ModelEmptyReply(logger);
                PaperBotTelemetry.ModelFellBack("empty");
                return new ModelReply(null, Failed: false);
            }

            return new ModelReply(content, Failed: false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (Exception) when (deadline.IsCancellationRequested)
        {
            Log.ModelTimedOut(logger, _options.TimeoutSeconds);
            PaperBotTelemetry.ModelFellBack("timeout");
            return ModelReply.Failure;
        }
        catch (HttpOperationException ex) when (ex.StatusCode is not null)
        {
            Log.ModelHttpError(logger, (int)ex.StatusCode.Value);
            PaperBotTelemetry.ModelFellBack("http_error");
            return ModelReply.Failure;
        }
        catch (Exception ex)
        {
            // Whatever else the connector throws (a refused connection, a reply that is not chat-completion JSON), the
            // extractive answer stands in: the person still gets an answer.
            var cause = ex.GetBaseException();
            Log.ModelFailed(logger, cause.GetType().Name, cause.Message);
            PaperBotTelemetry.ModelFellBack("error");
            return ModelReply.Failure;
        }
    }

    private static Answer Compose(GenerationRequest request, GroundingReport report, Stopwatch watch)
    {
        var citations = new List<Citation>();
        var numbers = new Dictionary<LocatedSentence, int>();
        var text = new StringBuilder();
        foreach (var sentence in report.KeptSentences)
        {
            var markers = new List<int>();
            foreach (var support in sentence.Supports)
            {
                if (!numbers.TryGetValue(support.Sentence, out var number))
                {
                    number = citations.Count + 1;
                    numbers[support.Sentence] = number;
                    var located = support.Sentence;
                    citations.Add(new Citation(
                        number,
                        located.DocumentId,
                        located.Section.Id,
                        located.Section.Title,
                        located.Text,
                        located.Paragraph,
                        request.Knowledge.FindDocument(located.DocumentId)?.DisplayName));
                }

                if (!markers.Contains(number))
                {
                    markers.Add(number);
                }
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(WithMarkers(sentence.Claim, markers));
        }

        return new Answer
        {
            Question = request.Question,
            Status = AnswerStatus.Answered,
            Text = text.ToString(),
            Citations = citations,
            Mode = Mode,
            Grounding = new Grounding(report.Kept, report.Removed),
            ElapsedMs = watch.Elapsed.TotalMilliseconds,
        };
    }

    private static Answer NotInPaper(GenerationRequest request, GroundingReport report, Stopwatch watch) => new()
    {
        Question = request.Question,
        Status = AnswerStatus.NotInPaper,
        Text = NotInPaperText,
        Mode = Mode,
        Grounding = new Grounding(0, report.Removed),
        ElapsedMs = watch.Elapsed.TotalMilliseconds,
    };

    /// <summary>
    /// <c>Lisbon joined the league and the guild. [1][2]</c>: each sentence ends with its markers, after its full stop, as the
    /// extractive answers do, so every front end renders both modes alike.
    /// </summary>
    internal static string WithMarkers(string claim, IReadOnlyList<int> markers)
    {
        var text = claim.TrimEnd();
        var end = text.TrimEnd('"', '\'', '”', '’', ')');
        if (end.Length == 0 || end[^1] is not ('.' or '!' or '?'))
        {
            text += ".";
        }

        return $"{text} {string.Concat(markers.Select(m => $"[{m}]"))}";
    }

    [GeneratedRegex(@"(?:^|(?<=[.!?]\s*))\W*the passages do not contain (?:the|an|this|that) answer\W*?(?:[.!?]|$)\W*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentinelSentence();
}
