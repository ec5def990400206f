using PaperBot.Answering.Readings;

namespace PaperBot.Answering.Decision;

/// <summary>A question that has one name give something to another, where the sentence has it the other way round.</summary>
/// <param name="Giver">The question's giver ("Corvia" in "Why did Corvia lend Lisbon the ships?").</param>
/// <param name="Recipient">The question's recipient.</param>
/// <param name="Verb">The sentence's word of giving ("lent").</param>
/// <param name="Sentence">The sentence that says it the other way round.</param>
public sealed record DirectionMismatch(string Giver, string Recipient, string Verb, SentenceEvidence Sentence);

/// <summary>
/// Who gave to whom. "Why did Corvia lend Lisbon the ships?" where the sentence says "Lisbon had lent the ships to
/// Corvia": every word is there, and the two names, but the giving runs the other way. The check reads the words of
/// giving of English (give, provide, lend, sell, send, pay …), the name just before such a word (the giver; after
/// "by" when the word is passive) and the name it goes to ("to Corvia", or right after the word: "lend Corvia"), in
/// the question and in the chosen sentences. When a sentence has the question's two names in the two places the other
/// way round, and none has them as the question does, the question rests on a false premise.
/// </summary>
public static class Direction
{
    /// <summary>How many words apart the giver may stand before the word of giving ("Lisbon had already lent").</summary>
    private const int GiverWindow = 4;

    /// <summary>How many words after the word of giving its "to" may come ("lent three old ships to Corvia").</summary>
    private const int RecipientWindow = 10;

    private static readonly HashSet<string> Giving = new(StringComparer.Ordinal)
    {
        "give", "gives", "gave", "given", "giving", "provide", "provides", "provided", "providing", "offer", "offers",
        "offered", "offering", "grant", "grants", "granted", "granting", "lend", "lends", "lent", "lending", "loan",
        "loans", "loaned", "supply", "supplies", "supplied", "supplying", "sell", "sells", "sold", "selling", "send",
        "sends", "sent", "sending", "donate", "donates", "donated", "donating", "pay", "pays", "paid", "paying",
        "deliver", "delivers", "delivered", "delivering", "export", "exports", "exported", "exporting", "extend",
        "extends", "extended", "extending", "hand", "handed", "transfer", "transferred", "transfers",
    };

    private static readonly HashSet<string> YesNo = new(StringComparer.Ordinal) { "did", "does", "do", "is", "was", "were", "are", "has", "have", "had", "can", "could", "will", "would", "should" };

    private static readonly HashSet<string> Passive = new(StringComparer.Ordinal) { "is", "are", "was", "were", "be", "been", "being" };

    /// <summary>The first chosen sentence that has the question's giving the other way round; null when one agrees with the question or none can tell.</summary>
    public static DirectionMismatch? Find(QuestionAnalysis question, Selection selection, ReadingIndex readings)
    {
        var tokens = QuestionAnalyzer.Tokenize(question.Question);
        if (tokens.Count == 0 || YesNo.Contains(tokens[0].Lower))
        {
            return null; // "Did Corvia lend Lisbon the ships?" asks whether; the sentences answer it
        }

        bool IsQuestionName(QuestionAnalyzer.Token t) =>
            Roles.IsName(t, readings) || t.Value.All(char.IsLetter) && readings.CapitalisesMidSentence(t.Lower); // "pakistan", typed in lower case
        foreach (var (giver, recipient, _) in SaidGivings(question.Question, tokens, IsQuestionName))
        {
            var giverKey = Roles.Key(giver, readings);
            var recipientKey = Roles.Key(recipient, readings);
            if (giverKey == recipientKey)
            {
                continue;
            }

            DirectionMismatch? turned = null;
            foreach (var sentence in selection.Sentences.OrderByDescending(s => s.Score))
            {
                var text = sentence.Sentence.Text;
                var said = QuestionAnalyzer.Tokenize(text);
                foreach (var (saidGiver, saidRecipient, verb) in SaidGivings(text, said, t => Roles.IsName(t, readings)))
                {
                    var from = Roles.Keys(saidGiver, readings);
                    var to = Roles.Keys(saidRecipient, readings);
                    if (Roles.Holds(from, giverKey) && Roles.Holds(to, recipientKey))
                    {
                        return null; // a sentence says it as the question does
                    }

                    if (Roles.Holds(from, recipientKey) && Roles.Holds(to, giverKey))
                    {
                        turned ??= new DirectionMismatch(giver, recipient, verb, sentence);
                    }
                }
            }

            if (turned is not null)
            {
                return turned;
            }
        }

        return null;
    }

    /// <summary>Each word of giving in a text with the name before it (the giver) and the name it goes to.</summary>
    private static IEnumerable<(string Giver, string Recipient, string Verb)> SaidGivings(string text, IReadOnlyList<QuestionAnalyzer.Token> tokens, Func<QuestionAnalyzer.Token, bool> isName)
    {
        for (var at = 0; at < tokens.Count; at++)
        {
            if (!Giving.Contains(tokens[at].Lower))
            {
                continue;
            }

            // "were given by", and in a question "Why were the ships given by …": a form of "be" a few words before.
            var passive = Enumerable.Range(Math.Max(0, at - GiverWindow - 1), at - Math.Max(0, at - GiverWindow - 1)).Any(i => Passive.Contains(tokens[i].Lower));
            var giver = passive ? After(text, tokens, at, "by", isName) : Before(text, tokens, at, isName);
            var recipient = After(text, tokens, at, "to", isName) ?? (passive ? null : RightAfter(tokens, at, isName));
            if (giver is not null && recipient is not null)
            {
                yield return (giver, recipient, tokens[at].Value);
            }
        }
    }

    /// <summary>The name nearest before the word, in its clause.</summary>
    private static string? Before(string text, IReadOnlyList<QuestionAnalyzer.Token> tokens, int at, Func<QuestionAnalyzer.Token, bool> isName)
    {
        for (var i = at - 1; i >= 0 && at - i <= GiverWindow; i--)
        {
            if (Roles.Breaks(text, tokens[i], tokens[i + 1]))
            {
                return null;
            }

            if (isName(tokens[i]))
            {
                return tokens[i].Value;
            }
        }

        return null;
    }

    /// <summary>The name right after the first <paramref name="marker"/> after the word, in its clause.</summary>
    private static string? After(string text, IReadOnlyList<QuestionAnalyzer.Token> tokens, int at, string marker, Func<QuestionAnalyzer.Token, bool> isName)
    {
        for (var i = at + 1; i < tokens.Count && i - at <= RecipientWindow; i++)
        {
            if (Roles.Breaks(text, tokens[i - 1], tokens[i]) || Giving.Contains(tokens[i].Lower))
            {
                return null;
            }

            if (tokens[i].Lower == marker)
            {
                var next = i + 1 < tokens.Count && tokens[i + 1].Lower == "the" ? i + 2 : i + 1;
                return next < tokens.Count && isName(tokens[next]) ? tokens[next].Value : null;
            }
        }

        return null;
    }

    /// <summary>The name right after the word: who it goes to ("lend Corvia the ships").</summary>
    private static string? RightAfter(IReadOnlyList<QuestionAnalyzer.Token> tokens, int at, Func<QuestionAnalyzer.Token, bool> isName) =>
        at + 1 < tokens.Count && isName(tokens[at + 1]) ? tokens[at + 1].Value : null;
}
