using System.Text.RegularExpressions;
using PaperBot.Knowledge.Lexical;

namespace PaperBot.Answering.Guardrails;

/// <summary>The kind of fact a question asks for.</summary>
public enum AnswerType
{
    Other,
    Date,
    Person,
    Amount,
    Place,
    Reason,
    Definition,
    Quote,
}

/// <summary>What a question is made of, for the guardrails and the composer.</summary>
public sealed record QuestionAnalysis(
    string Question,
    AnswerType AnswerType,
    IReadOnlyList<string> ContentTerms,
    IReadOnlyList<string> UnknownTerms,
    IReadOnlyList<string> Subjects,
    IReadOnlyList<string> AbsentSubjects)
{
    /// <summary>Share of the question's content terms that occur in the readings.</summary>
    /// <summary>
    /// Whether the question takes an event or thing for granted ("Why did …", "How did … affect", "How many … did")
    /// rather than asking whether it happened.
    /// </summary>
    public bool Presupposes => QuestionAnalyzer.PresupposingForm(Question);

    /// <summary>Share of the content terms the readings never use.</summary>
    public double UnknownShare => ContentTerms.Count == 0 ? 0 : (double)UnknownTerms.Count / ContentTerms.Count;

    public double Coverage => ContentTerms.Count == 0 ? 0 : 1.0 - ((double)UnknownTerms.Count / ContentTerms.Count);
}

/// <summary>
/// Reads a question: which words carry its content, which of them the readings never use, which names, numbers
/// and acronyms it is about (and whether the readings mention them), and what type of answer it expects.
/// </summary>
public static partial class QuestionAnalyzer
{
    /// <summary>Words about the asking, not about the subject ("what does the paper say about …").</summary>
    private static readonly HashSet<string> MetaTerms = new(StringComparer.Ordinal)
    {
        "paper", "articl", "author", "studi", "text", "document", "read", "say", "mention", "tell", "explain", "describ",
        "accord", "discuss", "write", "written", "claim", "argu", "doe", "did", "do", "what", "who", "whom", "whose",
        "when", "where", "why", "how", "which", "much", "mani", "can", "could", "would", "should", "i", "me", "my", "you",
        "your", "we", "our", "about", "between", "happen", "plai", "role", "us", "give", "list", "name", "main", "kei",
        "also", "ani", "some", "from", "have", "ha", "had", "were", "been", "being", "did", "question",
    };

    private static readonly HashSet<string> QuestionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "who", "whom", "whose", "when", "where", "why", "how", "which", "did", "does", "do", "is", "are", "was",
        "were", "can", "could", "would", "should", "has", "have", "had", "will", "in", "on", "at", "according", "tell",
        "explain", "describe", "list", "name", "give", "summarize", "summarise", "and", "but", "so", "since", "for",
        "by", "from", "under", "through", "against", "whom", "of", "to", "the", "a", "an", "i", "if", "please", "define",
    };

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyDictionary<string, string>, HashSet<string>> AliasTermCache = [];

    /// <summary>The analysed terms of the alias names, worked out once per alias table.</summary>
    private static HashSet<string> AliasTerms(IReadOnlyDictionary<string, string> aliases) =>
        AliasTermCache.GetValue(aliases, a => a.Keys.SelectMany(Bm25Encoder.Analyze).ToHashSet(StringComparer.Ordinal));

    public static QuestionAnalysis Analyze(string question, PaperVocabulary vocabulary, IReadOnlyDictionary<string, string>? aliases = null)
    {
        aliases ??= new Dictionary<string, string>();
        var terms = Bm25Encoder.Analyze(question).Where(t => !MetaTerms.Contains(t)).Distinct().ToList();
        var aliasTerms = AliasTerms(aliases);
        var unknown = terms.Where(t => !vocabulary.ContainsTerm(t) && !aliasTerms.Contains(t) && !t.All(char.IsDigit)).ToList();
        var subjects = ExtractSubjects(question);
        var absent = subjects.Where(s => IsAbsent(s, vocabulary, aliases)).ToList();
        return new QuestionAnalysis(question, DetectAnswerType(question), terms, unknown, subjects, absent);
    }

    /// <summary>
    /// A subject is absent when the readings never print it, it is no alias of something they print, and (for a
    /// phrase) at least one of its words is missing too: "Imran Khan" is absent, "Pakistani Prime Minister" is not.
    /// </summary>
    private static bool IsAbsent(string subject, PaperVocabulary vocabulary, IReadOnlyDictionary<string, string> aliases)
    {
        if (vocabulary.ContainsPhrase(subject) || aliases.ContainsKey(subject))
        {
            return false;
        }

        var words = subject.Split([' ', '–', '—'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 1 || words.Any(w => !vocabulary.ContainsPhrase(w) && !aliases.ContainsKey(w));
    }

    /// <summary>
    /// Names, acronyms, numbers and quoted phrases: runs of capitalised words ("Imran Khan"), words with capitals or
    /// digits inside ("S-400", "Su-35", "NSGP"), and text in quotes. The question's first word counts only when it
    /// is not an ordinary question word.
    /// </summary>
    public static IReadOnlyList<string> ExtractSubjects(string question)
    {
        var subjects = new List<string>();
        foreach (Match quoted in Quoted().Matches(question))
        {
            subjects.Add(quoted.Groups[1].Value.Trim());
        }

        var matches = Words().Matches(question).ToList();
        var words = matches.Select(m => m.Value).ToList();
        var sentenceStarts = matches.Select(m => m.Index == 0 || IsAfterSentenceEnd(question, m.Index)).ToList();
        var run = new List<string>();
        void Flush()
        {
            if (run.Count > 0)
            {
                subjects.Add(string.Join(' ', run));
                run.Clear();
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].TrimEnd('\'', '’').Replace("’s", string.Empty, StringComparison.Ordinal).Replace("'s", string.Empty, StringComparison.Ordinal);
            var hasDigit = word.Any(char.IsDigit);
            var isAcronym = word.Count(char.IsUpper) >= 2;
            var isCapitalised = word.Length > 1 && char.IsUpper(word[0]);
            var ordinaryFirst = sentenceStarts[i] && !isAcronym && !hasDigit;
            if (ordinaryFirst || QuestionWords.Contains(word) && !isAcronym)
            {
                Flush();
                continue;
            }

            if (hasDigit && word.All(c => char.IsDigit(c) || c is ',' or '.'))
            {
                Flush();
                subjects.Add(word); // a bare number or year
                continue;
            }

            if (isCapitalised || isAcronym || hasDigit)
            {
                run.Add(word);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return subjects.Where(s => s.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static bool PresupposingForm(string question) => Presupposing().IsMatch(question.Trim());

    [GeneratedRegex(@"^(why (did|does|do|was|were|has|have|had)|how (did|does|do|has|have)|how (many|much)\b.*\b(did|does|do|has|have|had)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Presupposing();

    private static bool IsAfterSentenceEnd(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '?' or '!' or ':' or ';';
    }

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

        if (Definition().IsMatch(q))
        {
            return AnswerType.Definition;
        }

        return AnswerType.Other;
    }

    [GeneratedRegex(@"^what (did|does|do|has|have) .{2,60}\b(say|said|state|stated|argue|think|tell|declare|remark)\b|\bwho (said|stated|argued|declared)\b")]
    private static partial Regex Said();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[""“‘']([^""”’']{2,80})[""”’'](?![\p{L}\p{N}])")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-’'.]*[\p{L}\p{N}]|[\p{L}\p{N}]")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(when\b|in (what|which) (year|month)|what (year|date|month)|since when|how long ago|on what date)|\bwhat year\b")]
    private static partial Regex When();

    [GeneratedRegex(@"\bhow (much|many|large|big|long|far|high|low|often)\b|\bwhat (is|was) the (cost|price|value|worth|size|capacity|length|share|amount)\b|\bby how much\b")]
    private static partial Regex HowMuch();

    [GeneratedRegex(@"^(who|whom|whose)\b|\bwhich (person|leader|minister|president|official|ruler|ambassador)\b")]
    private static partial Regex Who();

    [GeneratedRegex(@"^where\b|\bin which (province|city|country|region|place)\b|\bwhat (place|province|city|region)\b")]
    private static partial Regex Where();

    [GeneratedRegex(@"^(why|how come)\b|\bwhat (made|makes|pushed|drove|led|caused|convinced)\b|\breasons?\b")]
    private static partial Regex Why();

    [GeneratedRegex(@"^(what|who) (is|are|was|were) (the |an? )?[\w\-]+\??$|\bstand for\b|\bmean\b|^define\b")]
    private static partial Regex Definition();
}
