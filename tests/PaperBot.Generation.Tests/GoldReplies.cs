using System.Globalization;
using System.Text.RegularExpressions;
using PaperBot.Answering;
using PaperBot.Evaluation;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Testing;
using PaperBot.Answering.Generation;

namespace PaperBot.Generation.Tests;

/// <summary>A scripted model reply for one gold question: which of its sentences are grounded and which invented.</summary>
internal sealed record GoldReply(GoldItem Item, GenerationRequest Request, IReadOnlyList<string> Grounded, IReadOnlyList<string> Invented, IReadOnlyList<string> Misattributed)
{
    /// <summary>The same grounded content, reworded the way a model answering in its own words would.</summary>
    public IReadOnlyList<string> Reworded { get; init; } = [];

    /// <summary>Short answers: the part of a sentence that answers, or the question restated with the gold facts.</summary>
    public IReadOnlyList<string> Compressed { get; init; } = [];

    public string Text => string.Join(" ", Interleave());

    private IEnumerable<string> Interleave()
    {
        var others = Invented.Concat(Misattributed).ToList();
        for (var i = 0; i < Math.Max(Grounded.Count, others.Count); i++)
        {
            if (i < Grounded.Count)
            {
                yield return Grounded[i];
            }

            if (i < others.Count)
            {
                yield return others[i];
            }
        }
    }
}

/// <summary>
/// Builds, for each answerable gold question, the reply a careless model might give: grounded sentences paraphrased
/// from the retrieved passages, mixed with invented ones (a number, a year, a person or a quotation the passage does
/// not have) and with sentences of the paper cited against a passage that does not say them.
/// </summary>
internal static partial class GoldReplies
{
    private static readonly string[] InventedPeople = ["Henry Kissinger", "Margaret Thatcher", "Angela Merkel", "Boris Yeltsin", "Jawaharlal Nehru"];

    public static IReadOnlyList<GoldItem> AnswerableQuestions() =>
        GoldSet.LoadDev(PathResolver.ResolveFolder(GoldSet.DefaultFolder)).Where(i => i.IsAnswerable && i.Reading == "russia-pakistan-paper" && i.Sections.Count > 0).ToList();

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IReadOnlyList<GoldReply>? _built;

    /// <summary>The replies for every answerable gold question, built once per run (retrieval over 75 questions is not free).</summary>
    public static async Task<IReadOnlyList<GoldReply>> BuildAsync(PaperFixture paper)
    {
        await Gate.WaitAsync();
        try
        {
            return _built ??= await BuildAllAsync(paper);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<IReadOnlyList<GoldReply>> BuildAllAsync(PaperFixture paper)
    {
        var replies = new List<GoldReply>();
        var allSentences = paper.Knowledge.AllSentences().ToList();
        foreach (var (item, index) in AnswerableQuestions().Select((item, index) => (item, index)))
        {
            var request = await paper.RequestAsync(item.Question);
            var grounded = new List<string>();
            var reworded = new List<string>();
            var compressed = new List<string>();
            for (var p = 0; p < Math.Min(3, request.Passages.Count); p++)
            {
                var statement = ScriptedAnswers.Statements(request.Passages[p]).Skip(index % 2).FirstOrDefault()
                    ?? ScriptedAnswers.Statements(request.Passages[p]).FirstOrDefault();
                if (statement is not null)
                {
                    grounded.Add(Cite(ScriptedAnswers.Paraphrase(statement), p + 1));
                    reworded.Add(Cite(ScriptedAnswers.Reword(statement, index + p), p + 1));
                    compressed.Add(Cite(ScriptedAnswers.Compress(statement), p + 1));
                }
            }

            var factPassage = request.Passages.ToList().FindIndex(h => item.Facts.All(f => Fold(h.Text).Contains(Fold(f), StringComparison.OrdinalIgnoreCase)));
            if (factPassage >= 0 && item.Facts.Count > 0)
            {
                compressed.Add(Cite($"{item.Question.TrimEnd('?')}: {string.Join(" and ", item.Facts)}", factPassage + 1));
            }

            var cited = request.Passages[0];
            var invented = new List<string>
            {
                Cite($"Russia delivered S-{400 + index} air defence systems to Pakistan in {2031 + index}", 1),
                Cite($"According to {InventedPeople[index % InventedPeople.Length]}, {Lower(ScriptedAnswers.Paraphrase(ScriptedAnswers.Statements(cited).FirstOrDefault() ?? cited.Text))}", 1),
            };
            var withNumber = ScriptedAnswers.Statements(cited).Select(ScriptedAnswers.Paraphrase).FirstOrDefault(s => Number().IsMatch(s));
            if (withNumber is not null)
            {
                invented.Add(Cite(Number().Replace(withNumber, m => Shift(m.Value), 1), 1));
            }

            invented.Add(Cite("The authors describe this as “a complete and irreversible strategic merger of the two states”", 1));

            // A sentence of the paper from a section none of the passages comes from, cited as if passage 1 said it.
            var sections = request.Passages.Select(h => h.SectionId).ToHashSet(StringComparer.Ordinal);
            var elsewhere = allSentences.Where(s => !sections.Contains(s.Section.Id) && s.Text.Split(' ').Length >= 10).ToList();
            var misattributed = Enumerable.Range(0, 3)
                .Select(k => Cite(ScriptedAnswers.Paraphrase(elsewhere[((index * 3) + k) * 37 % elsewhere.Count].Text), 1 + (k % request.Passages.Count)))
                .ToList();

            replies.Add(new GoldReply(item, request, grounded, invented, misattributed) { Reworded = reworded, Compressed = compressed });
        }

        return replies;
    }

    /// <summary>Whether the answer states this scripted sentence, wherever its markers and full stop ended up.</summary>
    public static bool States(string answerText, string sentence) =>
        Normalise(answerText).Contains(Normalise(sentence), StringComparison.Ordinal);

    private static string Normalise(string text) =>
        Knowledge.Documents.TextCleaner.CollapseWhitespace(Stop().Replace(GroundingCheck.StripMarkers(text), string.Empty));

    private static string Cite(string sentence, int marker) => $"{sentence.TrimEnd('.')} [{marker}].";

    private static string Fold(string text) => Knowledge.Documents.TextCleaner.FoldForMatching(text);

    private static string Lower(string text) => text.Length > 1 && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string Shift(string number) =>
        long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (n + 7).ToString(CultureInfo.InvariantCulture) : number + "7";

    [GeneratedRegex(@"[.!?]")]
    private static partial Regex Stop();

    [GeneratedRegex(@"\b\d{2,4}\b")]
    private static partial Regex Number();
}
