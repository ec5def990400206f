namespace PaperBot.Answering;

/// <summary>
/// The guardrails' thresholds and the texts of declines (<c>Answering</c> in appsettings.json). The thresholds were
/// tuned on the gold set with <c>paperbot eval</c>; change them there, not by eye.
/// </summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary>Below this cosine between the question and the closest sentence, with little shared vocabulary, the question is off-topic.</summary>
    public double OffTopicSimilarity { get; set; } = 0.60;

    /// <summary>With less than this share of its content words in the paper (and low similarity), a question is off-topic.</summary>
    public double OffTopicCoverage { get; set; } = 0.5;

    /// <summary>The relevance floor: below this cosine to the closest sentence nothing in the paper answers.</summary>
    public double RelevanceFloor { get; set; } = 0.52;

    /// <summary>A further sentence joins the answer when it scores at least this share of the best one.</summary>
    public double SecondSentenceRatio { get; set; } = 0.9;

    /// <summary>A sentence right after a chosen one (same paragraph) joins when it scores at least this share of the best.</summary>
    public double ContinuationRatio { get; set; } = 0.8;

    /// <summary>
    /// A question that takes an event for granted ("Why did …") is a false premise when at least this share of its
    /// content words never occurs in the paper.
    /// </summary>
    public double FalsePremiseUnknownShare { get; set; } = 0.3;

    /// <summary>At most this many sentences in an answer.</summary>
    public int MaxSentences { get; set; } = 3;

    /// <summary>Chunks retrieved for a question.</summary>
    public int Passages { get; set; } = 5;

    /// <summary>Other names for things the paper names: a question about "Washington" is about the paper's "U.S".</summary>
    public Dictionary<string, string> Aliases { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Washington"] = "U.S",
        ["United States"] = "U.S",
        ["America"] = "U.S",
        ["American"] = "U.S",
        ["Americans"] = "U.S",
        ["USA"] = "U.S",
        ["US"] = "U.S",
        ["New Delhi"] = "India",
        ["Delhi"] = "India",
        ["Beijing"] = "China",
        ["Kremlin"] = "Moscow",
        ["Russian Federation"] = "Russia",
        ["Soviets"] = "Soviet",
    };

    public string NotInPaperText { get; set; } = "The paper does not mention {subject}, so I can't answer that from it.";

    public string NotDefinedText { get; set; } = "The paper uses {term} but does not define it. Type 'glossary' for the terms it does define.";

    public string FalsePremiseText { get; set; } = "The paper says nothing about that: it never uses the words {terms}, so I can't confirm what the question takes for granted.";

    public string UnsupportedPremiseText { get; set; } = "The paper doesn't say: none of its sentences speaks of “{verb}” together with what the question names, so I can't confirm or explain it.";

    public string NotFoundText { get; set; } = "The paper doesn't say. I could not find a passage that answers this question.";

    public string ClosestPassageLead { get; set; } = "The paper does mention this:";

    public string OutOfScopeText { get; set; } = "That question is outside what I can help with: I answer questions about the paper on Russia's growing strategic ties with Pakistan and what they mean for India-Russia relations, citing its own words.";

    public string InjectionText { get; set; } = "I can't follow instructions given inside a question. I only answer questions about the paper, citing its own words.";

    public string HelpText { get; set; } = "I answer questions about the paper on why Russia deepened its strategic ties with Pakistan (CPEC, the North-South gas pipeline, Afghanistan and joint exercises, the SCO) and what that means for India-Russia relations. Every sentence I give is the paper's own, with a citation [n] to its section. Type 'sections' for the outline, 'summary', 'timeline', 'glossary', 'define <term>' or 'quiz' to study it, and 'sources' for the readings loaded.";

    /// <summary>Questions offered with help and with a declined question (appsettings.json; these are the fallback).</summary>
    public List<string> ExampleQuestions { get; set; } = [];

    public static IReadOnlyList<string> DefaultExampleQuestions { get; } =
    [
        "When did Russia and Pakistan sign the North-South gas pipeline deal?",
        "Why does Russia see Pakistan as important for Afghanistan?",
        "How did Russia's share of India's defence market change?",
    ];
}
