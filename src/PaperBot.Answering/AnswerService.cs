using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using PaperBot.Answering.Conversations;
using PaperBot.Answering.Decision;
using PaperBot.Answering.Pipeline;
using PaperBot.Answering.Readings;
using PaperBot.Answering.Suggestions;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Storage;

namespace PaperBot.Answering;

/// <summary>
/// Where an answer is decided. Every front end calls <see cref="AskAsync"/>: the input is checked, then the question
/// passes the steps of <see cref="AnswerPipeline"/> in their one order, and the reply says how the question was
/// read, carries the reason of a decline, and is remembered for follow-ups in its conversation. An answer with a
/// citation offers follow-up questions the readings answer (<see cref="FollowUpSuggester"/>), verified by this same
/// path with no conversation and no asker.
/// </summary>
public sealed partial class AnswerService(
    KnowledgeBaseProvider knowledgeProvider,
    AnswerPipeline pipeline,
    ILogger<AnswerService> logger,
    IConversationMemory? conversations = null,
    IQuestionLog? questionLog = null,
    IUserKeys? userKeys = null,
    TimeProvider? time = null,
    AnsweringOptions? options = null,
    IChannelReadings? channelReadings = null) : IAnswerService
{
    private readonly ConditionalWeakTable<KnowledgeBase, ReadingIndex> _readings = [];
    private FollowUpSuggester? _suggester;

    /// <summary>The follow-ups of this service's answers, verified by asking this service's own pipeline.</summary>
    public FollowUpSuggester Suggestions =>
        _suggester ?? Interlocked.CompareExchange(ref _suggester, new FollowUpSuggester(VerifyAsync), null) ?? _suggester;

    /// <summary>A candidate follow-up answered as a person's question would be, but not logged, not remembered, offering nothing.</summary>
    private async Task<Answer> VerifyAsync(string question, KnowledgeBase knowledge, CancellationToken cancellationToken) =>
        (await DecideAsync(new AskRequest(question), knowledge, suggest: false, cancellationToken).ConfigureAwait(false)).Answer;

    public async Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        using var activity = PaperBotTelemetry.StartAnswer();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (answer, step, stages, followUp) = await DecideAsync(request, null, suggest: true, cancellationToken).ConfigureAwait(false);
        answer = answer with { ElapsedMs = Math.Round(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), Stages = stages };
        PaperBotTelemetry.Record(activity, answer, step, stages);
        LogAnswer(logger, answer.Id, answer.Status, answer.Reason ?? "-", answer.Kind, step, answer.Citations.Count, answer.ElapsedMs);
        if (questionLog is not null && request.Asker is { } asker)
        {
            await questionLog.RecordAsync(RecordOf(request, asker, answer, followUp), cancellationToken).ConfigureAwait(false);
        }

        return answer;
    }

    /// <summary>The question log's line for an answer: the user only as a salted key, the sections cited by document.</summary>
    private QuestionRecord RecordOf(AskRequest request, Asker asker, Answer answer, bool followUp)
    {
        var user = asker.UserId is { Length: > 0 } id && userKeys is not null ? userKeys.KeyOf(id) : null;
        var sections = answer.Citations
            .Select(c => new CitedSection(c.DocumentId, c.SectionId, c.SectionTitle, c.DocumentTitle))
            .Distinct()
            .ToList();
        return new QuestionRecord(answer.Id, (time ?? TimeProvider.System).GetUtcNow(), asker.FrontEnd, user, request.Question, answer.Status, answer.Reason, answer.Kind, followUp, sections);
    }

    /// <summary>The reading index of a knowledge base, built once per knowledge base (safe from many threads).</summary>
    public ReadingIndex ReadingsOf(KnowledgeBase knowledge) => _readings.GetValue(knowledge, k => new ReadingIndex(k));

    private async Task<(Answer Answer, string Step, IReadOnlyDictionary<string, double> Stages, bool FollowUp)> DecideAsync(AskRequest request, KnowledgeBase? knowledge, bool suggest, CancellationToken cancellationToken)
    {
        var question = request.Question ?? string.Empty;
        var problem = QuestionInput.Validate(question);
        if (problem is not null)
        {
            var shortened = question.Length <= 200 ? question : question[..200] + "…";
            return (new Answer { Question = shortened, Status = AnswerStatus.Rejected, Reason = DeclineReasons.Input, Text = problem }, "input", new Dictionary<string, double>(), false);
        }

        question = TextCleaner.CollapseWhitespace(question);
        knowledge ??= await knowledgeProvider.GetAsync(cancellationToken).ConfigureAwait(false);
        var loaded = knowledge;
        var inUse = await InUseAsync(request, loaded, cancellationToken).ConfigureAwait(false);
        if (inUse is not null)
        {
            // A channel that studies some readings answers from those alone: every step sees only them.
            knowledge = loaded.Subset(inUse);
        }
        // Typed text is read once its whitespace is tidied; a command a front end built is taken as it is.
        var command = request.Command switch
        {
            { Typed: not null } => CommandParser.Parse(question),
            QuestionCommand => new QuestionCommand(question),
            var typed => typed,
        };
        var context = new QuestionContext(request with { Command = command }, knowledge, ReadingsOf(knowledge))
        {
            Asked = question,
            Question = question,
            Verifying = !suggest,
            Loaded = loaded,
            InUse = inUse,
        };
        var (answer, step) = await pipeline.RunAsync(context, cancellationToken).ConfigureAwait(false);
        answer = await FinishAsync(context, answer, cancellationToken).ConfigureAwait(false);
        if (suggest)
        {
            answer = await WithFollowUpsAsync(context, answer, cancellationToken).ConfigureAwait(false);
        }

        return (answer, step, context.StageMilliseconds, context.FollowUp is not null);
    }

    /// <summary>
    /// The ids of the loaded readings the request answers from: those it names, else its channel's (<c>use …</c>);
    /// null for every reading. Ids no longer loaded are left out, and a choice none of whose readings is loaded any
    /// more is every reading again (an instructor removed the file).
    /// </summary>
    private async Task<IReadOnlyList<string>?> InUseAsync(AskRequest request, KnowledgeBase loaded, CancellationToken cancellationToken)
    {
        var named = request.Readings is { Count: > 0 } readings
            ? readings
            : request.Channel is { Length: > 0 } channel && channelReadings is not null
                ? await channelReadings.GetAsync(channel, cancellationToken).ConfigureAwait(false)
                : null;
        if (named is not { Count: > 0 })
        {
            return null;
        }

        var known = loaded.Documents.Where(d => named.Contains(d.Id, StringComparer.OrdinalIgnoreCase)).Select(d => d.Id).ToList();
        return known.Count == 0 || known.Count == loaded.Documents.Count ? null : known;
    }

    /// <summary>
    /// Up to <see cref="AnsweringOptions.SuggestedFollowUps"/> questions to ask next with an answer that cites the
    /// readings (a declined question keeps its example questions); and a question a student asked in a conversation,
    /// answered as typed and on its own, joins what later answers from its section may offer.
    /// </summary>
    private async Task<Answer> WithFollowUpsAsync(QuestionContext context, Answer answer, CancellationToken cancellationToken)
    {
        var count = options?.SuggestedFollowUps ?? AnsweringOptions.DefaultSuggestedFollowUps;
        if (count <= 0 || answer.Kind != AnswerKinds.Answer || answer.Suggestions.Count > 0 || !FollowUpSuggester.IsAnsweredWithCitation(answer))
        {
            return answer;
        }

        var suggestions = await Suggestions.SuggestAsync(context.Knowledge, context.Readings, answer, [context.Asked, context.Question], count, cancellationToken).ConfigureAwait(false);
        if ((context.Request.ConversationId is not null || context.Request.Asker is not null) && context.FollowUp is null && context.Notes.Count == 0)
        {
            Suggestions.RememberAsked(context.Knowledge, context.Readings, context.Asked, answer);
        }

        return suggestions.Count == 0 ? answer : answer with { Suggestions = suggestions };
    }

    /// <summary>
    /// Shows how the question was read (a lead-in line that ends with a colon, so it is no uncited claim) and keeps
    /// the turn's subject for the next follow-up of the same conversation.
    /// </summary>
    private async Task<Answer> FinishAsync(QuestionContext context, Answer answer, CancellationToken cancellationToken)
    {
        if (answer.Evidence.Count == 0 && context.Verdict is { } verdict)
        {
            answer = answer with { Evidence = verdict.Evidence };
        }

        if (context.Notes.Count > 0)
        {
            var interpretation = string.Join("; ", context.Notes);
            answer = answer with { Interpretation = interpretation, Text = $"{interpretation}:\n{answer.Text}" };
        }

        if (conversations is not null && context.Request.ConversationId is { Length: > 0 } conversationId
            && answer.Status == AnswerStatus.Answered && answer.Kind == AnswerKinds.Answer)
        {
            var understood = context.Question;
            var subject = FollowUps.SubjectOf(context.FollowUp is null ? context.Asked : understood, context.Readings)
                ?? context.Previous?.Subject
                ?? answer.Citations.FirstOrDefault()?.SectionTitle
                ?? string.Empty;
            var turn = new ConversationTurn(understood, subject, answer.Citations.Select(c => c.SectionId).Distinct().ToList());
            await conversations.RememberAsync(conversationId, turn, cancellationToken).ConfigureAwait(false);
        }

        return answer;
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Answer {AnswerId}: {Status} ({Reason}, {Kind}) at {Step}, {Citations} citation(s), {ElapsedMs} ms")]
    private static partial void LogAnswer(ILogger logger, string answerId, AnswerStatus status, string reason, string kind, string step, int citations, double elapsedMs);
}
