using PaperBot.Storage;
using System.Text.RegularExpressions;
using PaperBot.Answering.Decision;
using PaperBot.Answering.Language;
using PaperBot.Answering.Readings;
using PaperBot.Knowledge.Lexical;

namespace PaperBot.Answering.Conversations;

/// <summary>How a follow-up was read: the question the paper is searched with, and the words shown to the reader.</summary>
public sealed record FollowUpReading(string ResolvedQuestion, string Interpretation);

/// <summary>
/// Reads a follow-up in the light of the previous turn. A question is a follow-up when it leans on that turn: a
/// pronoun standing for its subject (it, that, they, those …), an opening "And …" / "What about …", or so few words
/// of its own that the paper could not be searched with them. The subject of the previous turn is the noun phrase of
/// its question that carries the rarest words of the paper (<c>the North-South gas pipeline deal</c>, <c>the JMCC</c>).
/// </summary>
public static partial class FollowUps
{
    private static readonly HashSet<string> Anaphors = new(StringComparer.OrdinalIgnoreCase) { "it", "its", "they", "them", "their", "those", "these", "that", "this", "he", "she", "him", "his", "her" };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an" };

    private static readonly HashSet<string> Breaks = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "be", "been", "did", "does", "do", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might",
        "what", "who", "whom", "whose", "when", "where", "why", "how", "which", "in", "on", "at", "to", "for", "with", "by", "from", "about", "into",
        "against", "between", "during", "after", "before", "since", "over", "under", "through", "towards", "as", "or", "and", "of", "it", "its",
        "they", "them", "their", "this", "that", "these", "those", "he", "she", "his", "her", "not", "so", "but", "than", "then", "also",
        "what's", "what’s", "who's", "who’s", "where's", "where’s", "when's", "when’s", "how's", "how’s",
    };

    /// <summary>Verbs after which "that" opens a clause ("said that …") rather than pointing back.</summary>
    private static readonly HashSet<string> ClauseVerbs = new(StringComparer.OrdinalIgnoreCase) { "say", "said", "says", "state", "stated", "argue", "argued", "claim", "claimed", "mean", "means", "show", "shows", "suggest", "think", "believe", "note", "noted", "so", "such" };

    /// <summary>The reading of <paramref name="question"/> as a follow-up of <paramref name="previous"/>, or null when it stands on its own.</summary>
    public static FollowUpReading? Read(string question, ConversationTurn previous, ReadingIndex vocabulary)
    {
        var words = Words(question);
        if (words.Count == 0 || string.IsNullOrWhiteSpace(previous.Subject))
        {
            return null;
        }

        // "and the other company?" after a question about the Lambeth Company: the readings' other company.
        string? otherNote = null;
        if (TheOther().Match(question) is { Success: true } theOther && OtherOfKind(theOther.Groups["head"].Value, previous, vocabulary) is { } named)
        {
            otherNote = $"Taking ‘{theOther.Value}’ as the {named}";
            var rest = question[(theOther.Index + theOther.Length)..];
            question = question[..theOther.Index] + "the " + named + (Words(rest).Count > 1 ? Pronoun().Replace(rest, "the " + named) : rest);
            if (Words(rest).Count > 1)
            {
                return new FollowUpReading(question, otherNote);
            }
        }

        // "What about Portland?" after "When did Lisbon join the league?": the same question of another.
        if (Instead(question, previous.Question, vocabulary) is { } instead)
        {
            return new FollowUpReading(instead, otherNote ?? $"Taking this as “{instead}”");
        }

        var subject = WithoutOtherOrdinal(previous.Subject, question);
        var anaphor = FindAnaphor(words);
        if (anaphor is { } found)
        {
            var (index, length) = (found.Index, found.Length);
            var word = question.Substring(index, length);
            subject = Agreeing(word, previous, vocabulary) ?? subject;
            subject = NotNamedIn(question, subject, word, previous, vocabulary) ?? subject;
            string? note = null; // how the reply tells the reading, when it is not "Taking ‘it’ as <subject>"
            if (SameYear().IsMatch(word) && Year().Match(previous.Question) is { Success: true } year)
            {
                // "what happened to him that same year?" after a question about 1875: the year itself.
                subject = year.Value;
                note = $"Taking ‘{word}’ as {year.Value}";
            }
            else if (word.ToLowerInvariant() is "it" or "its" or "this" && WholeReadingQuestion.Recognise(previous.Question).Aspect != ReadingAspect.None)
            {
                subject = "the paper"; // "What's the main aim of the paper?" → "and what does it conclude?"
            }
            else if (word.ToLowerInvariant() is "that" or "this" && question[(index + length)..].Trim().TrimEnd('?', '.', '!').Length == 0
                && MatterOf(previous.Question) is { Length: > 0 } matter)
            {
                // "how did they react to that?", "what happened after this?": the event the last question asked
                // about, not one of its names.
                subject = matter;
                note = $"Taking ‘{word}’ as what “{previous.Question.Trim()}” asked about";
            }
            else if (word.ToLowerInvariant() is "he" or "she" or "him" && WhoWasAsked(previous.Question) is { } one
                && NumberOf(subject, vocabulary) != Number.Person)
            {
                // "Who proposed the light rail?" → "and when did he do that?": he is whoever the last answer named.
                subject = one;
            }

            var replacement = word.Equals("its", StringComparison.OrdinalIgnoreCase) || word.Equals("their", StringComparison.OrdinalIgnoreCase) || word.Equals("his", StringComparison.OrdinalIgnoreCase)
                ? subject + "’s"
                : subject;
            var resolved = question[..index] + replacement + question[(index + length)..];
            return new FollowUpReading(resolved, note ?? $"Taking ‘{word}’ as {subject}");
        }

        var opensWithAnd = AndOpening().IsMatch(question);
        var own = QuestionAnalyzer.Analyze(question, vocabulary).Terms;
        var ownTerms = own.Count(t => t.InReadings && t.Kind != TermKind.Light);
        var leansOnPrevious = words.Count <= 6 && (ownTerms <= 1 || SubjectOf(question, vocabulary) is null);
        if (opensWithAnd || leansOnPrevious)
        {
            // "when?", "how many people died?": without a name or number of its own, it asks the last question's
            // whole matter again, for another kind of fact, not just its subject. With one ("and which president
            // visited in 2003?") it puts that in place of the last one's, so only the subject goes on.
            if (!own.Any(t => t.Kind is TermKind.Name or TermKind.Number) && MatterOf(previous.Question) is { Length: > 0 } matter)
            {
                return new FollowUpReading($"{question.Trim().TrimEnd('?', '.', '!')} ({matter})?", $"Taking this as a follow-up about {matter}");
            }

            var resolved = $"{question.Trim().TrimEnd('?', '.', '!')} ({subject})?";
            return new FollowUpReading(resolved, $"Taking this as a follow-up about {subject}");
        }

        return null;
    }

    /// <summary>
    /// The other thing of a kind the last question named ("the other company" after "the Lambeth Company"): the one
    /// name with the same last word ("… Company") that the readings give in the sections the last answer cited (or
    /// anywhere, when it cited none) besides the last question's; when several, the one given most often. Null when
    /// the last question named none of the kind or the readings give no other.
    /// </summary>
    public static string? OtherOfKind(string head, ConversationTurn previous, ReadingIndex vocabulary)
    {
        var pattern = new Regex(@"\b(?<name>(?:\p{Lu}[\p{L}'’-]*\s+(?:(?:and|&|of)\s+)?)+)" + "(?i:" + Regex.Escape(head) + @")\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        string? Qualifier(Match m) => m.Groups["name"].Value.Trim() is { Length: > 0 } q && q.Split(' ')[0] is var first && char.IsUpper(first[0]) && !EnglishLexicon.IsFrame(first.ToLowerInvariant()) ? q : null;
        var asked = pattern.Matches(previous.Question).Select(Qualifier).OfType<string>().ToList();
        if (asked.Count == 0)
        {
            return null;
        }

        var sections = previous.SectionIds.ToHashSet(StringComparer.Ordinal);
        var capitalHead = char.ToUpperInvariant(head[0]) + head[1..].ToLowerInvariant();
        var others = vocabulary.Knowledge.AllSentences()
            .Where(s => sections.Count == 0 || sections.Contains(s.Section.Id))
            .SelectMany(s => pattern.Matches(s.Text).Where(m => m.Value.EndsWith(capitalHead, StringComparison.Ordinal)).Select(Qualifier).OfType<string>())
            .Where(q => !asked.Any(a => a.Contains(q, StringComparison.OrdinalIgnoreCase) || q.Contains(a, StringComparison.OrdinalIgnoreCase)))
            .GroupBy(q => q, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ToList();
        return others.Count == 0 || others.Count > 1 && others[0].Count() == others[1].Count() ? null : $"{others[0].Key} {capitalHead}";
    }

    [GeneratedRegex(@"\bthe other (?<head>(?!one\b|ones\b|hand\b|way\b|side\b|day\b|time\b)\p{L}{3,})\b", RegexOptions.IgnoreCase)]
    private static partial Regex TheOther();

    [GeneratedRegex(@"\b(it|its|they|their|them)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    /// <summary>
    /// The last question asked of something else: "what about Portland?" (or "how about …", "and …?") after "When
    /// did Lisbon join the league?" is "When did Portland join the league?". Only a name or a year takes another's
    /// place: a year replaces the last question's year; a name replaces its name nearest in meaning (a city for a
    /// city), or, when the readings do not know the new one, a name written the same way (an acronym for an
    /// acronym). Null when the follow-up is not of that form or the last question has nothing of the kind.
    /// </summary>
    public static string? Instead(string question, string previous, ReadingIndex vocabulary)
    {
        var match = AboutAnother().Match(question);
        if (!match.Success)
        {
            return null;
        }

        var other = match.Groups["other"].Value.Trim();
        var otherWords = Words(other);
        if (otherWords.Count is 0 or > 5)
        {
            return null;
        }

        // "and by 1901?", "what about in 2005?": the year, which takes the last one's place after its own preposition.
        if (otherWords.Count == 2 && otherWords[0].Value.ToLowerInvariant() is "by" or "in" or "for" or "at" or "during" or "around" or "until" or "since"
            && otherWords[1].Value.Length == 4 && otherWords[1].Value.All(char.IsDigit))
        {
            other = otherWords[1].Value;
            otherWords = Words(other);
        }

        var head = otherWords[^1].Value;
        var year = head.Length == 4 && head.All(char.IsDigit) && otherWords.Count == 1;
        bool NameWord(string w) => char.IsUpper(w[0]) || vocabulary.CapitalisesMidSentence(w.ToLowerInvariant());
        var name = head.Length >= 2 && otherWords.Select((w, k) => (w.Value, k)).All(p =>
            NameWord(p.Value) || p.k == 0 && Determiners.Contains(p.Value) || p.k > 0 && p.Value is "of" or "and" or "&");
        if (!year && !name)
        {
            return null; // "and the third one?", "what about relations with them?" go on about the same thing
        }

        var all = Words(previous);
        var candidates = all
            .Where(w => w.Index > 0 && !Breaks.Contains(w.Value))
            .Where(w => year ? w.Value.Length == 4 && w.Value.All(char.IsDigit) : char.IsUpper(w.Value[0]) && !w.Value.Any(char.IsDigit))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var replaced = candidates[0];
        if (!year && vocabulary.Knowledge.Words.VectorOf(head.ToLowerInvariant()) is { } wanted)
        {
            replaced = candidates.MaxBy(c => vocabulary.Knowledge.Words.VectorOf(c.Value.ToLowerInvariant()) is { } v
                ? System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(wanted, v)
                : -1)!;
        }
        else if (!year)
        {
            var acronym = head.Length > 1 && head.All(char.IsUpper);
            replaced = candidates.FirstOrDefault(c => c.Value.All(char.IsUpper) == acronym) ?? replaced;
        }

        // A name of several words is replaced whole ("Ana Pell", "the Board of Works"), the office before it kept ("Governor").
        var at = all.FindIndex(w => w.Index == replaced.Index);
        var (from, to) = (at, at);
        bool InName(int k) => k >= 0 && k < all.Count && all[k].Index > 0 && char.IsUpper(all[k].Value[0]) && !Breaks.Contains(all[k].Value);
        while (!year && InName(from - 1) && !Language.EnglishLexicon.OfficeTitles.Contains(all[from - 1].Value.ToLowerInvariant()))
        {
            from--;
        }

        while (!year && (InName(to + 1) || to + 2 < all.Count && all[to + 1].Value is "of" && InName(to + 2)))
        {
            to += InName(to + 1) ? 1 : 2;
        }

        // "the Harbour and Canal Company" is one name when the new one is a company too ("and the Marsh Company?").
        if (!year && otherWords.Count >= 2 && to + 2 < all.Count && all[to + 1].Value is "and" or "&" && InName(to + 2))
        {
            var end2 = to + 2;
            while (InName(end2 + 1))
            {
                end2++;
            }

            if (end2 > to + 2 && Head(all[end2].Value) == Head(head))
            {
                to = end2;
            }
        }

        if (!year && otherWords.Count >= 2 && Head(all[to].Value) == Head(head))
        {
            while (from - 2 >= 0 && all[from - 1].Value is "and" or "&" && InName(from - 2))
            {
                from -= 2;
                while (InName(from - 1) && !Language.EnglishLexicon.OfficeTitles.Contains(all[from - 1].Value.ToLowerInvariant()))
                {
                    from--;
                }
            }
        }

        var start = all[from].Index;
        var end = all[to].Index + all[to].Length;
        var before = previous[..start];
        if (otherWords.Count > 1 && Determiners.Contains(otherWords[0].Value) && before.TrimEnd().EndsWith(" the", StringComparison.OrdinalIgnoreCase))
        {
            other = other[otherWords[1].Index..]; // "the" is there already
        }

        return before + other + previous[end..];
    }

    /// <summary>The stem a name ends in, possessive or not ("Company's", "Company").</summary>
    private static string Head(string word) => Bm25Encoder.AnalyzeWord(word.TrimEnd('\'', '’', 's')).FirstOrDefault() ?? word.ToLowerInvariant();

    /// <summary>
    /// What a question is about, without the words that ask: "Which exercise did Corvia join in 2019?" → "exercise
    /// Corvia join in 2019".
    /// </summary>
    public static string MatterOf(string question)
    {
        var words = QuestionAnalyzer.Tokenize(question.Trim().TrimEnd('?', '.', '!'))
            .SkipWhile(t => MatterOpeners.Contains(t.Lower))
            .Select(t => t.Value);
        return string.Join(' ', words);
    }

    private static readonly HashSet<string> MatterOpeners = new(StringComparer.Ordinal)
    {
        "and", "so", "ok", "okay", "but", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "much", "many", "long",
        "did", "does", "do", "is", "was", "are", "were", "has", "have", "had", "can", "could", "will", "would", "the", "a", "an", "in", "for",
    };

    /// <summary>
    /// The person a question asked for, as the one it describes: "Who proposed the light rail?" → "the one who
    /// proposed the light rail", "Which Lisbon engineer designed the bridge?" → "the Lisbon engineer who designed the
    /// bridge". Null when the question did not ask who did something.
    /// </summary>
    public static string? WhoWasAsked(string question)
    {
        if (AskedWho().Match(question) is { Success: true } who)
        {
            return "the one who " + who.Groups["rest"].Value.Trim().TrimEnd('?', '.', '!');
        }

        if (AskedWhich().Match(question) is not { Success: true } which)
        {
            return null;
        }

        // The person noun is one of the first four words: "Which [Pakistani prime] minister …".
        var words = which.Groups["words"].Value.Trim().TrimEnd('?', '.', '!').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < Math.Min(4, words.Length - 1) && !Auxiliaries.Contains(words[i].ToLowerInvariant()) && !Determiners.Contains(words[i]); i++)
        {
            if (EnglishLexicon.PersonNouns.Contains(words[i].ToLowerInvariant()) && !Auxiliaries.Contains(words[i + 1].ToLowerInvariant()))
            {
                return $"the {string.Join(' ', words[..(i + 1)])} who {string.Join(' ', words[(i + 1)..])}";
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*who\s+(?<rest>(?!(is|was|are|were)\b)\w.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AskedWho();

    [GeneratedRegex(@"^\s*(which|what)\s+(?<words>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AskedWhich();

    /// <summary>Words after which a person noun is the object of the question, not the one who did it ("Which leader did …").</summary>
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal) { "is", "was", "are", "were", "did", "does", "do", "has", "had", "have", "will", "would", "can", "could", "of", "in", "from", "'s", "’s" };

    [GeneratedRegex(@"^\s*((and|but|so|ok|okay)[,\s]+)?((what|how)\s+about|what\s+of|and)\s+(?<other>[^?.!]{1,60}?)\s*[?.!]*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AboutAnother();

    /// <summary>
    /// The last subject without its ordinal when the follow-up picks another of the series: after "the first ever
    /// joint exercise", "and when was the third one held?" asks about the third joint exercise, not a first and third.
    /// </summary>
    public static string WithoutOtherOrdinal(string subject, string question)
    {
        var asked = Language.FactRecognisers.OrdinalsOf(question).ToHashSet();
        if (asked.Count == 0 || !Language.FactRecognisers.OrdinalsOf(subject).Any(p => !asked.Contains(p)))
        {
            return subject;
        }

        return OrdinalInSubject().Replace(subject, m => Language.FactRecognisers.OrdinalsOf(m.Value).All(asked.Contains) ? m.Value : string.Empty).Trim();
    }

    [GeneratedRegex(@"(?<![-\w])(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(st|nd|rd|th))([\s-]+ever)?\s+")]
    private static partial Regex OrdinalInSubject();

    /// <summary>The subject of a question: its noun phrase with the most weight of the paper's rarer words, or null.</summary>
    public static string? SubjectOf(string question, ReadingIndex vocabulary)
    {
        var phrases = Phrases(question, vocabulary);
        return phrases.Count == 0 ? null : phrases.Last(p => p.Score >= phrases.Max(q => q.Score)).Phrase;
    }

    /// <summary>
    /// The noun phrases of a question that name something in the readings, with their weight (the rarer the words,
    /// the more), in the order written. A month or a year alone is when something happened, not what it is about.
    /// </summary>
    private static List<(string Phrase, double Score)> Phrases(string question, ReadingIndex vocabulary)
    {
        var phrases = new List<(string Phrase, double Score)>();
        foreach (var run in Runs(Words(question)))
        {
            if (run.All(w => Months.Contains(w.Value) || w.Value.All(char.IsDigit) || Determiners.Contains(w.Value)))
            {
                continue;
            }

            var phrase = string.Join(' ', run.Select(w => w.Value));
            var terms = Bm25Encoder.Analyze(phrase).Distinct().Where(vocabulary.HasTerm).ToList();
            if (terms.Count > 0)
            {
                phrases.Add((phrase, terms.Sum(vocabulary.Idf) + (run[0].Value.Equals("the", StringComparison.OrdinalIgnoreCase) ? 0.5 : 0)));
            }
        }

        return phrases;
    }

    /// <summary>
    /// The weightiest phrase of the last question that agrees with the pronoun standing for it, when the last
    /// subject does not: "they" stands for something plural ("the joint drills", not "Corvia"), "he" and "she"
    /// for a person the readings name, "it" for one thing that is no person. Null when the last subject agrees or
    /// nothing does.
    /// </summary>
    private static string? Agreeing(string pronoun, ConversationTurn previous, ReadingIndex vocabulary)
    {
        if (Wanted(pronoun) is not { } number || NumberOf(previous.Subject, vocabulary) == number)
        {
            return null;
        }

        var agreeing = Phrases(previous.Question, vocabulary).Where(p => NumberOf(p.Phrase, vocabulary) == number).ToList();
        return agreeing.Count == 0 ? null : agreeing.MaxBy(p => p.Score).Phrase;
    }

    /// <summary>
    /// A pronoun does not stand for what its own question names: in "how did Russia respond to it?" after "When did
    /// Russia sign the pipeline deal?", "it" is the deal. When the follow-up names the chosen phrase itself (most of its
    /// words' weight, or another name the sidecar gives them), the weightiest other phrase of the last question that agrees with the
    /// pronoun; null when the chosen one is not named or no other agrees.
    /// </summary>
    private static string? NotNamedIn(string question, string subject, string pronoun, ConversationTurn previous, ReadingIndex vocabulary)
    {
        var own = Bm25Encoder.Analyze(question).ToHashSet(StringComparer.Ordinal);
        foreach (var (alias, target) in vocabulary.Aliases)
        {
            if (question.Contains(alias, StringComparison.OrdinalIgnoreCase))
            {
                own.UnionWith(Bm25Encoder.Analyze(target));
            }
        }

        // Named: the follow-up has most of the phrase's weight ("Ana Pell" names "Governor Ana Pell").
        bool Named(string phrase) => Bm25Encoder.Analyze(phrase).Where(vocabulary.HasTerm).Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } terms
            && terms.Where(own.Contains).Sum(vocabulary.Idf) >= 0.5 * terms.Sum(vocabulary.Idf);
        if (!Named(subject))
        {
            return null;
        }

        var wants = Wanted(pronoun);
        var others = Phrases(previous.Question, vocabulary).Where(p => !Named(p.Phrase) && (wants is null || NumberOf(p.Phrase, vocabulary) == wants)).ToList();
        return others.Count == 0 ? null : others.MaxBy(p => p.Score).Phrase;
    }

    /// <summary>What a pronoun stands for: several things, a person, one thing; null for "that", "this" and the like.</summary>
    private static Number? Wanted(string pronoun) => pronoun.ToLowerInvariant() switch
    {
        "they" or "them" or "their" or "those" or "these" => Number.Plural,
        "he" or "him" or "his" or "she" or "her" => Number.Person,
        "it" or "its" => Number.Singular,
        _ => null,
    };

    private enum Number { Singular, Plural, Person }

    /// <summary>Whether a phrase names a person the readings name, several things ("drills", "Lisbon and Portland"), or one thing.</summary>
    private static Number NumberOf(string phrase, ReadingIndex vocabulary)
    {
        var words = QuestionAnalyzer.Tokenize(phrase).Select(t => t.Value).ToList(); // "Khan's" is "Khan"
        if (words.Any(vocabulary.PersonNames.Contains))
        {
            return Number.Person;
        }

        // The head of "the drills in 2020" or "the Ministry of Defence" comes before its "in" or "of".
        var head = words.TakeWhile(w => w is not ("in" or "of")).ToList();
        var last = head.Count == 0 ? string.Empty : head[^1];
        var named = words.SkipWhile(Determiners.Contains).FirstOrDefault() ?? string.Empty;
        var plural = words.Any(w => w is "and") && named.Length > 0 && char.IsUpper(named[0])
            || last.Length > 3 && char.IsLower(last[0]) && last.EndsWith('s') && !last.EndsWith("ss", StringComparison.Ordinal) && !last.EndsWith("us", StringComparison.Ordinal) && !last.EndsWith("is", StringComparison.Ordinal);
        return plural ? Number.Plural : Number.Singular;
    }

    private static readonly HashSet<string> Months = new(PaperBot.Answering.Language.FactRecognisers.MonthNames.Split('|'), StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that own what follows ("its joint drills"): the phrase after one names a thing, without it.</summary>
    private static readonly HashSet<string> Possessives = new(StringComparer.OrdinalIgnoreCase) { "its", "their", "his", "her", "our" };

    private static (int Index, int Length)? FindAnaphor(List<Match> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].Value;
            if (!Anaphors.Contains(word))
            {
                continue;
            }

            var demonstrative = word.ToLowerInvariant() is "that" or "this" or "those" or "these";
            if (demonstrative && i > 0 && ClauseVerbs.Contains(words[i - 1].Value))
            {
                continue;
            }

            if (demonstrative && i + 1 < words.Count && !Breaks.Contains(words[i + 1].Value) && !Determiners.Contains(words[i + 1].Value)
                && !LooksLikeVerb(words[i + 1].Value))
            {
                // "that deal", "this project", "that same year": the determiner and its noun together stand for the
                // subject ("was that supposed to …": a verb after it, "that" alone does).
                var noun = words[i + 1].Value.ToLowerInvariant() is "same" or "very" && i + 2 < words.Count ? words[i + 2] : words[i + 1];
                if (char.IsUpper(noun.Value[0]))
                {
                    continue;
                }

                return (words[i].Index, noun.Index + noun.Length - words[i].Index);
            }

            return (words[i].Index, words[i].Length);
        }

        return null;
    }

    private static IEnumerable<List<Match>> Runs(List<Match> words)
    {
        var run = new List<Match>();
        var open = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].Value;
            var capital = char.IsUpper(word[0]);
            var possessive = word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal);
            var next = i + 1 < words.Count ? words[i + 1].Value : string.Empty;
            var joinsCapitals = run.Count > 0 && word is "of" or "and" && next.Length > 0 && char.IsUpper(next[0]);
            var joinsYear = run.Count > 0 && open && word is "in" or "of" && next.Length == 4 && next.All(char.IsDigit); // "the drills in 2020"
            if (joinsYear)
            {
                run.Add(words[i]);
                run.Add(words[++i]);
                continue;
            }

            if (joinsCapitals)
            {
                run.Add(words[i]);
                continue;
            }

            if (Possessives.Contains(word) && !(run.Count > 0 && open))
            {
                if (run.Count > 0 && run.Any(w => !Determiners.Contains(w.Value)))
                {
                    yield return run;
                }

                run = [];
                open = true;
                continue;
            }

            if (Determiners.Contains(word) && !(run.Count > 0 && open))
            {
                if (run.Count > 0)
                {
                    yield return run;
                }

                run = [words[i]];
                open = true;
                continue;
            }

            if (Breaks.Contains(word) || LooksLikeVerb(word))
            {
                if (run.Count > 0 && run.Any(w => !Determiners.Contains(w.Value)))
                {
                    yield return run;
                }

                run = [];
                open = false;
                continue;
            }

            if (capital || open)
            {
                run.Add(words[i]);
                open = open || possessive;
                continue;
            }

            if (run.Count > 0)
            {
                yield return run;
            }

            run = [];
            open = false;
        }

        if (run.Count > 0 && run.Any(w => !Determiners.Contains(w.Value)))
        {
            yield return run;
        }
    }

    /// <summary>A lowercase past form ("directed", "held") ends a noun phrase: "the Cess directed …".</summary>
    private static bool LooksLikeVerb(string word) =>
        char.IsLower(word[0]) && (word.EndsWith("ed", StringComparison.Ordinal) || word is "held" or "made" or "done" or "given" or "taken" or "began" or "sign" or "join" or "say");

    private static List<Match> Words(string text) => Word().Matches(text).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}’'\-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(that|this)( same| very)? year$", RegexOptions.IgnoreCase)]
    private static partial Regex SameYear();

    [GeneratedRegex(@"\b(1[0-9]\d\d|20\d\d)\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"^\s*(and|but|so|also|what about|how about)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AndOpening();
}
