using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PaperBot.Knowledge.Documents;

namespace PaperBot.Answering.Study;

/// <summary>
/// Makes quiz questions from the paper's sentences: a cloze with the key fact blanked (a date for "when", an amount
/// for "how much", a person for "who", an acronym's expansion for "which"), the section named so the student knows
/// where to look. Only sentences that carry such a fact are used.
/// </summary>
public static partial class QuizMaker
{
    public const string Blank = "_____";

    /// <summary>A candidate blank in a sentence: what kind of fact, and the fact as printed.</summary>
    public sealed record Fact(string Kind, string Text);

    /// <summary>The sentences of <paramref name="sentences"/> that can become a question, with the fact to blank.</summary>
    public static IReadOnlyList<(LocatedSentence Sentence, Fact Fact)> Candidates(IEnumerable<LocatedSentence> sentences, IReadOnlyList<GlossaryEntry> glossary)
    {
        var result = new List<(LocatedSentence, Fact)>();
        foreach (var sentence in sentences.Where(s => s.Text.Length is >= 40 and <= 400))
        {
            var fact = FactIn(sentence, glossary);
            if (fact is not null)
            {
                result.Add((sentence, fact));
            }
        }

        return result;
    }

    public static Fact? FactIn(LocatedSentence sentence, IReadOnlyList<GlossaryEntry> glossary)
    {
        var date = Timeline.InSentence(sentence).OrderByDescending(e => e.Date.Length).FirstOrDefault(e => e.Month > 0);
        if (date is not null)
        {
            return new Fact("When", date.Date);
        }

        var amount = Amount().Match(sentence.Text);
        if (amount.Success)
        {
            return new Fact("How much", amount.Value.Trim());
        }

        var person = Person().Match(sentence.Text);
        if (person.Success)
        {
            return new Fact("Who", person.Groups["name"].Value);
        }

        var expansion = glossary.FirstOrDefault(g => sentence.Text.Contains($"{g.Expansion} ({g.Term})", StringComparison.Ordinal));
        if (expansion is not null)
        {
            return new Fact("Which", expansion.Expansion);
        }

        var year = Timeline.InSentence(sentence).FirstOrDefault();
        return year is null ? null : new Fact("When", year.Date);
    }

    /// <summary>The prompt: the kind of fact asked for, where to look, and the sentence with the fact blanked.</summary>
    public static string Prompt(LocatedSentence sentence, Fact fact, string? documentName)
    {
        var index = sentence.Text.IndexOf(fact.Text, StringComparison.Ordinal);
        var cloze = sentence.Text[..index] + Blank + sentence.Text[(index + fact.Text.Length)..];
        var where = documentName is null ? sentence.Section.Label : $"{documentName}, {sentence.Section.Label}";
        var kind = fact.Kind switch
        {
            "When" => "When? Fill in the date",
            "How much" => "How much? Fill in the amount",
            "Who" => "Who? Fill in the name",
            _ => "Which? Fill in the name",
        };
        return $"{kind} ({where}):\n“{cloze}”";
    }

    [GeneratedRegex(@"(U\.S ?\$ ?|\$ ?)\d[\d,.]*( (million|billion|trillion))?|\b\d[\d,.]*\s*(per cent|percent|%|million|billion|kms?|bcfd|mmcfd|roubles|foreigners)\b")]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(President|Prime Minister|Minister|Ambassador|premier|Premier|General)\s+(?<name>[A-Z][a-z]+(\s+[A-Z][a-z]+){1,2})")]
    private static partial Regex Person();
}

/// <summary>Quizzes kept in memory by id so a "Show answer" click can find them; the oldest go first past the cap.</summary>
public sealed class QuizBook(int capacity = 500)
{
    private readonly ConcurrentDictionary<string, QuizCard> _quizzes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public int Count => _quizzes.Count;

    public void Add(QuizCard quiz)
    {
        _quizzes[quiz.Id] = quiz;
        _order.Enqueue(quiz.Id);
        while (_quizzes.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _quizzes.TryRemove(oldest, out _);
        }
    }

    public QuizCard? Find(string id) => _quizzes.GetValueOrDefault(id.Trim());
}
