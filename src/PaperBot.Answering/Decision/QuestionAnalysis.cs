using System.Text.RegularExpressions;
using PaperBot.Answering.Language;
using PaperBot.Answering.Readings;
using PaperBot.Knowledge.Lexical;

namespace PaperBot.Answering.Decision;

/// <summary>
/// Reads a question word by word: the words that frame it ("what does the paper say about") are set aside, and
/// each other word becomes a <see cref="QuestionTerm"/> weighted by how rare it is in the readings, so that what
/// the question is really about weighs most.
/// </summary>
public static partial class QuestionAnalyzer
{
    private const double LightFactor = 0.35;

    /// <summary>Numbers written out, with their digits.</summary>
    public static readonly Dictionary<string, string> NumberWords = new(StringComparer.Ordinal)
    {
        ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7",
        ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["twenty"] = "20",
        ["thirty"] = "30", ["forty"] = "40", ["fifty"] = "50", ["hundred"] = "100",
    };

    /// <summary>Words before an ordinal that make it pick one of a series ("the first", "its second").</summary>
    /// <summary>Words after an ordinal that make it an idiom, not a place in a series ("in the first place", "the first to", "the first time").</summary>
    private static readonly HashSet<string> NotASeries = new(StringComparer.Ordinal) { "place", "time", "times", "to", "of", "half", "hand", "glance", "sight", "instance", "and", "or" };

    private static readonly HashSet<string> OrdinalDeterminers = new(StringComparer.Ordinal) { "the", "its", "their", "his", "her", "this", "that" };

    public static QuestionAnalysis Analyze(string question, ReadingIndex readings)
    {
        var terms = new List<QuestionTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // Another name of several words ("Porto Alegre") is one term, supported where its reading's name stands.
        var rest = question;
        foreach (var (alias, target) in readings.AliasTerms.Where(a => a.Key.Contains(' ', StringComparison.Ordinal)))
        {
            var at = rest.IndexOf(alias, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && target.Count > 0 && (at == 0 || !char.IsLetter(rest[at - 1])) && (at + alias.Length == rest.Length || !char.IsLetter(rest[at + alias.Length])))
            {
                var term = new QuestionTerm(rest.Substring(at, alias.Length), target[0], target.Select(readings.Idf).Max(), TermKind.Name, AnswerType.Other, target.All(readings.HasTerm)) { Part = PartAt(question, at) };
                if (seen.Add(term.Term))
                {
                    terms.Add(term);
                }

                rest = rest[..at] + new string(' ', alias.Length) + rest[(at + alias.Length)..];
            }
        }

        // "…, right?", "…, isn't it?": the student states what they take to be so and asks only to have it confirmed.
        var claim = ClaimTag().Match(rest);
        if (claim.Success)
        {
            rest = rest[..claim.Index] + new string(' ', claim.Length) + rest[(claim.Index + claim.Length)..];
        }

        var tokens = Tokenize(rest);
        // "the US", "IT firms": a word written in capitals is a name, not the pronoun it spells, unless the whole question is shouted.
        var shouted = question.Count(char.IsUpper) > question.Count(char.IsLower);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            // An office before a name ("General Lind", "Prime Minister Sol") says who, not which: the
            // readings may give the same person another title, or none.
            var office = EnglishLexicon.OfficeTitles.Contains(token.Lower) && i + 1 < tokens.Count && char.IsUpper(tokens[i + 1].Value[0])
                && !readings.ContainsPhrase(token.Value + " " + tokens[i + 1].Value); // "General Assembly" is a name of its own
            // "the first exercise", "its third meeting": an ordinal that picks one of a series is what the sentence
            // must say, as a number is ("who first proposed it" is only when, not which).
            var qualified = i > 0 && Language.FactRecognisers.Ordinals.ContainsKey(token.Lower) && OrdinalDeterminers.Contains(tokens[i - 1].Lower)
                ? tokens.Skip(i + 1).Take(4).Where(t => t.Lower != "ever" && !EnglishLexicon.IsFrame(t.Lower)).Take(2).SelectMany(t => Bm25Encoder.AnalyzeWord(t.Value)).ToList()
                : [];
            var ordinal = qualified.Count > 0 && i + 1 < tokens.Count && !NotASeries.Contains(tokens[i + 1].Lower);
            foreach (var term in ordinal
                ? [new QuestionTerm(token.Value, token.Lower, readings.MaxIdf, TermKind.Number, AnswerType.Other, readings.HasWord(token.Lower)) { Qualifies = qualified }]
                : TermsOf(token, readings, acronym: !shouted && token.Value.Length >= 2 && token.Value.All(char.IsUpper)))
            {
                if (seen.Add(term.Term))
                {
                    var placed = term with { Part = PartAt(question, token.Index), Topical = term.Topical || readings.IsTopical(term.Term) };
                    // "how much money": the money is the kind of fact asked for, a sum.
                    if (i > 0 && tokens[i - 1].Lower == "much" && Language.FactRecognisers.NamesMoney(token.Lower))
                    {
                        placed = placed with { Asks = AnswerType.Amount };
                    }

                    terms.Add(office && term.Kind is TermKind.Name or TermKind.Content ? placed with { Kind = TermKind.Light, Weight = term.Weight * LightFactor } : placed);
                }
            }
        }

        // "Druzhba means 'brotherhood'": a word the question quotes is a claim about the reading's wording, found only
        // as itself, like a name.
        var quoted = Quoted().Matches(question).SelectMany(m => Tokenize(m.Groups["words"].Value)).Select(t => t.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (quoted.Count > 0)
        {
            terms = terms.Select(t => t.Kind == TermKind.Content && t.Asks == AnswerType.Other && quoted.Contains(t.Surface) ? t with { Kind = TermKind.Name } : t).ToList();
        }

        // "from Karachi to Lahore": the places themselves, not the countries they may stand for.
        var literal = Route().Matches(question).SelectMany(m => new[] { m.Groups["a"], m.Groups["b"] }).Where(g => g.Success).Select(g => g.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (literal.Count > 0)
        {
            terms = terms.Select(t => t.Kind == TermKind.Name && literal.Contains(t.Surface) ? t with { Literal = true } : t).ToList();
        }

        var answerType = DetectAnswerType(question);
        var isTask = TaskRequest().IsMatch(question.Trim()) || EmbeddedTask().IsMatch(question) || Arithmetic().IsMatch(question);
        return new QuestionAnalysis(question, answerType, terms, Presupposing().IsMatch(question.Trim()) || claim.Success, isTask);
    }

    /// <summary>A tag that asks to have a statement confirmed: "…, right?", "…, isn't it?", "… correct?".</summary>
    [GeneratedRegex(@",?\s*\b(right|correct|true|yeah|isn't it|isn’t it|wasn't it|wasn’t it|didn't it|didn’t it|didn't they|didn’t they|aren't they|aren’t they|don't they|don’t they|doesn't it|doesn’t it)\s*\?", RegexOptions.IgnoreCase)]
    private static partial Regex ClaimTag();

    [GeneratedRegex(@"\bfrom (?<a>[\p{L}][\p{L}'-]*) (up |down |all the way )?to (?<b>[\p{L}][\p{L}'-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Route();

    /// <summary>Words in quotation marks, single or double, straight or curly, not an apostrophe ("Snow's").</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])['‘""“](?<words>\p{L}[^'‘’""“”]{0,40}?\p{L})['’""”](?![\p{L}\d])")]
    private static partial Regex Quoted();

    /// <summary>The part of a question a position falls in: parts are separated by "?", ";" and "and" before a question word.</summary>
    public static int PartAt(string question, int position) =>
        PartBreak().Matches(question).Count(m => m.Index < position);

    /// <summary>The words of a text with where they stand and whether they open a sentence.</summary>
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        foreach (Match match in Word().Matches(text))
        {
            var value = match.Value.TrimEnd('.', '-', '\'', '’');
            var possessive = Possessive().Match(value);
            if (possessive.Success)
            {
                value = possessive.Groups[1].Value;
            }

            if (value.Length == 0)
            {
                continue;
            }

            tokens.Add(new Token(value, match.Index, IsSentenceStart(text, match.Index)));
        }

        return tokens;
    }

    private static IEnumerable<QuestionTerm> TermsOf(Token token, ReadingIndex readings, bool acronym = false)
    {
        var lower = token.Lower;
        if (EnglishLexicon.IsFrame(lower) && !acronym)
        {
            yield break;
        }

        if (NumberWords.TryGetValue(lower, out var digits))
        {
            // A number written out ("the two countries") is an ordinary word that its digits also support.
            var inReadings = readings.ContainsPhrase(lower) || readings.ContainsPhrase(digits);
            yield return new QuestionTerm(token.Value, lower, inReadings ? readings.Idf(lower) : readings.MaxIdf, TermKind.Content, AnswerType.Other, inReadings);
            yield break;
        }

        if (YearSpan().Match(token.Value) is { Success: true } span)
        {
            // "1848-49" asks about 1848 and 1849.
            var first = span.Groups["from"].Value;
            var second = span.Groups["to"].Value;
            second = second.Length < 4 ? first[..(4 - second.Length)] + second : second;
            foreach (var year in new[] { first, second })
            {
                yield return new QuestionTerm(year, year, readings.MaxIdf, TermKind.Number, AnswerType.Other, readings.ContainsPhrase(year));
            }

            yield break;
        }

        if (Thousands().Match(token.Value) is { Success: true } scaled)
        {
            // "10k" is 10,000 and "2m" 2,000,000, as the readings print them.
            var factor = scaled.Groups["scale"].Value.ToLowerInvariant() switch { "k" => 1_000m, "m" or "mn" => 1_000_000m, _ => 1_000_000_000m };
            var value = decimal.Parse(scaled.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) * factor;
            var number = value.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
            yield return new QuestionTerm(token.Value, number, readings.MaxIdf, TermKind.Number, AnswerType.Other, readings.ContainsPhrase(value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)));
            yield break;
        }

        if (NumberToken().IsMatch(token.Value))
        {
            var number = token.Value.Replace(",", string.Empty, StringComparison.Ordinal);
            // A decade ("the 1990s") is in the readings when they give a year of it.
            var inReadings = readings.ContainsPhrase(number) || readings.ContainsPhrase(token.Value)
                || TermSupportScorer.YearsOf(number) is { } years && years.From != years.To
                    && Enumerable.Range(years.From, years.To - years.From + 1).Any(y => readings.ContainsPhrase(y.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            yield return new QuestionTerm(token.Value, number, readings.MaxIdf, TermKind.Number, AnswerType.Other, inReadings);
            yield break;
        }

        var isName = IsNameLike(token);
        var asks = EnglishLexicon.AnswerTypeWords.GetValueOrDefault(lower, AnswerType.Other);
        var light = EnglishLexicon.IsLight(lower);
        var aliased = readings.AliasTerms.TryGetValue(token.Value, out var aliasTerms);
        foreach (var term in Bm25Encoder.AnalyzeWord(token.Value))
        {
            if (term.Length < 2 && !term.All(char.IsDigit))
            {
                continue;
            }

            if (term.All(char.IsDigit))
            {
                // "S-400": the number is what must be found, the name is how the question wrote it.
                yield return new QuestionTerm(token.Value, term, readings.MaxIdf, TermKind.Number, AnswerType.Other, readings.ContainsPhrase(term));
                continue;
            }

            // "die" where the readings write "died": the stemmer joins neither to the other ("die", "di").
            var stem = isName || aliased || readings.HasTerm(term) ? term : OwnFormStem(lower, readings) ?? term;
            yield return Term(token, stem, readings, isName, light, asks, aliased, aliasTerms);
        }
    }

    private static QuestionTerm Term(Token token, string term, ReadingIndex readings, bool isName, bool light, AnswerType asks, bool aliased, IReadOnlyList<string>? aliasTerms)
    {
        var inReadings = readings.HasTerm(term) || aliased && aliasTerms!.All(readings.HasTerm);
        var weight = inReadings ? readings.Idf(term) : readings.MaxIdf;
        if (aliased && !readings.HasTerm(term))
        {
            weight = aliasTerms!.Select(readings.Idf).DefaultIfEmpty(readings.MaxIdf).Max();
        }

        var kind = isName ? TermKind.Name : light ? TermKind.Light : TermKind.Content;
        return new QuestionTerm(token.Value, term, kind == TermKind.Light ? weight * LightFactor : weight, kind, asks, inReadings) { Topical = readings.IsTopical(term) };
    }

    /// <summary>
    /// The stem of one of the word's own regular inflections that the readings use, when the stemmer gives the word
    /// and that inflection different stems ("die" and "died", "tie" and "ties"); null when there is none.
    /// </summary>
    private static string? OwnFormStem(string word, ReadingIndex readings)
    {
        if (word.Length < 3 || !word.All(char.IsLetter))
        {
            return null;
        }

        foreach (var form in Synonyms.Lemmas(word).SelectMany(Synonyms.Forms).Distinct(StringComparer.Ordinal))
        {
            if (form != word && readings.HasWord(form) && Bm25Encoder.AnalyzeWord(form).FirstOrDefault() is { } stem && readings.HasTerm(stem))
            {
                return stem;
            }
        }

        return null;
    }

    /// <summary>
    /// A name or acronym: capitals inside ("VHC", "McDonald"), digits with letters ("A-320"), or a capital where a
    /// sentence does not start. A capitalised first word is a name only when it is no ordinary word.
    /// </summary>
    private static bool IsNameLike(Token token)
    {
        var value = token.Value;
        if (value.Count(char.IsUpper) >= 2 && value.Any(char.IsLetter))
        {
            return true;
        }

        if (value.Any(char.IsDigit) && value.Any(char.IsLetter))
        {
            return true;
        }

        return char.IsUpper(value[0]) && !token.StartsSentence;
    }

    private static bool IsSentenceStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '“' or '‘' or '\'' or '(' or '*'))
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '?' or '!' or ':' or ';' or ',' or '-' or '–' or '—' or '>';
    }

    /// <summary>
    /// The kind of fact a question plainly asks for, when it opens by asking it ("When …", "In what year …", "How many
    /// …", "How long …", "How often …", "What was the cost of …"): what a sentence must give to answer it. Null for
    /// any other question, so a word like "cost" or "year" elsewhere ("What is opportunity cost?", "the five-year
    /// plan") asks for nothing. "How long has …" is answered by a date as well as by a length of time.
    /// </summary>
    public static (AnswerType Type, bool OrDate)? ExplicitFact(string question)
    {
        var q = question.Trim().ToLowerInvariant().Replace('’', '\'');
        if (ExplicitFactOpening().Match(q) is not { Success: true } match)
        {
            return null;
        }

        return match.Groups["date"].Success ? (AnswerType.Date, false)
            : match.Groups["since"].Success ? (AnswerType.Measure, true)
            : match.Groups["measure"].Success ? (AnswerType.Measure, false)
            : match.Groups["often"].Success ? (AnswerType.Frequency, false)
            : (AnswerType.Amount, false);
    }

    [GeneratedRegex(@"^((and|so|ok|okay|but|also|then|exactly|roughly|approximately|about)[,\s]+)*((?<date>when\b|(in |on )?(what|which) (year|month|date|day)\b|since when\b|how long ago\b)|(?<since>how long (has|have|had)\b)|(?<measure>(for )?how long\b|(for )?how many (years|months|weeks|days|hours|minutes)\b|what (is|was) the (length|distance|duration|height|depth)\b)|(?<often>how (often|frequently)\b)|(?<amount>(by )?how (much|many)\b|what (is|was|were) the (cost|price|value|number|amount|size|capacity|total|share|percentage)\b))")]
    private static partial Regex ExplicitFactOpening();

    public static AnswerType DetectAnswerType(string question)
    {
        var q = question.Trim().ToLowerInvariant();
        if (Said().IsMatch(q))
        {
            return AnswerType.Quote;
        }

        if (When().IsMatch(q))
        {
            return AnswerType.Date;
        }

        if (HowOften().IsMatch(q))
        {
            return AnswerType.Frequency;
        }

        if (HowLong().IsMatch(q))
        {
            return AnswerType.Measure;
        }

        if (HowMuch().IsMatch(q))
        {
            return AnswerType.Amount;
        }

        if (Who().IsMatch(q))
        {
            return AnswerType.Person;
        }

        if (Where().IsMatch(q))
        {
            return AnswerType.Place;
        }

        if (Why().IsMatch(q))
        {
            return AnswerType.Reason;
        }

        return Definition().IsMatch(q) ? AnswerType.Definition : AnswerType.Other;
    }

    /// <summary>A word as it stands in a text.</summary>
    public sealed record Token(string Value, int Index, bool StartsSentence)
    {
        public string Lower { get; } = Value.ToLowerInvariant().Replace('’', '\'');
    }

    [GeneratedRegex(@"[\p{L}\p{N}$€£][\p{L}\p{N}’'\-.,]*[\p{L}\p{N}]|[\p{L}\p{N}]")]
    private static partial Regex Word();

    [GeneratedRegex(@"\?\s*(?=\S)|;\s*|,?\s+and\s+(?=(what|when|who|whom|which|how|where|why|whose|did|does|do|is|are|was|were|since)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex PartBreak();

    [GeneratedRegex(@"^(.+?)(['’]s|s['’])$")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"^(?<from>(1[0-9]|20)\d\d)[-–](?<to>\d{2}|(1[0-9]|20)\d\d)$")]
    private static partial Regex YearSpan();

    [GeneratedRegex(@"^[$€£]?(?<n>\d+(\.\d+)?)(?<scale>k|m|mn|bn)$", RegexOptions.IgnoreCase)]
    private static partial Regex Thousands();

    [GeneratedRegex(@"^[$€£]?\d[\d,.]*(s|st|nd|rd|th|%)?$")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"^((why|for what reason|how come|in what way) (did|does|do|was|were|has|have|had|is|are)|how (did|does|do|has|have|was|were)|how (many|much)\b.*\b(did|does|do|has|have|had)\b|when (did|was|were)|what (made|led|caused|pushed|prompted|drove|forced))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Presupposing();

    /// <summary>A sum to work out ("7 times 6", "120 million divided by 12", "the square root of 81"): no reading says it.</summary>
    [GeneratedRegex(@"\d[\d,.]*\s*(hundred|thousand|million|billion|trillion|k|m|bn)?\s*(\p{L}+\s+)?(\+|\*|(?<=\s)/(?=\s)|×|÷|\bx\b|\bplus\b|\bminus\b|\btimes\b|\bmultiplied by\b|\bdivided by\b)\s*\d|\b(square root|cube root|squared|cubed|factorial)\b.*\d|\d.*\b(squared|cubed)\b|\b\d+(\.\d+)?\s*(percent|%)\s+of\s+\d", RegexOptions.IgnoreCase)]
    private static partial Regex Arithmetic();

    [GeneratedRegex(@"^((please|pls|now|ok|okay|hey)[,!]?\s+)*((can|could|would|will) you\s+(please\s+)?|i want you to\s+|i need you to\s+)?(write|compose|draft|generate|create|invent|imagine|translate|rewrite|rephrase|code|program|calculate|compute|convert|solve|sing|draw|paint|predict|forecast|recommend|book|order|buy|send|email|play|make up|tell me a (joke|story|poem))\b", RegexOptions.IgnoreCase)]
    private static partial Regex TaskRequest();

    /// <summary>A request to produce something after the question's opening ("… and write me a poem about it").</summary>
    [GeneratedRegex(@"(^|[,;:.!?]|\band|\bthen|\bplease|\bjust)\s+(write|compose|draft|generate|create|invent|sing|draw|make up|tell)\s+(me\s+|us\s+)?(a|an|some|another|two|three|\d+)\s+(poem|poems|song|songs|rap|raps|limerick|limericks|haiku|joke|jokes|story|stories|essay|essays|tweet|tweets|letter|email|script|code|program|riddle|speech|summary in the style)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EmbeddedTask();

    [GeneratedRegex(@"^what (did|does|do|has|have) .{2,60}\b(say|said|state|stated|argue|think|tell|declare|remark)\b|\bwho (said|stated|argued|declared)\b")]
    private static partial Regex Said();

    [GeneratedRegex(@"^(when\b|in (what|which) (year|month)|what (year|date|month|day)|since when|how long ago|on what date)|\b(what|which) year\b|\byear\b")]
    private static partial Regex When();

    [GeneratedRegex(@"\bhow often\b|\bhow (frequently|regularly)\b|\b(what|which) (is|was) the frequency\b")]
    private static partial Regex HowOften();

    [GeneratedRegex(@"\bhow (long|tall|deep|wide|old)\b|\bwhat (is|was) the (length|distance|height|depth|duration|width|age)\b|\bfor how many (years|months|weeks|days)\b")]
    private static partial Regex HowLong();

    [GeneratedRegex(@"\bhow (much|many|large|big|far|high|low)\b|\bwhat (is|was) the (cost|price|value|worth|size|capacity|length|share|amount|number)\b|\bby how much\b|\b(cost|price|worth|capacity)\b")]
    private static partial Regex HowMuch();

    [GeneratedRegex(@"^(who|whom|whose)\b|\bwhich (person|leader|minister|president|official|ruler|ambassador|man|woman|engineer|scientist)\b|\bwho\b")]
    private static partial Regex Who();

    [GeneratedRegex(@"^where\b|\b(which|what) (\w+ )?(province|city|country|region|place|town|port|district|village|provinces|cities|countries|regions|places|towns|ports|districts|villages)\b|\bwhere\b")]
    private static partial Regex Where();

    [GeneratedRegex(@"^(why|how come)\b|\bwhat (made|makes|pushed|drove|led|caused|convinced|prompted)\b|\breasons?\b|\bwhy\b")]
    private static partial Regex Why();

    [GeneratedRegex(@"^(what|who) (is|are|was|were) (the |an? )?[\w\-]+\??$|\bstands? for\b|\bmean\b|^define\b|\bmeaning of\b")]
    private static partial Regex Definition();
}
