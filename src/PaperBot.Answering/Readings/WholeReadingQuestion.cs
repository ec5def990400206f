using System.Text.RegularExpressions;

namespace PaperBot.Answering.Readings;

/// <summary>What a question about a reading as a whole asks for.</summary>
public enum ReadingAspect
{
    None,
    Overview,
    Conclusion,
    Ending,
    Abstract,
    Introduction,
    Structure,
    Method,
    Author,
    Date,
    Venue,
    Title,

    /// <summary>Other details of publication (funding, affiliation, DOI, a reference to cite): never in a reading's text.</summary>
    Publication,
}

/// <summary>
/// Recognises questions about a reading as a whole ("What's the thesis?", "How does the article end?", "Who wrote
/// it?") in any wording a student uses, and what part of the reading answers each. The words that name the aspect
/// are returned too, so the rest of the question can be told apart: "What does the abstract say the study
/// examines?" is about the abstract, but asks something specific in it.
/// </summary>
public static partial class WholeReadingQuestion
{
    /// <summary>
    /// Whether the question asks for the reading's aim, thesis or question ("the central question", "its main aim"),
    /// whatever part it names: "According to the introduction, what is the central question?" asks for the sentence
    /// of the introduction that poses it, not for the introduction's opening.
    /// </summary>
    public static bool AsksForAim(string question) => Overview().IsMatch(question.Trim().ToLowerInvariant().Replace('’', '\''));

    public static (ReadingAspect Aspect, string Matched) Recognise(string question)
    {
        var q = question.Trim().ToLowerInvariant().Replace('’', '\'');
        if (!Cue().IsMatch(q))
        {
            return (ReadingAspect.None, string.Empty); // most questions are about a subject: one cheap look settles it
        }

        foreach (var (aspect, keywords, pattern) in Patterns)
        {
            if (!keywords.Any(k => q.Contains(k, StringComparison.Ordinal)))
            {
                continue;
            }

            var match = pattern.Match(q);
            if (match.Success)
            {
                return (aspect, match.Value);
            }
        }

        return (ReadingAspect.None, string.Empty);
    }

    /// <summary>Each aspect's pattern, and words one of which it cannot match without (a cheap look first).</summary>
    private static readonly (ReadingAspect Aspect, string[] Keywords, Regex Pattern)[] Patterns =
    [
        (ReadingAspect.Publication, ["fund", "financ", "sponsor", "paid", "grant", "affiliat", "doi", "isbn", "issn", "page", "review", "bibliograph", "citation", "cite", "reference", "university", "institution", "department", "organi"], Publication()),
        (ReadingAspect.Author, ["who", "author", "writer", "whom"], Author()),
        (ReadingAspect.Venue, ["journal", "publication", "magazine", "conference", "publisher", "press", "outlet", "venue", "publish"], Venue()),
        (ReadingAspect.Date, ["publish", "written", "come out", "released", "appear", "publication", "year", "how old", "date", " from"], Date()),
        (ReadingAspect.Title, ["title", "called", "name"], Title()),
        (ReadingAspect.Method, ["method", "approach", "design", "sources", "evidence", "data", "interview", "survey", "fieldwork", "research", "study", "investigat", "collect", "gather", "analy"], Method()),
        (ReadingAspect.Structure, ["organi", "structur", "laid out", "divided", "arranged", "set out", "outline", "layout", "sections", "parts", "chapters"], Structure()),
        (ReadingAspect.Abstract, ["abstract"], Abstract()),
        (ReadingAspect.Introduction, ["introduction", "open", "begin", "start"], Introduction()),
        (ReadingAspect.Ending, ["end", "finish", "close", "wrap", "final", "last", "closing"], Ending()),
        (ReadingAspect.Conclusion, ["conclu", "finding", "result", "takeaway", "take-away", "find", "found", "show", "discover", "outcome", "upshot", "bottom line", "in the end"], Conclusion()),
        (ReadingAspect.Overview, ["about", "on", "argue", "claim", "examine", "investigate", "explore", "study", "discuss", "analy", "try to", "gist", "thesis", "tl", "summar", "synopsis", "overview", "picture", "crux", "main", "central", "key", "core", "overall", "principal", "primary", "chief", "purpose", "aim", "objective", "goal", "subject", "topic", "focus", "research", "question", "problem", "set out", "seek", "want", "sentence", "line", "nutshell", "word", "sum "], Overview()),
    ];

    /// <summary>Words without one of which no aspect pattern can match.</summary>
    [GeneratedRegex(@"paper|article|text|stud|reading|essay|piece|chapter|report|document|author|writer|work|wrote|written|publish|journal|conference|venue|title|called|method|approach|sources|evidence|data|interview|survey|fieldwork|section|part|chapter|structur|organi|outline|abstract|introduction|open|begin|start|end|finish|close|final|last|conclu|finding|result|takeaway|outcome|upshot|bottom line|gist|thesis|tl;?dr|summar|synopsis|overview|picture|crux|main|central|key|core|overall|principal|primary|chief|purpose|aim|objective|goal|subject|topic|focus|research|question|problem|sentence|line|nutshell|word|sum|fund|financ|sponsor|paid|grant|affiliat|doi|isbn|issn|page|review|bibliograph|citation|cite|reference|university|institution|department")]
    private static partial Regex Cue();

    /// <summary>A reading, as a question names it: "the paper", "this article", "the Lisbon-Porto paper", "this short essay".</summary>
    private const string Reading = @"(the |this |that )?([\w'\-]+ ){0,2}?(paper|article|text|study|reading|essay|piece|chapter|report|document|author|authors|writer|work)";

    [GeneratedRegex(@"\b(who|what) (funded|financed|sponsored|paid for)\b|\b(funding|sponsor|sponsors|grant|grants|affiliation|affiliated|doi|isbn|issn|page numbers?|how many pages|peer[- ]reviewed|bibliograph\w*|citation for|cite (it|this|the paper|the article)|(full )?reference for)\b|\b(which|what) (university|institution|department|organi[sz]ation) (is|was|does) (the author|the writer|it|this)\b")]
    private static partial Regex Publication();

    [GeneratedRegex(@"\bwho (wrote|writes|authored|is the author of|are the authors of|penned)\b|\b(the |its )?(author|authors|writer)('s|s')? (name|names)\b|\bwho('s| is| are) (the |its )?(author|authors|writer)s?\b|\bwritten by (who|whom)\b|\bby whom\b|\bname of the author\b")]
    private static partial Regex Author();

    [GeneratedRegex(@"\b(which|what) (journal|publication|magazine|conference|publisher|press|outlet|venue)\b|\bwhere (was|is|did) " + Reading + @"? ?(published|appear|come out|printed)\b|\bpublished (in|by) (which|what)\b|\b(journal|venue|publisher) (is|was) (it|this|the paper)\b|\bwhat journal\b")]
    private static partial Regex Venue();

    [GeneratedRegex(@"\bwhen (was|is|did) (it|this|that|" + Reading + @") (published|written|come out|released|appear)\b|\b(publication|publishing) (date|year)\b|\b(what|which) year (was|is|did) (it|this|that|" + Reading + @") (published|written|come out)\b|\bhow old is " + Reading + @"\b|\bdate of (publication|the paper|the article)\b|\bwhen (was|is) " + Reading + @" from\b")]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(what('s| is)|what was) (the )?(title|name) of " + Reading + @"\b|\bwhat('s| is) (it|" + Reading + @") called\b|\b(its|the paper's|the article's) title\b|^(what('s| is) )?the title\b|\bwhat is the title\b")]
    private static partial Regex Title();

    [GeneratedRegex(@"\b(method|methods|methodology|methodological|research design|approach)\b.*\b(paper|article|study|author|it|use|used|uses|take|took|follow|research)\b|\b(paper|article|study|author|it)\b.*\b(method|methods|methodology|research design)\b|\bhow did (the author|the authors|they|the study|the paper) (research|study|investigate|collect|gather|analy[sz]e)\b|\b(what|which) (kinds? of )?(sources|evidence|data)\b.*\b(draw|use|rely|based|study|paper|author)\b|\b(interviews|surveys|fieldwork)\b.*\b(paper|study|author|use)\b")]
    private static partial Regex Method();

    [GeneratedRegex(@"\bhow (is|was) (the (rest|remainder) of )?" + Reading + @" (organi[sz]ed|structured|laid out|divided|arranged|set out)\b|\b(structure|outline|organi[sz]ation|layout) of " + Reading + @"\b|\bwhat (sections|parts|chapters) (does|did) " + Reading + @" (have|contain|include)\b|\bhow many (sections|parts|chapters)\b|\bwhat are the (sections|parts|chapters)\b")]
    private static partial Regex Structure();

    [GeneratedRegex(@"\b(the |its |in the )abstract\b|^abstract\b")]
    private static partial Regex Abstract();

    [GeneratedRegex(@"\b(the |its |in the )introduction\b(?! of)|^introduction\b|\bhow does " + Reading + @" (open|begin|start)\b|\bwhat does " + Reading + @" (open|begin|start) with\b|\bopening (section|paragraph|part)\b")]
    private static partial Regex Introduction();

    [GeneratedRegex(@"\bhow does (it|" + Reading + @") (end|finish|close|wrap up)\b|\bwhat does " + Reading + @" (end|finish|close) (with|on)\b|\b(final|last|closing) (words|sentence|lines|paragraph|point|thought)s?\b|\bthe ending\b")]
    private static partial Regex Ending();

    [GeneratedRegex(@"\b(the |its |in the |paper's |article's |study's |author's )conclusions?\b|^conclusions?\b|\b(paper|article|study|author|authors|it|reading|essay|text)( \w+)? conclude[sd]?\b|\b(what|how) (does|did) (it|" + Reading + @") conclude\b|\b(main |key |major |its |the )(findings|results|takeaways?|take-aways?)\b|\bwhat (did|does) " + Reading + @" (find|found|show|discover)\b|\bwhat (is|are) the (outcome|upshot|bottom line)\b|\bin the end\b")]
    private static partial Regex Conclusion();

    [GeneratedRegex(@"\bwhat('s| is| was) " + Reading + @" (about|on)\b|\bwhat (is|does|was|did) (it|this|" + Reading + @")( mainly| mostly| actually| really)? (about|argue|argues|claim|examine|examines|investigate|explore|study|discuss|analy[sz]e|try to (show|do|answer|prove))\b|\b(gist|thesis|tl;?dr|tldr|summary|synopsis|overview|big picture|crux)\b|\b(main|central|key|core|overall|principal|primary|chief) (argument|point|idea|claim|message|theme|focus|topic|question|thesis|aim|objective|goal|contention|purpose|concern|subject)s?\b|\b(purpose|aim|objective|goal|objectives|aims|goals|subject|topic|focus) of " + Reading + @"\b|\bresearch (question|questions|problem|objective|objectives|aim|aims|puzzle)\b|\b(question|questions|problem) (does|did) " + Reading + @" (set out|try|seek|aim|want)\b|\bwhat (does|did) " + Reading + @" (set out|try|seek|aim|want) to\b|\bin (a|one) (sentence|line|nutshell|word)\b|\bsum (it|this|the paper) up\b|\bsummari[sz]e (it|this|the paper|the article|the study|the reading)\b")]
    private static partial Regex Overview();
}
