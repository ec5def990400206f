using PaperBot.Answering.Language;

namespace PaperBot.Answering.Decision;

/// <summary>What a question word is, for deciding whether the readings support it.</summary>
public enum TermKind
{
    /// <summary>An ordinary word of the subject: found in a sentence itself, by stem, or by meaning.</summary>
    Content,

    /// <summary>A word with little meaning of its own ("make", "role"): it counts for less.</summary>
    Light,

    /// <summary>A name or an acronym: only the name itself (or an alias of it) supports it.</summary>
    Name,

    /// <summary>A number or a year: only the same number supports it.</summary>
    Number,
}

/// <summary>One word of a question that must be accounted for.</summary>
/// <param name="Surface">The word as the question writes it.</param>
/// <param name="Term">Its analysed form (the stem the readings are indexed by), or the number's digits.</param>
/// <param name="Weight">How much it matters: its rarity in the readings (words they never use weigh most).</param>
/// <param name="Asks">The kind of fact it asks for ("year" asks for a date), if any.</param>
/// <param name="InReadings">Whether the readings use the term at all (or an alias of it).</param>
public sealed record QuestionTerm(string Surface, string Term, double Weight, TermKind Kind, AnswerType Asks, bool InReadings)
{
    /// <summary>The lower-case word, as the readings' word index keys words.</summary>
    public string Word => Surface.ToLowerInvariant();

    /// <summary>Which part of a question of several parts the word belongs to ("When was it signed and how much was it worth?").</summary>
    public int Part { get; init; }

    /// <summary>What a reading is about throughout (in its title or abstract, or one sentence in ten): it need not stand beside the question's other names.</summary>
    public bool Topical { get; init; }

    /// <summary>For an ordinal ("the first exercise"), the stems of the words it qualifies: the sentence's ordinal must stand before one of them.</summary>
    public IReadOnlyList<string> Qualifies { get; init; } = [];

    /// <summary>A place named as an end of a route ("from Karachi to Lahore"): only the place itself supports it, not a country it may stand for.</summary>
    public bool Literal { get; init; }

    public bool IsReversal => EnglishLexicon.Reversals.Contains(Word);
}

/// <summary>What a question is made of, worked out once and shared by every decision step.</summary>
public sealed record QuestionAnalysis(
    string Question,
    AnswerType AnswerType,
    IReadOnlyList<QuestionTerm> Terms,
    bool Presupposes,
    bool IsTask)
{
    public double TotalWeight => Terms.Sum(t => t.Weight);
}
