using System.Text.RegularExpressions;
using PaperBot.Answering.Language;
using PaperBot.Knowledge.Documents;

namespace PaperBot.Answering.Study;

/// <summary>
/// Makes quiz questions from the paper's sentences: a cloze with the key fact blanked (a date for "when", an amount
/// for "how much", a person for "who", a name the paper expands for "which"), the section named so the student knows
/// where to look. Only sentences that carry such a fact are used, and only when the rest of the sentence does not
/// give the blank away (the fact printed twice, or a name followed by its own acronym in brackets).
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
            if (fact is not null && !GivesAway(sentence.Text, fact))
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

        var amount = FactRecognisers.AmountPhrase(sentence.Text);
        if (amount.Success)
        {
            return new Fact("How much", amount.Value.Trim());
        }

        var person = FactRecognisers.TitledPerson(sentence.Text);
        if (person.Success)
        {
            return new Fact("Who", person.Groups["name"].Value);
        }

        // The name and its acronym are blanked together: "… and _____", not "… and _____ (HTB)".
        var expansion = glossary.FirstOrDefault(g => sentence.Text.Contains($"{g.Expansion} ({g.Term})", StringComparison.Ordinal));
        if (expansion is not null)
        {
            return new Fact("Which", $"{expansion.Expansion} ({expansion.Term})");
        }

        var year = Timeline.InSentence(sentence).FirstOrDefault();
        return year is null ? null : new Fact("When", year.Date);
    }

    /// <summary>
    /// Whether the sentence, once blanked, still shows the answer: the fact printed a second time, or the fact
    /// followed by its own acronym in brackets ("Harbour Transit Board (HTB)" with only the name blanked).
    /// </summary>
    public static bool GivesAway(string sentence, Fact fact)
    {
        var index = sentence.IndexOf(fact.Text, StringComparison.Ordinal);
        if (index < 0)
        {
            return true;
        }

        var rest = sentence[..index] + sentence[(index + fact.Text.Length)..];
        if (rest.Contains(fact.Text, StringComparison.Ordinal))
        {
            return true;
        }

        var after = Bracketed().Match(sentence, index + fact.Text.Length);
        return after.Success && IsAcronymOf(after.Groups[1].Value, fact.Text);
    }

    /// <summary>
    /// "HTB" for "Harbour Transit Board": the same first letter, and its letters in order among the name's
    /// (an acronym may take several letters from one word).
    /// </summary>
    private static bool IsAcronymOf(string acronym, string name)
    {
        var letters = acronym.TrimEnd('s').ToLowerInvariant();
        var text = string.Concat(name.Where(char.IsLetter)).ToLowerInvariant();
        if (letters.Length < 2 || text.Length == 0 || letters[0] != text[0])
        {
            return false;
        }

        var at = 0;
        foreach (var letter in letters)
        {
            at = text.IndexOf(letter, at);
            if (at < 0)
            {
                return false;
            }

            at++;
        }

        return true;
    }

    /// <summary>
    /// The prompt: a question naming what is missing and where to look, then the sentence with the fact blanked
    /// ("Which organisation is missing from this sentence of §2 Historical Background…?").
    /// </summary>
    public static string Prompt(LocatedSentence sentence, Fact fact, string? documentName)
    {
        var index = sentence.Text.IndexOf(fact.Text, StringComparison.Ordinal);
        var cloze = sentence.Text[..index] + Blank + sentence.Text[(index + fact.Text.Length)..];
        var where = documentName is null ? sentence.Section.Label : $"{documentName}, {sentence.Section.Label}";
        var missing = fact.Kind switch
        {
            "When" => "What date is",
            "How much" => "What figure is",
            "Who" => "Who is",
            _ => $"Which {NameKind(fact.Text)} is",
        };
        return $"{missing} missing from this sentence of {where}?\n“{cloze}”";
    }

    /// <summary>What kind of name an expansion is, from its last word ("… Treaty Organization": organisation).</summary>
    private static string NameKind(string expansion)
    {
        var words = expansion.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith('(')).ToList();
        var last = words.Count == 0 ? string.Empty : words[^1].ToLowerInvariant();
        return last switch
        {
            "organization" or "organisation" => "organisation",
            "corridor" or "pipeline" or "project" or "initiative" or "committee" or "movement" or "treaty" or "agreement"
                or "council" or "forum" or "alliance" or "bank" or "fund" or "programme" or "program" or "party" or "union" => last,
            _ => "name",
        };
    }

    [GeneratedRegex(@"\G\s*\(([A-Z][A-Za-z]{1,9})\)")]
    private static partial Regex Bracketed();


}
