using System.Globalization;
using PaperBot.Answering.Readings;

namespace PaperBot.Answering.Study;

/// <summary>
/// Questions to offer a student who does not know what to ask, made from the readings themselves: one about a part
/// of a reading (by its heading), one about an acronym it expands, one about a year it reports. Each is a question
/// the reading answers, so a suggestion never leads to a decline.
/// </summary>
public static class ExampleQuestions
{
    public static IReadOnlyList<string> From(ReadingIndex readings)
    {
        var questions = new List<string>();
        foreach (var document in readings.Documents)
        {
            var parts = readings.PartsOf(document);
            var framing = new[] { parts.Abstract, parts.Introduction, parts.Conclusion };
            var section = document.Sections
                .Where(s => !framing.Contains(s) && s.Paragraphs.Count > 0 && s.Title.Split(' ').Length is >= 2 and <= 8)
                .OrderByDescending(s => s.Level)
                .ThenBy(s => document.Sections.ToList().IndexOf(s))
                .FirstOrDefault();
            var about = readings.Documents.Count == 1 ? "the paper" : $"“{ReadingIndex.TitleOf(document)}”";
            if (section is not null)
            {
                questions.Add($"What does {about} say about the {section.Title}?");
            }

            var acronym = Glossary.Extract([document]).FirstOrDefault(g => g.Paragraph > 0);
            if (acronym is not null)
            {
                questions.Add($"What does {acronym.Term} stand for?");
            }

            var years = Timeline.Extract(document.AllSentences()).GroupBy(e => e.Year).Where(g => g.Count() == 1).Select(g => g.Single()).ToList();
            if (years.Count > 0)
            {
                var pick = years[years.Count / 2];
                questions.Add(string.Create(CultureInfo.InvariantCulture, $"What happened in {pick.Year}?"));
            }
        }

        return questions.Distinct(StringComparer.Ordinal).Take(3).ToList();
    }
}
