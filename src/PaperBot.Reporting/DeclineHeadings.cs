using PaperBot.Answering.Decision;

namespace PaperBot.Reporting;

/// <summary>
/// A heading a person reads for each of the engine's decline reasons (<see cref="DeclineReasons"/>), and whether the
/// reason marks a gap of the reading: a question about the reading's subject that it could not answer, the seed of
/// the next seminar, rather than a question that was off topic, malformed or aimed at the bot.
/// </summary>
public static class DeclineHeadings
{
    private static readonly Dictionary<string, (string Heading, bool Gap, int Order)> Known = new(StringComparer.Ordinal)
    {
        [DeclineReasons.AbsentSubject] = ("Subjects the readings never mention", true, 0),
        [DeclineReasons.UnsupportedTerms] = ("Asked together, but the readings do not say it together", true, 1),
        [DeclineReasons.NotStated] = ("The readings do not state it", true, 2),
        [DeclineReasons.FalsePremise] = ("Resting on a premise the readings contradict", true, 3),
        [DeclineReasons.NoPassage] = ("No passage of the readings came close", true, 4),
        [DeclineReasons.NotDefined] = ("Terms the readings do not define", true, 5),
        [DeclineReasons.ModelDeclined] = ("The language model found no support in the passages", true, 6),
        [DeclineReasons.OffTopic] = ("Not about the readings", false, 7),
        [DeclineReasons.Injection] = ("Instructions aimed at the bot", false, 8),
        [DeclineReasons.Input] = ("Unusable input (empty, too long, not text)", false, 9),
        [DeclineReasons.UnknownSection] = ("Sections that do not exist", false, 10),
        [DeclineReasons.UnknownQuiz] = ("Quizzes that had expired or never existed", false, 11),
        [DeclineReasons.NothingToList] = ("Nothing to list", false, 12),
        [DeclineReasons.ReadingNotInUse] = ("About a reading the channel does not use", false, 13),
        [DeclineReasons.UnknownReading] = ("Readings named that are not loaded", false, 14),
        [DeclineReasons.StoreUnavailable] = ("Settings not kept while the store was away", false, 15),
    };

    /// <summary>The reason code of declines the engine gave no reason for.</summary>
    public const string Unspecified = "unspecified";

    /// <summary>The heading of a reason; an unknown code is shown as it is.</summary>
    public static string Heading(string reason) =>
        Known.TryGetValue(reason, out var known) ? known.Heading
        : reason == Unspecified ? "Declined without a reason"
        : $"Other ({reason})";

    /// <summary>Whether declines for this reason are gaps of the reading.</summary>
    public static bool IsReadingGap(string reason) => Known.TryGetValue(reason, out var known) && known.Gap;

    /// <summary>Where a reason stands among groups of equal size: gaps of the reading first.</summary>
    internal static int Order(string reason) => Known.TryGetValue(reason, out var known) ? known.Order : int.MaxValue;
}
