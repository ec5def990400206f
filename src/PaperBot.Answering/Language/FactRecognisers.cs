using System.Text.RegularExpressions;

namespace PaperBot.Answering.Language;

/// <summary>
/// Recognises the kinds of fact a sentence carries (a date, an amount, a person, a place, a reason, a definition, a
/// reported statement) in any English text. The answer scorer, the timeline, the glossary and the quiz use these
/// same patterns. People are recognised by the titles that introduce them and, for one reading, by the names that
/// reading introduces with a title elsewhere (<see cref="PersonNames"/>).
/// </summary>
public static partial class FactRecognisers
{
    public const string MonthNames = "January|February|March|April|May|June|July|August|September|October|November|December";

    /// <summary>Whether a sentence carries the kind of fact asked for.</summary>
    public static bool Carries(AnswerType type, string sentence, IReadOnlySet<string>? personNames = null) => type switch
    {
        AnswerType.Date => Date().IsMatch(sentence),
        AnswerType.Amount => Amount().IsMatch(sentence),
        AnswerType.Measure => Measure().IsMatch(sentence),
        AnswerType.Frequency => Frequency().IsMatch(sentence),
        AnswerType.Person => Person().IsMatch(sentence) || MentionsName(sentence, personNames),
        AnswerType.Place => Place().IsMatch(sentence),
        AnswerType.Reason => Reason().IsMatch(sentence),
        AnswerType.Definition => Definition().IsMatch(sentence),
        AnswerType.Quote => ReportsSomeone(sentence),
        _ => false,
    };

    /// <summary>
    /// The first amount a sentence states, as printed with its scale and unit: "US $ 2.5 billion", "120 million
    /// euros", "340 km", "40 per cent". The unit is the word that follows the number, whatever the field.
    /// </summary>
    public static Match AmountPhrase(string sentence) => AmountWithUnit().Match(sentence);

    /// <summary>The first person a sentence introduces with a title ("President Ada Lind"): the name in group <c>name</c>.</summary>
    public static Match TitledPerson(string sentence) => TitledName().Match(sentence);

    /// <summary>
    /// The years a text gives, each as the span it covers: "2016" is 2016 to 2016, "2015-19" and "2015–2019" are 2015
    /// to 2019, "the 1990s" is 1990 to 1999.
    /// </summary>
    public static IEnumerable<(int From, int To)> YearSpans(string text)
    {
        foreach (Match match in YearSpan().Matches(text))
        {
            var from = int.Parse(match.Groups["from"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            var to = from;
            if (match.Groups["decade"].Success)
            {
                to = from - (from % 10) + 9;
            }
            else if (match.Groups["to"].Success)
            {
                var end = int.Parse(match.Groups["to"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
                to = match.Groups["to"].Length == 2 ? from - (from % 100) + end : end;
            }

            yield return (from, Math.Max(from, to));
        }
    }

    /// <summary>The years a text gives, as <see cref="YearSpans"/> does, each with where it stands in the text.</summary>
    public static IEnumerable<(int From, int To, int At)> YearSpansAt(string text) =>
        YearSpan().Matches(text).Select(m => (Span: YearSpans(m.Value).First(), At: m.Index)).Select(p => (p.Span.From, p.Span.To, p.At));

    [GeneratedRegex(@"\b(?<from>1[0-9]\d\d|20\d\d)((?<decade>s)\b|\s?[-–]\s?(?<to>1[0-9]\d\d|20\d\d|\d\d)\b|\b)")]
    private static partial Regex YearSpan();

    /// <summary>Ordinal words with their place: "first" is 1, "third" is 3.</summary>
    public static readonly IReadOnlyDictionary<string, int> Ordinals = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
    };

    /// <summary>The places a text gives by ordinals, in words or figures: "the first", "the 3rd", "the 6th edition".</summary>
    public static IEnumerable<int> OrdinalsOf(string text)
    {
        foreach (Match match in OrdinalWord().Matches(text))
        {
            if (match.Groups["digits"].Success)
            {
                yield return int.Parse(match.Groups["digits"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (Ordinals.TryGetValue(match.Value.ToLowerInvariant(), out var place))
            {
                yield return place;
            }
        }
    }

    [GeneratedRegex(@"(?<![-\w])(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b|(?<!(" + MonthNames + @")\s*)\b(?<digits>\d{1,2})(st|nd|rd|th)\b(?!\s+(of\s+)?(" + MonthNames + @"))", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalWord();

    /// <summary>
    /// Whether a text gives a place in a series before one of the words it qualifies ("the first line", "the first
    /// ever joint exercise" for "exercise"), not elsewhere in the sentence ("the first seven weeks").
    /// </summary>
    public static bool HasOrdinalOf(string text, int place, IReadOnlyCollection<string> qualifies)
    {
        foreach (Match match in OrdinalWord().Matches(text))
        {
            var at = match.Groups["digits"].Success ? int.Parse(match.Groups["digits"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : Ordinals[match.Value.ToLowerInvariant()];
            if (at != place)
            {
                continue;
            }

            if (qualifies.Count == 0)
            {
                return true;
            }

            var after = text[(match.Index + match.Length)..].Split([' ', ',', '(', ')', '“', '”', '"', '-'], StringSplitOptions.RemoveEmptyEntries).Take(6);
            if (after.SelectMany(w => PaperBot.Knowledge.Lexical.Bm25Encoder.AnalyzeWord(w)).Any(qualifies.Contains))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An acronym a text introduces in brackets after its expansion: "Harbour Transit Board (HTB)".</summary>
    [GeneratedRegex(@"\((?<term>[A-Z]{2,8}s?)\)")]
    public static partial Regex AcronymInBrackets();

    /// <summary>Whether a sentence quotes or reports someone ("To quote …", "the minister stated that …").</summary>
    public static bool ReportsSomeone(string sentence) => Reporting().IsMatch(sentence);

    /// <summary>
    /// Names a text introduces with a title ("President Ada Lovelace", "Gen. Smith"): each capitalised word after the
    /// title, so the name counts as a person's wherever else it stands.
    /// </summary>
    public static IEnumerable<string> PersonNames(string text)
    {
        foreach (Match match in TitledName().Matches(text))
        {
            foreach (var word in match.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = word.Trim('.', ',', '’', '\'');
                if (name.Length > 2 && !name.Contains('.', StringComparison.Ordinal))
                {
                    yield return name;
                }
            }
        }
    }

    private static bool MentionsName(string sentence, IReadOnlySet<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return false;
        }

        foreach (Match word in CapitalisedWord().Matches(sentence))
        {
            if (names.Contains(word.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A year, a decade, a month, or a day of a month.</summary>
    [GeneratedRegex(@"\b(1[0-9]\d\d|20\d\d)s?\b|\b\d{1,2}(st|nd|rd|th)\b|\b(" + MonthNames + @")\b|\b'?[1-9]0s\b")]
    public static partial Regex Date();

    /// <summary>
    /// An amount: money, a share, a number with a scale word, a span of years, or any number that is not a year
    /// (whatever unit follows it), so no list of one field's units is needed.
    /// </summary>
    [GeneratedRegex(@"[$€£¥₹]\s?\d|\b\d[\d,.]*\s*(%|per ?cent\b)|\b\d[\d,.]*\s+(hundred|thousand|million|billion|trillion|lakh|crore)\b|\(?\b\d{4}-\d{2,4}\b\)?|\b(decades?|dozens?|hundreds|thousands|millions|billions)\b|\b(?!(1[0-9]\d\d|20\d\d)\b)\d[\d,.]*\b")]
    public static partial Regex Amount();

    /// <summary>Whether a question asks for a sum of money ("How much did it cost?", "how much money did they provide?").</summary>
    public static bool AsksForMoney(string question) => MoneyAsked().IsMatch(question);

    /// <summary>Whether a lower-case word names money itself ("money", "cash", "funds"): a sentence that gives a sum of money says it.</summary>
    public static bool NamesMoney(string word) => word is "money" or "cash" or "funds" or "funding" or "finance" or "financing" or "monies";

    /// <summary>Whether a sentence gives a sum of money: a currency's sign or name ("$ 1.7 billion", "4.2 million pounds").</summary>
    public static bool GivesMoney(string sentence) =>
        CurrencySign().IsMatch(sentence) || Words().Matches(sentence).Any(w => IsCurrency(w.Value.ToLowerInvariant()));

    /// <summary>A currency's name as written, singular or plural (from <c>Resources/currencies.txt</c>).</summary>
    private static bool IsCurrency(string word) =>
        Currencies.Value.Contains(word) || word.EndsWith('s') && Currencies.Value.Contains(word[..^1]);

    private static readonly Lazy<HashSet<string>> Currencies = new(() =>
    {
        using var stream = typeof(FactRecognisers).Assembly.GetManifestResourceStream("PaperBot.Answering.Language.Resources.currencies.txt")
            ?? throw new InvalidOperationException("The currency list is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
    });

    [GeneratedRegex(@"[$€£¥₹₽]")]
    private static partial Regex CurrencySign();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(cost|costs|costing|costed|price|priced|worth|spend|spends|spent|spending|pay|pays|paid|invest|invested|investment|investments|money|fund|funds|funding|funded|budget|budgets|loan|loans|lent|borrow|borrowed|finance|financed|financing|expenditure)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyAsked();

    /// <summary>
    /// Whether a sentence gives an amount that is not part of a date: the day of a month ("September 24", "10 October",
    /// "the 3rd") counts nothing, so it does not answer "how many".
    /// </summary>
    public static bool GivesQuantity(string sentence) =>
        Amount().IsMatch(DayOfMonth().Replace(sentence, " ")) || NumberInWords().IsMatch(sentence);

    [GeneratedRegex(@"\b(" + MonthNames + @")\s+\d{1,2}(st|nd|rd|th)?\b(\s*[-–]\s*((" + MonthNames + @")\s+)?\d{1,2}\b)?|\b\d{1,2}(st|nd|rd|th)?(\s*[-–]\s*\d{1,2}(st|nd|rd|th)?)?\s+(of\s+)?(" + MonthNames + @")\b|\b\d{1,2}(st|nd|rd|th)\b")]
    private static partial Regex DayOfMonth();

    /// <summary>
    /// A number in words with what it counts or scales ("ninety-two convoys", "a three-day fair", "six hundred"): an
    /// answer to "how many" too, though sentences are chosen by figures.
    /// </summary>
    [GeneratedRegex(@"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(-\w+|\s+(hundred|thousand|million|billion|times|per ?cent|dozen))\b", RegexOptions.IgnoreCase)]
    public static partial Regex NumberInWords();

    private const string Count = @"(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|many|few)";

    private const string Units = @"(km|kms|kilomet(re|er)s?|miles?|metres?|meters?|ft|feet|foot|inch(es)?|yards?|cm|mm|acres?|hectares?|seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(y|ies))";

    /// <summary>
    /// A measure: a number with a unit of length, area or time ("340 km", "twelve years", "a 40-year lease"), a span
    /// of years or of days ("1998-2004", "from 1998 to 2004", "May 3-June 9"), a length of time in words ("within
    /// minutes", "for decades"), or an age ("aged 42").
    /// </summary>
    [GeneratedRegex(@"\b" + Count + @"(\s+(hundred|thousand|million|billion))?[\s-]+" + Units + @"\b|\b(1[0-9]\d\d|20\d\d)\s?[-–]\s?(\d\d|1[0-9]\d\d|20\d\d)\b|\bfrom\s+(1[0-9]\d\d|20\d\d)\s+(to|until|till)\s+(1[0-9]\d\d|20\d\d)\b|\bbetween\s+(1[0-9]\d\d|20\d\d)\s+and\s+(1[0-9]\d\d|20\d\d)\b|\b(" + MonthNames + @")\s+\d{1,2}\s*[-–]\s*((" + MonthNames + @")\s+)?\d{1,2}\b|\b\d{1,2}\s*[-–]\s*\d{1,2}\s+(" + MonthNames + @")\b|\b(within|for|over|in|after)\s+(a\s+few\s+|several\s+|some\s+)?(seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b|\b(decades|centuries|long-standing|lifelong)\b|\baged\s+\d+|\bat the age of\b", RegexOptions.IgnoreCase)]
    public static partial Regex Measure();

    /// <summary>How often: "annually", "every two years", "twice a year", "six times", "each spring".</summary>
    [GeneratedRegex(@"\b(annually|biennially|biannually|triennially|yearly|monthly|weekly|daily|hourly|nightly|annual|biennial|quarterly|regularly|periodically|frequently|occasionally|rarely|seldom|twice|thrice|per annum)\b|\bevery\s+(\w+\s+)?(year|month|week|day|night|morning|summer|winter|spring|autumn|season|decade|years|months|weeks|days|decades)\b|\beach\s+(year|month|week|day|night|spring|summer|autumn|winter|season)\b|\b" + Count + @"\s+times\b|\bonce\s+(a|an|every|per)\b|\bper\s+(year|month|week|day)\b|\bat\s+\S+\s+intervals\b", RegexOptions.IgnoreCase)]
    public static partial Regex Frequency();

    /// <summary>
    /// When, told another way than by a date: relative to another event or a length of time ("an hour before the
    /// collision", "after the death of the king", "within a decade", "during the war"). A question that asks when
    /// may be answered so.
    /// </summary>
    [GeneratedRegex(@"\b(before|after|until|till|since|during|following|prior to|by the time|at the time of|in the wake of|shortly|soon|later|earlier|ago|within)\b", RegexOptions.IgnoreCase)]
    public static partial Regex RelativeTime();

    [GeneratedRegex(@"\b(President|Prime Minister|Minister|Ambassador|Secretary|Chancellor|General|Gen\.|Admiral|Colonel|King|Queen|Prince|Princess|Emperor|Sultan|Premier|Governor|Mayor|Senator|Dr\.|Doctor|Professor|Prof\.|Mr\.|Mrs\.|Ms\.|Sir|Lord|Lady|Chairman|Chairwoman|Director|Commissioner|Judge|Justice)\b|\bto quote\b|\b(said|says|stated|argued|noted|declared|remarked|wrote)\b|\b(leader|ruler|founder|inventor|author|officer|engineer|scientist|physician|surgeon|minister|diplomat|head)\b")]
    private static partial Regex Person();

    [GeneratedRegex(@"\b(President|Prime Minister|Minister|Ambassador|Secretary|Chancellor|General|Gen\.|Admiral|Colonel|King|Queen|Prince|Premier|Governor|Mayor|Senator|Dr\.|Professor|Prof\.|Mr\.|Mrs\.|Ms\.|Sir|Lord|Lady|Chairman|Director|Commissioner)(\s+of\s+\p{Lu}\p{L}+)?\s+(?<name>(\p{Lu}[\p{L}\-’']*\.?\s?){1,4})")]
    private static partial Regex TitledName();

    [GeneratedRegex(@"\b\p{Lu}[\p{Ll}\-]+\b")]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"(\b[A-Z]{1,3}\.?\s?)?[$€£¥₹]\s?\d[\d,.]*(\s(hundred|thousand|million|billion|trillion))?|\b(?!(1[0-9]\d\d|20\d\d)\b)\d[\d,.]*\d?(\s(hundred|thousand|million|billion|trillion))?(\s?(%|per ?cent)|\s(?!(and|or|to|in|on|of|the|a|an|by|for|with|from|at|as|is|was|were|are)\b)[a-z]{2,14})")]
    private static partial Regex AmountWithUnit();

    [GeneratedRegex(@"\b(in|at|from|to|near|across|through|between)\s+(the\s+)?\p{Lu}\p{L}+")]
    private static partial Regex Place();

    [GeneratedRegex(@"\b(because|owing to|due to|as a result|in order to|therefore|thus|hence|driven|drove|led to|leading to|motivat\w*|reasons?|so that|since|as such|concerns?|interests?|important|significan\w*|aim\w*|goals?|objectives?|purpose|seeks?|sought|wants?|wanted|aimed (at|to)|so as to|with the (aim|view|objective|goal)|to (ensure|secure|counter|strengthen|gain|boost|improve|tackle|promote|enhance|build|develop|achieve|protect|prevent|support|help|meet|fight|combat|curb|deter|reduce|expand|establish|maintain|consolidate|increase|bolster|connect|access))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reason();

    [GeneratedRegex(@"\([\p{Lu}][\p{Lu}\d&\-]{1,9}s?\)|\bmeaning\b|\bmeans\b|\b(is|are|was|were) (the|a|an)\b|\bstands? for\b|\brefers? to\b|\bknown as\b|\bcalled\b|\bdefined\b")]
    private static partial Regex Definition();

    [GeneratedRegex(@"\bto quote\b|\b(said|says|stated|states|argued|argues|noted|notes|declared|remarked|wrote|writes|observed|observes)\b|“")]
    private static partial Regex Reporting();
}
