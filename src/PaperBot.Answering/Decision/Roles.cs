using PaperBot.Answering.Readings;
using PaperBot.Knowledge.Lexical;

namespace PaperBot.Answering.Decision;

/// <summary>A name the question gives one part in what happened, where the sentence gives that part to another name.</summary>
/// <param name="Name">The question's name ("Lisbon" in "Why did Rui Sol visit Lisbon?").</param>
/// <param name="Said">The name the sentence has there instead ("Portland" in "… chose to visit Portland instead").</param>
/// <param name="Word">The question's word the two names stand beside ("visit").</param>
/// <param name="Sentence">The sentence that says it otherwise.</param>
public sealed record RoleMismatch(QuestionTerm Name, string Said, QuestionTerm Word, SentenceEvidence Sentence);

/// <summary>
/// Who did what to whom. A sentence can hold every word of a question and still say something else: "Why did
/// Lisbon host the regatta?" where the sentence says Portland hosted it and Lisbon sent a crew; "Why did the minister
/// visit Lisbon?" where he chose to visit Portland instead. The check reads only what stands right beside a word:
/// the name just before it in the question (who did it) or just after it (to whom, where), against the names just
/// before and after the same word in the sentence. When both names are in the sentence and the sentence puts
/// another name in that place, the question rests on a false premise.
/// </summary>
public static class Roles
{
    /// <summary>How many words apart a name may stand from the word it belongs to ("chose to visit Portland").</summary>
    private const int Window = 3;

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "its", "their", "his", "her" };

    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "in", "near", "at", "with", "from", "into", "for", "on", "against", "over", "towards", "toward", "by", "of",
    };

    /// <summary>Words that set another thing against the phrase before them ("Lisbon instead of Portland"): the phrase ends there.</summary>
    private static readonly HashSet<string> Contrasts = new(StringComparer.Ordinal) { "instead", "rather", "than", "not", "but", "while", "whereas", "unlike", "except", "besides", "over" };

    /// <summary>Forms of "be" before a verb that make it passive.</summary>
    private static readonly HashSet<string> Passive = new(StringComparer.Ordinal) { "is", "are", "was", "were", "be", "been", "being" };

    /// <summary>Words that join names into one group ("Lisbon and Portland", "Lisbon-Porto-Faro").</summary>
    private static readonly HashSet<string> Joiners = new(StringComparer.OrdinalIgnoreCase) { "and", "or", "of", "the", "&" };

    /// <summary>The first sentence, among those chosen that have both the word and the name, that gives the name's place to another name; null when any of them agrees or none can tell.</summary>
    public static RoleMismatch? Find(QuestionAnalysis question, Selection selection, ReadingIndex readings)
    {
        var tokens = QuestionAnalyzer.Tokenize(question.Question);
        foreach (var (word, name, after) in Slots(question, tokens))
        {
            RoleMismatch? other = null;
            var agreed = false;
            var key = Key(name.Surface, readings);
            foreach (var sentence in selection.Sentences.OrderByDescending(s => s.Score))
            {
                if (agreed || Supported(sentence, word) is not SupportKind.Exact || Supported(sentence, name) is not (SupportKind.Exact or SupportKind.Alias))
                {
                    continue;
                }

                var text = sentence.Sentence.Text;
                var said = QuestionAnalyzer.Tokenize(text);
                if (!said.Any(t => IsName(t, readings) && Holds(Keys(t.Value, readings), key)))
                {
                    continue; // the name is only in the heading: the sentence cannot say who else
                }

                foreach (var at in Enumerable.Range(0, said.Count).Where(i => Stems(said[i].Value).Contains(word.Term)))
                {
                    var group = after ? GroupAfter(said, text, at, readings) : GroupBefore(said, text, at, readings);
                    if (group.Count == 0)
                    {
                        continue;
                    }

                    if (group.Any(t => Holds(Keys(t.Value, readings), key)))
                    {
                        agreed = true;
                        break;
                    }

                    other ??= new RoleMismatch(name, string.Join(' ', group.Select(t => t.Value)), word, sentence);
                }
            }

            if (!agreed && other is not null)
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>
    /// A named thing the question picks out by the names before it ("the Harbour and Canal Company") where the
    /// chosen sentence that says the rest of the question gives the same kind of thing another name ("the Marsh
    /// Company moved its intake …") and names none of the question's: the question gives one what the readings
    /// say of another. Only in a question that takes its event for granted, for a capitalised head the sentence
    /// prints after another name, and when that sentence says at least <paramref name="rest"/> of the question's
    /// other words. Null when the sentence agrees or none can tell.
    /// </summary>
    public static RoleMismatch? FindNamedOther(QuestionAnalysis question, Selection selection, ReadingIndex readings, double rest)
    {
        if (!question.Presupposes || selection.Sentences.Count == 0)
        {
            return null;
        }

        var tokens = QuestionAnalyzer.Tokenize(question.Question);
        for (var h = 1; h < tokens.Count; h++)
        {
            if (!IsName(tokens[h], readings) || tokens[h].Value.Contains('-', StringComparison.Ordinal)
                || question.Terms.FirstOrDefault(t => t.Kind == TermKind.Name && string.Equals(t.Surface, tokens[h].Value, StringComparison.Ordinal)) is not { } head)
            {
                continue;
            }

            // The names right before the head, joined by "and" or "&" ("Harbour and Canal").
            var qualifiers = new List<QuestionTerm>();
            for (var q = h - 1; q >= 0 && h - q <= 5; q--)
            {
                if (tokens[q].Value is "and" or "&" && q > 0 && qualifiers.Count > 0)
                {
                    continue;
                }

                if (!IsName(tokens[q], readings) || question.Terms.FirstOrDefault(t => t.Kind == TermKind.Name && string.Equals(t.Surface, tokens[q].Value, StringComparison.Ordinal)) is not { } qualifier)
                {
                    break;
                }

                qualifiers.Add(qualifier);
            }

            if (qualifiers.Count == 0)
            {
                continue;
            }

            // The sentence that says the rest of the question: most of its words other than the name.
            var group = qualifiers.Append(head).ToHashSet();
            var others = question.Terms.Where(t => !group.Contains(t)).ToList();
            var weight = others.Sum(t => t.Weight);
            if (weight <= 0)
            {
                continue;
            }

            double Says(SentenceEvidence s) => s.Support.Where(x => !group.Contains(x.Term) && x.Value >= 0.5).Sum(x => x.Term.Weight) / weight;
            // A chosen sentence that names the question's own thing and says a good part of the rest ("Houses supplied
            // by the Marsh Company suffered only 37 deaths over the same period") answers for it.
            if (selection.Sentences.Any(s => Says(s) >= rest / 2 && NamesQualified(QuestionAnalyzer.Tokenize(s.Sentence.Text), qualifiers[0], head, readings)))
            {
                continue;
            }

            var sayer = selection.Sentences.MaxBy(Says)!;
            var said = QuestionAnalyzer.Tokenize(sayer.Sentence.Text);
            if (Says(sayer) < rest || said.Any(t => qualifiers.Any(q => Keys(t.Value, readings).Contains(q.Term))))
            {
                continue; // the sentence names the question's own (its support may lend it a name given in full before)
            }

            for (var at = 1; at < said.Count; at++)
            {
                if (Stems(said[at].Value).Contains(head.Term) && char.IsUpper(said[at].Value[0])
                    && IsName(said[at - 1], readings) && !Joiners.Contains(said[at - 1].Value)
                    && !qualifiers.Any(q => Keys(said[at - 1].Value, readings).Contains(q.Term)))
                {
                    return new RoleMismatch(qualifiers[^1], said[at - 1].Value, head, sayer);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// An office the question gives to one country or body ("the Prime Minister of Corvia", "the Corvian Prime
    /// Minister", "Corvia's Prime Minister") where every chosen sentence that names the office with a holder's country
    /// gives another ("Lisbon's Prime Minister …"): the sentence is about someone else's office. Null when a sentence
    /// agrees or none says whose office it is.
    /// </summary>
    /// <param name="carried">Words a follow-up took from the last question: what they say was the last answer's, not this one's.</param>
    public static RoleMismatch? FindOfficeOwner(QuestionAnalysis question, Selection selection, ReadingIndex readings, IReadOnlySet<QuestionTerm>? carried = null)
    {
        var tokens = QuestionAnalyzer.Tokenize(question.Question);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!Language.EnglishLexicon.OfficeTitles.Contains(tokens[i].Lower) || i + 1 < tokens.Count && Language.EnglishLexicon.OfficeTitles.Contains(tokens[i + 1].Lower)
                || question.Terms.FirstOrDefault(t => string.Equals(t.Surface, tokens[i].Value, StringComparison.Ordinal)) is not { } office)
            {
                continue; // not the last word of an office ("Prime [Minister]")
            }

            var first = i;
            while (first > 0 && Language.EnglishLexicon.OfficeTitles.Contains(tokens[first - 1].Lower))
            {
                first--;
            }

            if (Owner(tokens, first, i, readings) is not { } owner
                || question.Terms.FirstOrDefault(t => t.Kind == TermKind.Name && Keys(t.Surface, readings).Contains(Key(owner, readings))) is not { } ownerTerm
                || carried?.Contains(ownerTerm) == true || carried?.Contains(office) == true)
            {
                continue;
            }

            RoleMismatch? other = null;
            var agreed = false;
            foreach (var sentence in selection.Sentences.OrderByDescending(s => s.Score))
            {
                var said = QuestionAnalyzer.Tokenize(sentence.Sentence.Text);
                for (var at = 0; at < said.Count && !agreed; at++)
                {
                    if (!string.Equals(said[at].Lower, tokens[i].Lower, StringComparison.Ordinal) || at + 1 < said.Count && Language.EnglishLexicon.OfficeTitles.Contains(said[at + 1].Lower))
                    {
                        continue;
                    }

                    var start = at;
                    while (start > 0 && Language.EnglishLexicon.OfficeTitles.Contains(said[start - 1].Lower))
                    {
                        start--;
                    }

                    if (Owner(said, start, at, readings) is not { } holder)
                    {
                        continue;
                    }

                    if (Keys(holder, readings).Any(k => SameName(k, Key(owner, readings))))
                    {
                        agreed = true;
                    }
                    else
                    {
                        other ??= new RoleMismatch(ownerTerm, holder, office, sentence);
                    }
                }
            }

            if (!agreed && other is not null)
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>Whose the office written from <paramref name="first"/> to <paramref name="last"/> is: the name right before it ("Corvia's", "Corvian") or after its "of" ("of Corvia"); null when neither.</summary>
    private static string? Owner(IReadOnlyList<QuestionAnalyzer.Token> tokens, int first, int last, ReadingIndex readings)
    {
        if (first > 0 && IsName(tokens[first - 1], readings) && !Joiners.Contains(tokens[first - 1].Value))
        {
            return tokens[first - 1].Value;
        }

        var k = last + 1;
        if (k < tokens.Count && tokens[k].Lower == "of")
        {
            k++;
            if (k < tokens.Count && tokens[k].Lower == "the")
            {
                k++;
            }

            if (k < tokens.Count && IsName(tokens[k], readings))
            {
                return tokens[k].Value;
            }
        }

        return null;
    }

    /// <summary>Whether the tokens give the head right after the name that qualifies it ("Marsh Company").</summary>
    private static bool NamesQualified(IReadOnlyList<QuestionAnalyzer.Token> said, QuestionTerm qualifier, QuestionTerm head, ReadingIndex readings)
    {
        for (var at = 1; at < said.Count; at++)
        {
            if (Stems(said[at].Value).Contains(head.Term) && Keys(said[at - 1].Value, readings).Contains(qualifier.Term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A named thing the question qualifies by names joined with hyphens ("the Lisbon-Porto Regatta") where every
    /// chosen sentence that names the thing qualifies it by other names ("the Faro-Porto Regatta"), leaving out one
    /// of the question's: the question takes for granted a thing the readings give to others. Only in a question
    /// that takes its event for granted, and only for a thing with a name (a capitalised word), not an ordinary
    /// noun ("Lisbon-Porto ties" may be said in other words). Null when a sentence agrees or none can tell.
    /// </summary>
    public static RoleMismatch? FindQualifier(QuestionAnalysis question, Selection selection, ReadingIndex readings)
    {
        if (!question.Presupposes)
        {
            return null;
        }

        var tokens = QuestionAnalyzer.Tokenize(question.Question);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var parts = tokens[i].Value.Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !parts.All(p => char.IsUpper(p[0])) || !IsName(tokens[i], readings))
            {
                continue;
            }

            // The thing qualified: the capitalised words right after, up to three ("Annual Summit").
            var head = new List<QuestionTerm>();
            for (var j = i + 1; j < tokens.Count && j <= i + 3 && char.IsUpper(tokens[j].Value[0]) && !tokens[j].Value.Contains('-', StringComparison.Ordinal); j++)
            {
                if (question.Terms.FirstOrDefault(t => t.Kind is TermKind.Name or TermKind.Content && string.Equals(t.Surface, tokens[j].Value, StringComparison.Ordinal)) is not { } term)
                {
                    break;
                }

                head.Add(term);
            }

            if (head.Count == 0)
            {
                continue;
            }

            var asked = parts.Select(p => Key(p, readings)).ToList();
            RoleMismatch? other = null;
            var agreed = false;
            foreach (var sentence in selection.Sentences.OrderByDescending(s => s.Score))
            {
                var said = QuestionAnalyzer.Tokenize(sentence.Sentence.Text);
                for (var at = 0; at + head.Count < said.Count && !agreed; at++)
                {
                    var given = said[at].Value.Split('-', StringSplitOptions.RemoveEmptyEntries);
                    if (given.Length < 2 || !given.All(p => char.IsUpper(p[0]))
                        || !head.Select((t, k) => Stems(said[at + 1 + k].Value).Contains(t.Term)).All(x => x))
                    {
                        continue;
                    }

                    var keys = given.Select(p => Key(p, readings)).ToList();
                    var missing = asked.Where(a => !keys.Any(k => SameName(a, k))).ToList();
                    if (missing.Count == 0)
                    {
                        agreed = true;
                    }
                    else if (keys.Any(k => !asked.Any(a => SameName(a, k)))
                        && !said.Any(t => IsName(t, readings) && missing.Any(m => Keys(t.Value, readings).Any(k => SameName(m, k)))))
                    {
                        var name = question.Terms.FirstOrDefault(t => t.Kind == TermKind.Name && SameName(Key(t.Surface, readings), missing[0])) ?? head[0];
                        other ??= new RoleMismatch(name, said[at].Value, head[0], sentence);
                    }
                }
            }

            if (!agreed && other is not null)
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>
    /// A person the question gives an office ("President Ada Lind", "General Lind") where every chosen sentence that
    /// names the person with an office gives another ("Prime Minister Ada Lind"): the question takes for granted an
    /// office the readings do not give. A shorter form of the same office agrees ("Minister" for "Prime Minister"),
    /// and so does a sentence that names the person without an office or with a title of another kind (a military
    /// rank beside an office: "General" and "President" may both be true). Null when a sentence agrees or none can tell.
    /// </summary>
    public static RoleMismatch? FindOffice(QuestionAnalysis question, Selection selection)
    {
        var tokens = QuestionAnalyzer.Tokenize(question.Question);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!Language.EnglishLexicon.OfficeTitles.Contains(tokens[i].Lower) || !char.IsUpper(tokens[i].Value[0])
                || Language.EnglishLexicon.OfficeTitles.Contains(tokens[i + 1].Lower))
            {
                continue; // the last word of the office, written as a title: "Prime [Minister]"
            }

            // The person: the capitalised words after the office that the question has as names ("Ada Lind").
            var person = new List<QuestionTerm>();
            for (var j = i + 1; j < tokens.Count && char.IsUpper(tokens[j].Value[0]); j++)
            {
                if (question.Terms.FirstOrDefault(t => t.Kind == TermKind.Name && string.Equals(t.Surface, tokens[j].Value, StringComparison.Ordinal)) is not { } term)
                {
                    break;
                }

                person.Add(term);
            }

            if (person.Count == 0 || question.Terms.FirstOrDefault(t => string.Equals(t.Surface, tokens[i].Value, StringComparison.Ordinal)) is not { } office)
            {
                continue;
            }

            var surname = person[^1];
            RoleMismatch? other = null;
            var agreed = false;
            foreach (var sentence in selection.Sentences.OrderByDescending(s => s.Score))
            {
                var said = QuestionAnalyzer.Tokenize(sentence.Sentence.Text);
                for (var at = 0; at < said.Count && !agreed; at++)
                {
                    if (!string.Equals(said[at].Value, surname.Surface, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    // The office written before the person's name: the title words right before its first name.
                    var start = at;
                    while (start > 0 && char.IsUpper(said[start - 1].Value[0]) && !Language.EnglishLexicon.OfficeTitles.Contains(said[start - 1].Lower) && at - start < 3)
                    {
                        start--;
                    }

                    var titles = new List<string>();
                    for (var k = start - 1; k >= 0 && Language.EnglishLexicon.OfficeTitles.Contains(said[k].Lower); k--)
                    {
                        titles.Add(said[k].Lower);
                    }

                    // A military rank and an office are held together ("General" and "President"): only titles of
                    // one kind say otherwise.
                    titles = titles.Where(t => IsRank(t) == IsRank(tokens[i].Lower)).ToList();
                    if (titles.Count == 0 || titles.Select(Office).Contains(Office(tokens[i].Lower)))
                    {
                        agreed = true; // named without an office, or with the question's
                        break;
                    }

                    titles.Reverse();
                    other ??= new RoleMismatch(office, string.Join(' ', titles.Select(t => char.ToUpperInvariant(t[0]) + t[1..])), surname, sentence);
                }
            }

            if (!agreed && other is not null)
            {
                return other;
            }
        }

        return null;
    }

    private static bool IsRank(string title) => title is "general" or "gen" or "admiral" or "colonel";

    /// <summary>An office as one word, however it is written: "Gen." is "general", "PM" is "minister".</summary>
    private static string Office(string title) => title switch
    {
        "gen" => "general",
        "pm" or "prime" => "minister",
        _ => title,
    };

    /// <summary>Whether two name keys are one name, in full or shortened ("Port" and "Portugal", "Ibero" and "Iberia").</summary>
    private static bool SameName(string a, string b) =>
        a == b || a.Length >= 3 && b.Length >= 3 && string.CompareOrdinal(a, 0, b, 0, 3) == 0;

    /// <summary>
    /// The names beside the main verb of a question that asks about what it takes for granted ("Why did …", "When
    /// has …", "How did …"): its subject ("Why did Lisbon
    /// host …") and the name right after the verb ("… visit Lisbon", "… help the northern league"). Only there is it
    /// clear which word is the verb and which names are its parts.
    /// </summary>
    private static IEnumerable<(QuestionTerm Word, QuestionTerm Name, bool After)> Slots(QuestionAnalysis question, IReadOnlyList<QuestionAnalyzer.Token> tokens)
    {
        QuestionTerm? TermAt(int i, params TermKind[] kinds) => i < 0 || i >= tokens.Count ? null
            : question.Terms.FirstOrDefault(t => kinds.Contains(t.Kind) && string.Equals(t.Surface, tokens[i].Value, StringComparison.Ordinal));

        var aux = -1;
        for (var i = 0; i < Math.Min(4, tokens.Count); i++) // "Why did", "For what reason did"
        {
            if (tokens[i].Lower is "did" or "does" or "do" or "has" or "have" or "had" or "will" or "would")
            {
                aux = i;
                break;
            }
        }

        if (aux < 1)
        {
            yield break; // no auxiliary, or a yes/no question ("Did Lisbon host …?"): it asks, it does not take for granted
        }

        // The subject: the names right after the auxiliary ("Rui Sol"; "the Lisbon-Porto summit" is no name).
        var verb = aux + 1;
        while (verb < tokens.Count && (Determiners.Contains(tokens[verb].Value) || Language.EnglishLexicon.OfficeTitles.Contains(tokens[verb].Lower)))
        {
            verb++; // "the", "President": the name follows
        }

        var subjectStart = verb;
        while (TermAt(verb, TermKind.Name) is not null)
        {
            verb++;
        }

        if (verb == subjectStart || TermAt(verb, TermKind.Content, TermKind.Light) is not { } word)
        {
            yield break;
        }

        yield return (word, TermAt(verb - 1, TermKind.Name)!, false);

        var j = verb + 1;
        while (j < tokens.Count && j <= verb + 2 && (Determiners.Contains(tokens[j].Value) || Prepositions.Contains(tokens[j].Value)))
        {
            j++;
        }

        if (TermAt(j, TermKind.Name) is { } after)
        {
            yield return (word, after, true);
        }
    }

    private static SupportKind Supported(SentenceEvidence sentence, QuestionTerm term) =>
        sentence.Support.FirstOrDefault(s => ReferenceEquals(s.Term, term)) is { Value: >= 0.5 } support ? support.Kind : SupportKind.None;

    /// <summary>The names of the first phrase with a name within a few words after a word, up to a comma or the next preposition: "visit Portland", "chose to visit Portland on 3rd May"; nothing after "by" (who did it).</summary>
    private static List<QuestionAnalyzer.Token> GroupAfter(IReadOnlyList<QuestionAnalyzer.Token> said, string text, int at, ReadingIndex readings)
    {
        if (at + 1 < said.Count && said[at + 1].Lower == "by")
        {
            return []; // "hosted by Portland": who did it, not to whom
        }

        for (var j = at + 1; j < said.Count && j <= at + Window; j++)
        {
            if (Breaks(text, said[j - 1], said[j]))
            {
                break;
            }

            if (IsName(said[j], readings))
            {
                // The whole phrase the name opens: "the Lisbon backed Atlantic Fishing Organization (AFO)".
                var last = j;
                while (last + 1 < said.Count && !Breaks(text, said[last], said[last + 1])
                    && !(Prepositions.Contains(said[last + 1].Value) && said[last + 1].Lower != "of") && !Contrasts.Contains(said[last + 1].Lower)
                    && !(said[last + 1].Lower == "and" && last + 2 < said.Count && char.IsLower(said[last + 2].Value[0])))
                {
                    last++;
                }

                return said.Skip(j).Take(last - j + 1).Where(t => IsName(t, readings)).ToList();
            }
        }

        return [];
    }

    /// <summary>The names right before a word, or after its "by": "Portland hosted", "Lisbon and Portland signed", "hosted by Portland".</summary>
    private static List<QuestionAnalyzer.Token> GroupBefore(IReadOnlyList<QuestionAnalyzer.Token> said, string text, int at, ReadingIndex readings)
    {
        if (at + 1 < said.Count && said[at + 1].Lower == "by" && !Breaks(text, said[at], said[at + 1]))
        {
            // "hosted by (the) Portland (council)": who did it stands after "by".
            var agent = at + 2;
            while (agent < said.Count && Determiners.Contains(said[agent].Value))
            {
                agent++;
            }

            return agent < said.Count && IsName(said[agent], readings) ? Group(said, text, agent, readings) : [];
        }

        if (at >= 1 && Passive.Contains(said[at - 1].Lower) || at >= 2 && Passive.Contains(said[at - 2].Lower))
        {
            return []; // "Corvia was sanctioned": the name before a passive verb is what it was done to
        }

        for (var j = at - 1; j >= 0 && j >= at - Window; j--)
        {
            if (Breaks(text, said[j], said[j + 1]))
            {
                break;
            }

            if (IsName(said[j], readings))
            {
                return Group(said, text, j, readings);
            }
        }

        return [];
    }

    /// <summary>The names joined to the one at a position, both ways: "Lisbon and Portland", "Lisbon-Porto-Faro", "Atlantic Fishing Organization (AFO)".</summary>
    private static List<QuestionAnalyzer.Token> Group(IReadOnlyList<QuestionAnalyzer.Token> said, string text, int at, ReadingIndex readings)
    {
        var first = at;
        while (first - 1 >= 0 && Joins(said, text, first - 1, first, readings))
        {
            first--;
        }

        var last = at;
        while (last + 1 < said.Count && Joins(said, text, last, last + 1, readings))
        {
            last++;
        }

        return said.Skip(first).Take(last - first + 1).Where(t => IsName(t, readings)).ToList();
    }

    private static bool Joins(IReadOnlyList<QuestionAnalyzer.Token> said, string text, int left, int right, ReadingIndex readings)
    {
        var between = text[(said[left].Index + said[left].Value.Length)..said[right].Index];
        if (between.Trim() is not ("" or "(" or ")" or ")(" or "/" or "&" or "'s" or "’s" or "'" or "’"))
        {
            return false;
        }

        return IsName(said[left], readings) && IsName(said[right], readings)
            || Joiners.Contains(said[left].Value) && IsName(said[right], readings)
            || IsName(said[left], readings) && Joiners.Contains(said[right].Value);
    }

    /// <summary>Whether a comma, semicolon or other stop stands between two words.</summary>
    internal static bool Breaks(string text, QuestionAnalyzer.Token left, QuestionAnalyzer.Token right) =>
        text[(left.Index + left.Value.Length)..right.Index].Any(c => c is ',' or ';' or ':' or '.' or '!' or '?' or '—' or '–');

    internal static bool IsName(QuestionAnalyzer.Token token, ReadingIndex readings) =>
        char.IsUpper(token.Value[0]) && (!token.StartsSentence || readings.CapitalisesMidSentence(token.Lower)) && !Joiners.Contains(token.Value);

    /// <summary>What a name stands for: its alias's target ("Oporto" → "Porto") and the name itself, as stems; a word made from a name is the name ("Portuguese" and "Portugal").</summary>
    internal static HashSet<string> Keys(string value, ReadingIndex readings)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in value.Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            keys.Add(Key(part, readings));
            keys.UnionWith(Stems(part));
        }

        return keys;
    }

    internal static string Key(string value, ReadingIndex readings)
    {
        var target = readings.Aliases.TryGetValue(value, out var alias) ? alias : value;
        return Stems(target).FirstOrDefault() ?? target.ToLowerInvariant();
    }

    /// <summary>Whether the keys hold the name: itself, or a word made from it ("Portuguese" and "Portugal", "Afghan" and "Afghanistan").</summary>
    internal static bool Holds(HashSet<string> keys, string key) =>
        keys.Any(k => k == key || Math.Min(k.Length, key.Length) >= 5 && (k.StartsWith(key, StringComparison.Ordinal) || key.StartsWith(k, StringComparison.Ordinal)));

    private static IReadOnlyCollection<string> Stems(string word) => Bm25Encoder.AnalyzeWord(word);
}
