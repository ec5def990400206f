using System.Text.Json.Serialization;

namespace PaperBot.Answering;

/// <summary>What became of a question.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnswerStatus>))]
public enum AnswerStatus
{
    /// <summary>Answered from the paper, every sentence cited.</summary>
    [JsonStringEnumMemberName("answered")]
    Answered,

    /// <summary>About the paper's subject, but the paper does not say.</summary>
    [JsonStringEnumMemberName("not_in_paper")]
    NotInPaper,

    /// <summary>Not about the paper at all, or an attempt to make the bot do something else.</summary>
    [JsonStringEnumMemberName("out_of_scope")]
    OutOfScope,

    /// <summary>Unusable input: empty, too long, binary, or instructions aimed at the bot.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,
}

/// <summary>What kind of reply this is, so a front end can present it (Slack shows help privately, answers to all).</summary>
public static class AnswerKinds
{
    public const string Answer = "answer";
    public const string Help = "help";
    public const string Sections = "sections";
    public const string Summary = "summary";
    public const string Timeline = "timeline";
    public const string Glossary = "glossary";
    public const string Define = "define";
    public const string Quiz = "quiz";
    public const string QuizAnswer = "quiz_answer";
    public const string Sources = "sources";

    /// <summary>The reply to <c>use …</c>: which readings the channel now answers from.</summary>
    public const string Readings = "readings";
    public const string SmallTalk = "small_talk";

    /// <summary>A reply from a reading's details (author, date, venue, title), not from its text.</summary>
    public const string About = "about";

    /// <summary>Replies made from the paper's structure on request (not answers to a question) that still cite the paper.</summary>
    public static bool IsStudy(string kind) => kind is Summary or Timeline or Glossary or Define or Quiz or QuizAnswer;
}

/// <summary>A quiz question's hidden part: front ends show <see cref="Prompt"/> and keep the answer back until asked.</summary>
public sealed record QuizCard(string Id, string Prompt, string HiddenAnswer, Citation Citation);

/// <summary>One citation: the marker in the text, where in the paper, and the verbatim quote that supports it.</summary>
public sealed record Citation(
    int Marker,
    string DocumentId,
    string SectionId,
    string SectionTitle,
    string Quote,
    int Paragraph = 0,
    string? DocumentName = null)
{
    /// <summary>The reading's title (its file name when it has none), always; <see cref="DocumentName"/> is set only when several readings are loaded.</summary>
    public string DocumentTitle { get; init; } = DocumentId;

    /// <summary><c>§3.II North-South Gas Pipeline (NSGP) Project</c>.</summary>
    [JsonIgnore]
    public string Label => CitationFormat.SectionLabel(SectionId, SectionTitle);
}

/// <summary>How many of a language model's sentences survived the grounding check.</summary>
public sealed record Grounding(int Kept, int Removed);

/// <summary>
/// The reply to a question, the same for every front end. <see cref="Text"/> carries <c>[1]</c>, <c>[2]</c> markers
/// that point at <see cref="Citations"/>; a declined question has no citations (or, for <c>not_in_paper</c>, the
/// closest passage the paper does have) and <see cref="Suggestions"/> to try instead.
/// </summary>
public sealed record Answer
{
    public required string Question { get; init; }

    public required AnswerStatus Status { get; init; }

    /// <summary>The text for a person, with citation markers.</summary>
    [JsonPropertyName("answer")]
    public required string Text { get; init; }

    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary><c>extractive</c> (sentences of the paper) or <c>generative</c> (a language model, checked).</summary>
    public string Mode { get; init; } = "extractive";

    public double ElapsedMs { get; init; }

    /// <summary>A stable id for this reply, so feedback can say which answer it is about.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N");

    public string Kind { get; init; } = AnswerKinds.Answer;

    /// <summary>Example questions to offer with a declined question or with help.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>Only in generative mode.</summary>
    public Grounding? Grounding { get; init; }

    /// <summary>For a quiz question: its id and the answer to keep hidden until the student asks for it.</summary>
    public QuizCard? Quiz { get; init; }

    /// <summary>How the question was read (a follow-up, a corrected spelling), when it was.</summary>
    public string? Interpretation { get; init; }

    /// <summary>Why the question was declined (<see cref="Decision.DeclineReasons"/>), or null when it was answered.</summary>
    public string? Reason { get; init; }

    /// <summary>What the decision saw: measured values and the thresholds they were held to.</summary>
    public IReadOnlyList<Decision.Evidence> Evidence { get; init; } = [];

    /// <summary>Milliseconds each stage of the answer took (embedding, search and each decision step), in order.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, double> Stages { get; init; } = new Dictionary<string, double>();

    [JsonIgnore]
    public bool IsDeclined => Status != AnswerStatus.Answered;
}
