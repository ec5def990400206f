namespace PaperBot.Answering;

/// <summary>
/// The answering core's settings (<c>Answering</c> in appsettings.json): the thresholds of the decision and of
/// sentence selection, calibrated on the dev split of the gold set with <c>paperbot eval</c> (change them there,
/// not by eye), and the texts of replies. Texts may name the loaded readings with <c>{readings}</c>,
/// <c>{Readings}</c> and <c>{titles}</c>; nothing here describes one reading.
/// </summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary>The cited sentences must account for at least this weighted share of the question's words.</summary>
    public double MinCoverage { get; set; } = 0.5;

    /// <summary>For a question about a named part of a reading ("in the conclusion, …"), the share of its own words the cited sentences must account for.</summary>
    public double ScopedMinCoverage { get; set; } = 0.3;

    /// <summary>No single unsupported word may carry more than this share of the question's weight.</summary>
    public double MaxUnsupportedShare { get; set; } = 0.3;

    /// <summary>
    /// The same for a question that takes something for granted ("Why did relations improve?"): what it assumes must
    /// be what the sentence says, so less of it may go unaccounted for.
    /// </summary>
    public double PremiseMaxUnsupportedShare { get; set; } = 0.12;

    /// <summary>Below this weighted share of its words used anywhere in the readings (next to nothing), a question is off-topic.</summary>
    public double OffTopicPresence { get; set; } = 0.15;

    /// <summary>Below this cosine between the question and its best sentence, no passage answers.</summary>
    public double RelevanceFloor { get; set; } = 0.45;

    /// <summary>
    /// A question whose other words a sentence accounts for this well, while that sentence says the opposite (or
    /// names another name or number), rests on a false premise.
    /// </summary>
    public double PremiseCoverage { get; set; } = 0.7;

    /// <summary>
    /// A question that asks for a date or a number is answered only when a run of consecutive cited sentences that
    /// gives one accounts for at least this share of what all the cited sentences account for: the fact stands where
    /// most of the question is said.
    /// </summary>
    public double FactRunShare { get; set; } = 0.6;

    /// <summary>Cosine between two words (centred, see the word index) at or below which neither supports the other by meaning.</summary>
    public double MeaningFloor { get; set; } = 0.35;

    /// <summary>Cosine between two words (centred) at or above which one fully supports the other.</summary>
    public double MeaningFull { get; set; } = 0.6;

    /// <summary>The most support (0–1) a question word the readings never use can get from a word of similar meaning.</summary>
    public double UnknownWordCap { get; set; } = 0.45;

    /// <summary>
    /// Cosine between a question word and a sentence word, each in its own text (the model's vectors in context), at
    /// or below which the sentence word does not stand for the question word. Used only when the question would
    /// otherwise be declined for its ordinary words.
    /// </summary>
    public double ContextFloor { get; set; } = 0.62;

    /// <summary>Cosine in context at or above which a sentence word fully stands for a question word; 0 turns matching in context off.</summary>
    public double ContextFull { get; set; } = 0.75;

    /// <summary>How far above <see cref="ContextFloor"/> a question word the readings never use must be matched in context to count at all.</summary>
    public double ContextUnknownMargin { get; set; } = 0.08;

    /// <summary>How many of the best candidate sentences are read in context.</summary>
    public int ContextCandidates { get; set; } = 8;

    /// <summary>A list question is answered from a section's subsections when that section's heading accounts for this share of its words.</summary>
    public double OutlineHeadingShare { get; set; } = 0.6;

    /// <summary>A short message with a pleasantry in it is small talk when no sentence of the readings comes closer to it than this cosine.</summary>
    public double SmallTalkSimilarity { get; set; } = 0.55;

    /// <summary>A word of a sentence supports a question word by meaning only when it is one of this many readings' words nearest to it.</summary>
    public int MeaningNeighbours { get; set; } = 8;

    /// <summary>
    /// Whether a sentence word that English gives as a synonym of a question word, or a form derived from the same
    /// word, accounts for it fully ("purchase" for "buy", in a sense the word is used in; the table is WordNet's),
    /// and an irregular form for the word itself ("sank" for "sink"). False turns both off.
    /// </summary>
    public bool Synonyms { get; set; } = true;

    /// <summary>How much the share of accounted-for words adds to a sentence's score (its closeness in meaning counts 1).</summary>
    public double CoverageWeight { get; set; } = 0.35;

    /// <summary>What carrying the kind of fact asked for adds to a sentence's score.</summary>
    public double AnswerTypeWeight { get; set; } = 0.12;

    /// <summary>What the rank of its passage adds to a sentence's score (divided by rank + 1).</summary>
    public double PassageRankWeight { get; set; } = 0.05;

    /// <summary>
    /// What standing in a section the last answer of the conversation cited adds to a sentence's score, for a
    /// follow-up ("how old was he?"): the conversation goes on where it was. 0 turns it off.
    /// </summary>
    public double FollowUpSectionWeight { get; set; } = 0.1;

    /// <summary>A further sentence joins the answer when it scores at least this share of the best one.</summary>
    public double SecondSentenceRatio { get; set; } = 0.9;

    /// <summary>A sentence right after a chosen one (same paragraph) joins when it scores at least this share of the best.</summary>
    public double ContinuationRatio { get; set; } = 0.8;

    /// <summary>A further sentence joins when it raises the share of accounted-for words by at least this much.</summary>
    public double MinimumGain { get; set; } = 0.1;

    /// <summary>A further sentence that raises the share by twice <see cref="MinimumGain"/> joins when it scores at least this share of the best.</summary>
    public double GainRatio { get; set; } = 0.6;

    /// <summary>Sentences holding one of the question's rarest words are weighed too, when there are at most this many.</summary>
    public int RareTermSentences { get; set; } = 12;

    /// <summary>At most this many sentences in an answer.</summary>
    public int MaxSentences { get; set; } = 3;

    /// <summary>Chunks retrieved for a question.</summary>
    public int Passages { get; set; } = 5;

    public string NotInPaperText { get; set; } = "There is nothing about {subject} in {readings}, so I can't answer that from {them}.";

    public string UnsupportedTermsText { get; set; } = "I can't answer that from {readings}: no passage speaks of {terms} together with the rest of the question.";

    public string FalsePremiseText { get; set; } = "Nothing in {readings} supports {terms} here. What {they} {do} say:";

    public string NotDefinedText { get; set; } = "The paper uses {term} but does not define it. Type 'glossary' for the terms it does define.";

    /// <summary>A question that asks for a date, a number, a measure or a frequency the passages about it do not give; {kind} names it.</summary>
    public string FactNotGivenText { get; set; } = "I can't answer that from {readings}: the passages that speak of it don't give {kind}.";

    public string NotFoundText { get; set; } = "I could not find a passage of {readings} that answers this question.";

    public string DetailNotStatedText { get; set; } = "The text doesn't name {what}, and the reading's details don't either.";

    public string PublicationNotStatedText { get; set; } = "The text doesn't give its publication details (funding, affiliation, a reference to cite), and I only know a reading's title, author, year and venue when its details list them. Type 'sources' to see what is known of each reading.";

    public string MethodNotStatedText { get; set; } = "The text doesn't describe a method: no sentence of its abstract or introduction says how the study was done.";

    public string OutOfScopeText { get; set; } = "That's outside what I can help with: I answer questions about {titles}, citing {its} own words.";

    public string InjectionText { get; set; } = "I can't follow instructions given inside a question. I only answer questions about {readings}, citing {its} own words.";

    public string HelpText { get; set; } = "I answer questions about {titles}. Every sentence I give is the reading's own, with a citation [n] to its section. Type 'sections' for the outline, 'summary', 'timeline', 'glossary', 'define <term>' or 'quiz' to study it, 'sources' for the readings loaded, and 'use <reading>' to answer from some of them only ('use all' for every one).";

    /// <summary>Questions offered with help and declines; when empty (the default) they are drawn from the readings.</summary>
    public List<string> ExampleQuestions { get; set; } = [];

    /// <summary>The default of <see cref="SuggestedFollowUps"/>.</summary>
    public const int DefaultSuggestedFollowUps = 3;

    /// <summary>
    /// How many follow-up questions an answer with a citation offers (0 to 3; 0 turns them off). Each is one the
    /// readings answer with a citation, checked once per section by asking it.
    /// </summary>
    public int SuggestedFollowUps { get; set; } = DefaultSuggestedFollowUps;
}
