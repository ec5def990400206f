using System.Collections.Frozen;
namespace PaperBot.Answering.Language;

/// <summary>
/// What English questions are made of, apart from their subject: the words of asking ("what does the paper say
/// about"), light words that carry little meaning of their own, words that name the kind of answer wanted
/// ("year", "cost", "who"), and words that turn a statement round ("refuse", "never"). Nothing here is about one
/// reading: it is the language the questions are written in.
/// </summary>
public static class EnglishLexicon
{
    /// <summary>Words that frame a question rather than name its subject. Lower case, as typed.</summary>
    public static readonly HashSet<string> FrameWords = new(StringComparer.Ordinal)
    {
        // question words and auxiliaries
        "what", "whats", "what's", "who", "whom", "whose", "who's", "when", "where", "why", "how", "which", "whether",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "doing", "has", "have",
        "had", "having", "can", "could", "would", "should", "will", "shall", "may", "might", "must", "isn't", "aren't",
        "wasn't", "weren't", "don't", "doesn't", "didn't", "can't", "cannot", "couldn't", "won't", "wouldn't", "shouldn't",
        "haven't", "hasn't", "hadn't", "mustn't",
        // pronouns, determiners, particles
        "i", "me", "my", "you", "your", "we", "our", "us", "it", "its", "it's", "they", "them", "their", "he", "she", "his",
        "her", "this", "that", "these", "those", "there", "here", "a", "an", "the", "some", "any", "all", "each", "such",
        "of", "to", "in", "on", "at", "by", "for", "with", "from", "about", "as", "into", "onto", "upon", "and", "or",
        "but", "so", "if", "then", "than", "also", "too", "very", "just", "really", "ever", "exactly", "actually",
        "basically", "please", "pls", "plz", "kindly", "hey", "ok", "okay", "um", "uh", "like", "btw", "anyway", "one", "ones",
        "lol", "lmao", "haha", "omg", "tbh", "idk", "imo", "ngl", "thx", "someone", "somebody", "anyone", "anybody",
        // the asking itself
        "paper", "papers", "article", "articles", "text", "study", "reading", "readings", "essay", "document", "piece",
        "chapter", "report", "source", "passage", "tell", "say", "says", "said", "saying", "mention", "mentions",
        "mentioned", "discuss", "discusses", "discussed", "explain", "explains", "explained", "describe", "describes", "summarise", "summarize", "summarises", "summarizes", "recap",
        "described", "according", "talk", "talks", "cover", "covers", "know", "think", "give", "list", "name", "show",
        "want", "need", "wondering", "wonder", "curious", "question", "answer", "info", "information", "detail",
        "details", "bit", "part", "parts", "point", "points", "regarding", "concerning", "re", "quick", "briefly",
    };

    /// <summary>Words with little meaning of their own: they count, but for less than a content word.</summary>
    public static readonly HashSet<string> LightWords = new(StringComparer.Ordinal)
    {
        "get", "got", "gets", "make", "made", "makes", "take", "took", "taken", "use", "uses", "used", "go", "went",
        "gone", "come", "came", "see", "saw", "seen", "seem", "seems", "become", "became", "happen", "happened",
        "happens", "thing", "things", "something", "anything", "way", "ways", "kind", "kinds", "sort", "sorts", "type", "types", "lot", "lots", "more",
        "most", "less", "least", "few", "several", "many", "much", "other", "others", "another", "main", "key",
        "major", "important", "role", "play", "played", "plays", "overall", "specific", "specifically", "particular",
        "new", "old", "good", "bad", "big", "well", "really", "now", "today", "still", "yet", "again", "only",
        "look", "looked", "looks", "view", "viewed", "regard", "regarded", "consider", "considered", "involve",
        "involved", "relate", "related", "relation", "side", "sides", "each", "both", "together", "up", "out", "off",
        // how one side met what the other did: the sentence tells it in its own words ("this made Russia take …")
        "react", "reacted", "reacting", "reaction", "reactions", "respond", "responded", "responding", "response", "responses",
        // prepositions, conjunctions and adverbs that relate the subject's words rather than name anything
        "after", "before", "since", "until", "during", "over", "under", "between", "among", "amongst", "through",
        "throughout", "across", "towards", "toward", "against", "within", "without", "via", "per", "around", "behind",
        "beyond", "along", "amid", "amidst", "upon", "onto", "despite", "though", "although", "even", "while",
        "whilst", "because", "whereas", "however", "thus", "hence", "therefore", "also", "already", "ever", "never",
        "often", "always", "sometimes", "soon", "later", "earlier", "first", "last", "next", "then", "than", "yet",
        "far", "near", "further", "rather", "quite", "almost", "about", "above", "below", "like", "unlike", "onwards",
        "moment", "currently", "lately", "recently", "nowadays", "happening", "situation", "final", "exact", "actual",
        "approximate", "roughly", "else", "anything", "exactly", "precisely", "basically", "generally", "vs", "versus",
    };

    /// <summary>Words that ask for a kind of fact: a sentence that carries that kind of fact accounts for them.</summary>
    public static readonly Dictionary<string, AnswerType> AnswerTypeWords = new(StringComparer.Ordinal)
    {
        ["when"] = AnswerType.Date, ["year"] = AnswerType.Date, ["years"] = AnswerType.Date, ["date"] = AnswerType.Date,
        ["dates"] = AnswerType.Date, ["month"] = AnswerType.Date, ["day"] = AnswerType.Date, ["time"] = AnswerType.Date,
        ["decade"] = AnswerType.Date, ["period"] = AnswerType.Date, ["dated"] = AnswerType.Date,
        ["cost"] = AnswerType.Amount, ["costs"] = AnswerType.Amount, ["price"] = AnswerType.Amount, ["worth"] = AnswerType.Amount,
        ["value"] = AnswerType.Amount, ["amount"] = AnswerType.Amount, ["much"] = AnswerType.Amount, ["many"] = AnswerType.Amount,
        ["number"] = AnswerType.Amount, ["size"] = AnswerType.Amount, ["capacity"] = AnswerType.Amount,
        ["figure"] = AnswerType.Amount, ["total"] = AnswerType.Amount, ["percentage"] = AnswerType.Amount, ["share"] = AnswerType.Amount,
        // A length or a stretch of time asked by its name is a number with its unit ("1,100 kms"), not any number.
        ["long"] = AnswerType.Amount, ["far"] = AnswerType.Amount, ["length"] = AnswerType.Measure, ["distance"] = AnswerType.Measure,
        ["duration"] = AnswerType.Measure, ["height"] = AnswerType.Measure, ["depth"] = AnswerType.Measure, ["width"] = AnswerType.Measure,
        ["often"] = AnswerType.Frequency,
        ["who"] = AnswerType.Person, ["whom"] = AnswerType.Person, ["whose"] = AnswerType.Person, ["person"] = AnswerType.Person,
        ["leader"] = AnswerType.Person, ["official"] = AnswerType.Person,
        ["where"] = AnswerType.Place, ["place"] = AnswerType.Place, ["location"] = AnswerType.Place,
        ["why"] = AnswerType.Reason, ["reason"] = AnswerType.Reason, ["reasons"] = AnswerType.Reason, ["cause"] = AnswerType.Reason,
        ["causes"] = AnswerType.Reason, ["motive"] = AnswerType.Reason, ["motives"] = AnswerType.Reason, ["purpose"] = AnswerType.Reason,
        ["stand"] = AnswerType.Definition, ["stands"] = AnswerType.Definition, ["mean"] = AnswerType.Definition,
        ["means"] = AnswerType.Definition, ["meaning"] = AnswerType.Definition, ["define"] = AnswerType.Definition,
        ["definition"] = AnswerType.Definition, ["acronym"] = AnswerType.Definition, ["abbreviation"] = AnswerType.Definition,
        ["abbreviations"] = AnswerType.Definition, ["acronyms"] = AnswerType.Definition, ["short"] = AnswerType.Definition,
        ["called"] = AnswerType.Definition, ["named"] = AnswerType.Definition, ["titled"] = AnswerType.Definition,
    };

    /// <summary>Words that deny or reverse what follows them: a question built on one assumes the opposite of a plain statement.</summary>
    public static readonly HashSet<string> Reversals = new(StringComparer.Ordinal)
    {
        "not", "never", "no", "refuse", "refused", "refuses", "refusing", "reject", "rejected", "rejects", "oppose",
        "opposed", "opposes", "deny", "denied", "denies", "fail", "failed", "fails", "cancel", "cancelled", "canceled",
        "abandon", "abandoned", "withdraw", "withdrew", "withdrawn", "quit", "quitted", "boycott",
        "boycotted", "stop", "stopped", "halt", "halted", "sever", "severed",
        "ban", "banned", "block", "blocked", "prevent", "prevented", "veto", "vetoed",
        "decline", "declined", "lose", "lost", "expel", "expelled", "suspend", "suspended", "exit", "exited",
    };

    /// <summary>Whether a lower-case word frames the question.</summary>
    public static bool IsFrame(string word) => FrameWords.Contains(word);

    /// <summary>Offices written before a person's name (lower case): "General", "President", "Prime Minister". Royal and noble titles are part of the name ("Queen Victoria").</summary>
    public static readonly System.Collections.Frozen.FrozenSet<string> OfficeTitles = new[]
    {
        "president", "prime", "minister", "pm", "general", "gen", "ambassador", "secretary", "chancellor", "admiral", "colonel",
        "governor", "mayor", "senator", "director", "commissioner", "chairman", "chairwoman", "premier",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Shortenings students type for a word ("PM", "govt", "ppl"): read as the word when the readings do not use the shortening.</summary>
    public static readonly System.Collections.Frozen.FrozenDictionary<string, string> Shortenings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pm"] = "prime minister", ["pms"] = "prime ministers", ["govt"] = "government", ["gov"] = "government", ["govts"] = "governments",
        ["dept"] = "department", ["intl"] = "international", ["int'l"] = "international", ["nat'l"] = "national", ["pres"] = "president",
        ["econ"] = "economic", ["approx"] = "approximately", ["info"] = "information", ["org"] = "organisation", ["orgs"] = "organisations",
        ["ppl"] = "people", ["yr"] = "year", ["yrs"] = "years", ["bn"] = "billion", ["mn"] = "million", ["cuz"] = "because", ["coz"] = "because",
        ["bc"] = "because", ["abt"] = "about", ["thru"] = "through", ["tho"] = "though", ["btwn"] = "between",
        ["mgmt"] = "management", ["infra"] = "infrastructure", ["tech"] = "technology", ["assoc"] = "association", ["min"] = "minister",
        ["rel"] = "relations", ["rels"] = "relations", ["diff"] = "difference", ["gvt"] = "government",
        ["intro"] = "introduction", ["concl"] = "conclusion", ["wat"] = "what", ["wot"] = "what", ["wut"] = "what", ["mkt"] = "market",
        ["1st"] = "first", ["2nd"] = "second", ["3rd"] = "third", ["4th"] = "fourth", ["5th"] = "fifth", ["6th"] = "sixth", ["b4"] = "before",
        ["n"] = "and", ["u"] = "you", ["ur"] = "your", ["r"] = "are",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Shortened words of places, written after a name ("Broad St", "Kings Rd").</summary>
    public static readonly System.Collections.Frozen.FrozenDictionary<string, string> PlaceShortenings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["st"] = "street", ["rd"] = "road", ["ave"] = "avenue", ["sq"] = "square", ["ln"] = "lane", ["pl"] = "place",
        ["blvd"] = "boulevard", ["hwy"] = "highway", ["sts"] = "streets", ["rds"] = "roads",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Nouns that name a person by what they are or do ("leader", "chemist", "minister"): "Which <noun> …" asks who.</summary>
    public static readonly System.Collections.Frozen.FrozenSet<string> PersonNouns = new[]
    {
        "president", "minister", "general", "ambassador", "secretary", "chancellor", "admiral", "colonel", "governor",
        "mayor", "senator", "director", "commissioner", "chairman", "chairwoman", "premier", "leader", "ruler",
        "official", "person", "man", "woman", "king", "queen", "prince", "princess", "emperor", "engineer", "scientist",
        "chemist", "physician", "doctor", "surgeon", "author", "writer", "diplomat", "envoy", "head", "founder",
        "inventor", "officer", "commander", "politician", "statesman", "dictator", "chief", "judge", "architect",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A light word: listed, or an adverb of manner or time ("originally", "eventually") that only qualifies the subject.</summary>
    public static bool IsLight(string word) =>
        LightWords.Contains(word) || word.Length > 5 && word.EndsWith("ly", StringComparison.Ordinal) && !word.EndsWith("ply", StringComparison.Ordinal) && !word.EndsWith("ally", StringComparison.Ordinal) || word.EndsWith("ally", StringComparison.Ordinal) && word.Length > 7;
}

/// <summary>The kind of fact a question asks for.</summary>
public enum AnswerType
{
    Other,
    Date,
    Person,
    Amount,

    /// <summary>A quantity with a dimension: a length, a distance, a height, a duration ("how long", "how tall").</summary>
    Measure,

    /// <summary>How often something happens ("every two years", "annually").</summary>
    Frequency,
    Place,
    Reason,
    Definition,
    Quote,
}

/// <summary>
/// Pairs of words of opposite meaning. Embeddings put opposites close together ("rise" and "fall" share a context),
/// so a word is never taken as support for its opposite, and a question built on the opposite of what a sentence
/// says is a false premise.
/// </summary>
public static class Opposites
{
    private static readonly (string A, string B)[] Pairs =
    [
        ("rise", "fall"), ("rise", "decline"), ("rise", "drop"), ("increase", "decrease"), ("increase", "decline"),
        ("increase", "reduce"), ("grow", "shrink"), ("grow", "decline"), ("gain", "lose"), ("gain", "loss"),
        ("improve", "deteriorate"), ("improve", "worsen"), ("strengthen", "weaken"), ("expand", "contract"),
        ("support", "oppose"), ("accept", "reject"), ("accept", "refuse"), ("agree", "disagree"), ("agree", "refuse"),
        ("join", "leave"), ("join", "quit"), ("enter", "exit"), ("win", "lose"), ("succeed", "fail"),
        ("success", "failure"), ("allow", "forbid"), ("allow", "ban"), ("permit", "prohibit"), ("include", "exclude"),
        ("start", "end"), ("begin", "end"), ("higher", "lower"), ("high", "low"), ("larger", "smaller"),
        ("large", "small"), ("big", "small"), ("rich", "poor"), ("strong", "weak"), ("friend", "enemy"),
        ("ally", "enemy"), ("ally", "rival"), ("friendly", "hostile"), ("buy", "sell"), ("import", "export"),
        ("lend", "borrow"), ("give", "receive"), ("add", "remove"), ("approve", "reject"), ("approve", "oppose"),
        ("confirm", "deny"), ("welcome", "oppose"), ("welcome", "protest"), ("welcome", "criticise"),
        ("praise", "criticise"), ("praise", "condemn"), ("attract", "repel"), ("positive", "negative"),
        ("close", "distant"), ("signed", "cancelled"), ("sign", "cancel"), ("build", "destroy"),
        ("create", "destroy"), ("legal", "illegal"),
    ];

    private static readonly Dictionary<string, string[]> Irregular = new(StringComparer.Ordinal)
    {
        ["rise"] = ["rose", "risen"], ["fall"] = ["fell", "fallen"], ["grow"] = ["grew", "grown"], ["lose"] = ["lost"],
        ["win"] = ["won"], ["leave"] = ["left"], ["begin"] = ["began", "begun"], ["buy"] = ["bought"], ["sell"] = ["sold"],
        ["give"] = ["gave", "given"], ["take"] = ["took", "taken"], ["build"] = ["built"], ["shrink"] = ["shrank"],
        ["quit"] = ["quitted"], ["lend"] = ["lent"],
    };

    private static readonly (Dictionary<string, HashSet<string>> Stems, Dictionary<string, HashSet<string>> Written) Maps = Build();
    private static readonly Dictionary<string, HashSet<string>> ByStem = Maps.Stems;
    private static readonly Dictionary<string, HashSet<string>> WrittenByStem = Maps.Written;

    /// <summary>The opposites of an analysed term, or null when it has none.</summary>
    public static IReadOnlySet<string>? Of(string term) => ByStem.GetValueOrDefault(term);

    /// <summary>The opposites of an analysed term as they are written ("deteriorated", "worsening"), to recognise one misspelt.</summary>
    public static IReadOnlySet<string>? WrittenOf(string term) => WrittenByStem.GetValueOrDefault(term);

    /// <summary>Whether two analysed terms (stems) are opposites.</summary>
    public static bool AreOpposite(string term, string other) =>
        ByStem.TryGetValue(term, out var opposites) && opposites.Contains(other);

    /// <summary>For each stem of each form of a word, the stems of its opposite's forms and those forms as written.</summary>
    private static (Dictionary<string, HashSet<string>>, Dictionary<string, HashSet<string>>) Build()
    {
        var stems = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var written = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        // The pairs above, and English's antonyms from the dictionary: words of the asking and light words ("more",
        // "less", "new") set no premise.
        static bool Sets(string word) => !EnglishLexicon.IsFrame(word) && !EnglishLexicon.LightWords.Contains(word);
        var dictionary = Synonyms.TryEnglish()?.Opposites.Where(p => Sets(p.A) && Sets(p.B)) ?? [];
        foreach (var (a, b) in Pairs.Concat(dictionary))
        {
            foreach (var (one, other) in new[] { (a, b), (b, a) })
            {
                // The word's forms meet the other's, and the one who does it ("buyer") the one who does the other
                // ("seller"): a buyer is no opposite of selling, but the other side of the same sale.
                foreach (var (ones, others) in new[] { (Inflections(one), Inflections(other).ToList()), (Agent(one), Agent(other).ToList()) })
                {
                    foreach (var stem in Stems(ones))
                    {
                        foreach (var otherStem in Stems(others))
                        {
                            Add(stems, stem, otherStem);
                        }

                        foreach (var form in others)
                        {
                            Add(written, stem, form);
                        }
                    }
                }
            }
        }

        return (stems, written);
    }

    /// <summary>A word's common inflections as written, so "rose" and "rising" meet "fall", "fell" and "falling".</summary>
    private static IEnumerable<string> Inflections(string word) =>
        new[] { word, word + "s", word + "ed", word + "d", word + "ing" }
            .Concat(word.EndsWith('e') ? [word[..^1] + "ing"] : [])
            .Concat(Irregular.TryGetValue(word, out var more) ? more : [])
            .Distinct();

    /// <summary>The one who does what a word says ("buyer", "sellers"), or the word's comparative ("higher").</summary>
    private static IEnumerable<string> Agent(string word) => [word + "er", word + "ers"];

    private static IEnumerable<string> Stems(IEnumerable<string> forms) =>
        forms.SelectMany(PaperBot.Knowledge.Lexical.Bm25Encoder.Analyze).Distinct();

    private static void Add(Dictionary<string, HashSet<string>> map, string a, string b)
    {
        if (!map.TryGetValue(a, out var set))
        {
            map[a] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(b);
    }
}
