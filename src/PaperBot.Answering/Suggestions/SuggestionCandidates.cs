using System.Globalization;
using PaperBot.Answering.Conversations;
using PaperBot.Answering.Readings;
using PaperBot.Answering.Study;
using PaperBot.Knowledge.Documents;
using PaperBot.Storage;

namespace PaperBot.Answering.Suggestions;

/// <summary>Where a follow-up question was drawn from, which decides how near it stands to the answer it follows.</summary>
public enum SuggestionSource
{
    /// <summary>A sentence of the cited section: an acronym it expands, a year it reports.</summary>
    Nearby,

    /// <summary>The next part of the reading: the cited section's subsections, or the section that follows it.</summary>
    NextPart,

    /// <summary>A question another student asked in a conversation and got answered from this section.</summary>
    Asked,
}

/// <summary>A question that might follow an answer from a section; not yet known to be answerable.</summary>
/// <param name="Paragraph">The paragraph of the section it was drawn from (0 for a heading or another section).</param>
public sealed record SuggestionCandidate(string Question, SuggestionSource Source, int Paragraph);

/// <summary>
/// Makes the questions that might follow an answer from one section, from the reading's own structure and text only:
/// each acronym the section's sentences expand ("What does the abbreviation X stand for?"), each year they report
/// ("What does the paper say happened in 1858?"), and the headings of the section's subsections and of the section
/// that follows it ("What does the paper say about the …?"). Every candidate stands on its own: a question a thread
/// would read as a follow-up of its last turn is left out, because a click asks it in that thread. Nothing here
/// knows any one reading.
/// </summary>
public static class SuggestionCandidates
{
    /// <summary>At most this many candidates a section, so verifying them costs a handful of answers, once.</summary>
    public const int MaxPerSection = 8;

    /// <summary>Longer questions make poor buttons (Slack shows 75 characters, Teams fewer).</summary>
    public const int MaxQuestionLength = 120;

    /// <summary>Any previous turn with a subject: a candidate that leans on it would be rewritten in a thread.</summary>
    private static readonly ConversationTurn Probe = new("probe", "probe", []);

    public static IReadOnlyList<SuggestionCandidate> ForSection(ReadingIndex readings, PaperDocument document, Section section)
    {
        var single = readings.Documents.Count == 1;
            var says = single ? "does the paper say" : "do the readings say";
        var nearby = new List<SuggestionCandidate>();

        foreach (var entry in Glossary.Extract([document]).Where(e => e.Section == section).OrderBy(e => e.Paragraph))
        {
            nearby.Add(new($"What does the abbreviation {entry.Term} stand for?", SuggestionSource.Nearby, entry.Paragraph));
        }

        var sentences = document.AllSentences().Where(s => s.Section == section).ToList();
        foreach (var year in sentences.SelectMany(s => Timeline.InSentence(s).Select(e => (e.Year, s.Paragraph))).DistinctBy(y => y.Year))
        {
            nearby.Add(new(string.Create(CultureInfo.InvariantCulture, $"What {says} happened in {year.Year}?"), SuggestionSource.Nearby, year.Paragraph));
        }

        var next = new List<SuggestionCandidate>();
        foreach (var part in NextParts(readings, document, section))
        {
            next.Add(new($"What {says} about {Named(part.Title)}?", SuggestionSource.NextPart, 0));
        }

        // The next part is offered whatever the section holds: take it before the section's own years and acronyms fill the quota.
        var reserved = next.Take(2).ToList();
        return reserved
            .Concat(nearby)
            .Concat(next.Skip(2))
            .Where(c => c.Question.Length <= MaxQuestionLength && StandsAlone(c.Question, readings))
            .DistinctBy(c => c.Question, StringComparer.OrdinalIgnoreCase)
            .Take(MaxPerSection)
            .ToList();
    }

    /// <summary>
    /// A heading as the object of "about": with "the" before a noun ("the Conclusion"), without a second article
    /// ("The Harbour Question" → "the Harbour Question") or before an activity ("Building the System").
    /// </summary>
    public static string Named(string heading)
    {
        var first = heading.Split(' ', 2)[0];
        if (first.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            return "the " + heading[4..];
        }

        return first.Equals("a", StringComparison.OrdinalIgnoreCase) || first.Equals("an", StringComparison.OrdinalIgnoreCase)
            || (first.Length > 5 && first.EndsWith("ing", StringComparison.OrdinalIgnoreCase))
            ? heading
            : "the " + heading;
    }

    /// <summary>Whether a thread would take the question as it is, whatever its last turn: no pronoun to resolve, words enough of its own.</summary>
    public static bool StandsAlone(string question, ReadingIndex readings) => FollowUps.Read(question, Probe, readings) is null;

    /// <summary>The section's subsections, then the section that follows it in reading order, that have text of their own and a heading to name.</summary>
    private static IEnumerable<Section> NextParts(ReadingIndex readings, PaperDocument document, Section section)
    {
        var parts = readings.PartsOf(document);
        bool Nameable(Section s) =>
            s != section && s.Paragraphs.Count > 0 && s != parts.Abstract && s != parts.Introduction && !ReadingParts.IsBackMatter(s.Title)
            && s.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is >= 1 and <= 10;

        var children = document.ChildrenOf(section.Id).Where(Nameable).Take(1);
        var order = document.Sections.ToList();
        var following = order.Skip(order.IndexOf(section) + 1).Where(s => !document.ChildrenOf(section.Id).Contains(s)).FirstOrDefault(Nameable);
        return following is null ? children : children.Append(following);
    }
}
