using PaperBot.Storage;
using System.Diagnostics;
using PaperBot.Answering.Conversations;
using PaperBot.Answering.Decision;
using PaperBot.Answering.Readings;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Answering.Pipeline;

/// <summary>
/// Everything known about one question as it passes the steps of <see cref="AnswerPipeline"/>: computed once,
/// shared by every step (the analysis, the query vector, the passages, the scored sentences), so no step repeats
/// another's work.
/// </summary>
public sealed class QuestionContext(AskRequest request, KnowledgeBase knowledge, ReadingIndex readings)
{
    private readonly List<string> _notes = [];

    public AskRequest Request { get; } = request;

    /// <summary>The question as the person typed it (whitespace collapsed).</summary>
    public string Asked { get; set; } = request.Question ?? string.Empty;

    /// <summary>The question as it is answered: a follow-up resolved, spelling corrected.</summary>
    public string Question { get; set; } = request.Question ?? string.Empty;

    public KnowledgeBase Knowledge { get; } = knowledge;

    /// <summary>
    /// A suggested follow-up being checked, not a person's question: the decision steps run as ever, but no language
    /// model is asked (they, not the model, decide whether the readings answer it; the model only words the answer).
    /// </summary>
    public bool Verifying { get; init; }

    public ReadingIndex Readings { get; } = readings;

    /// <summary>Every loaded reading, whichever the request answers from: what <c>use …</c> and <c>sources</c> name.</summary>
    public KnowledgeBase Loaded { get; init; } = knowledge;

    /// <summary>The ids of the readings the request answers from (the channel's, or those the request names); null for every loaded reading.</summary>
    public IReadOnlyList<string>? InUse { get; init; }

    /// <summary>The previous turn of the conversation, when there is one.</summary>
    public ConversationTurn? Previous { get; set; }

    /// <summary>How a follow-up was read, when it was one.</summary>
    public FollowUpReading? FollowUp { get; set; }

    /// <summary>How the question was read, for the person: "Taking ‘it’ as …", "Reading ‘harbuor’ as ‘harbour’".</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>
    /// The question without the words that name the part of a reading it is about ("according to the abstract"):
    /// what the sentences must account for. Null when the question names no part.
    /// </summary>
    public string? Subject { get; set; }

    /// <summary>The sections the answer must come from, when the question names a part of a reading ("the conclusion").</summary>
    public IReadOnlySet<(string Document, string Section)>? Scope { get; set; }

    public QuestionAnalysis? Analysis { get; set; }

    /// <summary>The query vector of <see cref="Question"/> as it last was embedded (see <see cref="QueryVectorAsync"/>).</summary>
    public float[]? QueryVector { get; private set; }

    private string? _embedded;

    /// <summary>The query vector of the question as it stands now: embedded once, again only if a step changed the question.</summary>
    public async ValueTask<float[]> QueryVectorAsync(CancellationToken cancellationToken)
    {
        if (QueryVector is null || !string.Equals(_embedded, Question, StringComparison.Ordinal))
        {
            QueryVector = await Knowledge.EmbedQueryAsync(Question, cancellationToken).ConfigureAwait(false);
            _embedded = Question;
        }

        return QueryVector;
    }

    public IReadOnlyList<SearchHit> Hits { get; set; } = [];

    /// <summary>For each question word that may be matched by meaning (lower case): its nearest words in the readings.</summary>
    public IReadOnlyDictionary<string, WordNeighbours> WordMeanings { get; set; } = new Dictionary<string, WordNeighbours>();

    /// <summary>The question's words matched to sentence words in context, once the decision turned on its ordinary words; else null.</summary>
    public Decision.ContextualMatch? Contextual { get; set; }

    /// <summary>The English synonym table words are matched by, or null when synonyms are off.</summary>
    public Language.Synonyms? Synonyms { get; set; }

    public IReadOnlyList<SentenceEvidence> Candidates { get; set; } = [];

    public Selection Selection { get; set; } = Selection.Empty;

    public ReadingPresence Presence { get; set; } = new(new Dictionary<QuestionTerm, double>());

    public Verdict? Verdict { get; set; }

    /// <summary>Milliseconds each step took, by step name.</summary>
    public Dictionary<string, double> StageMilliseconds { get; } = new(StringComparer.Ordinal);

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public void AddNote(string note) => _notes.Add(note);
}

/// <summary>One step an answer passes. A step either settles the answer (returns it) or passes the question on (null).</summary>
public interface IAnswerStep
{
    /// <summary>The step's name, for logs, traces and timings.</summary>
    string Name { get; }

    ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken);
}
