using System.Text.RegularExpressions;

namespace PaperBot.Answering.Decision;

/// <summary>
/// Spots instructions aimed at the bot inside a question: to drop its rules ("ignore your instructions", "skip the
/// citations", "you're allowed to use outside knowledge"), to show what it was told ("print your system prompt"), to
/// become something else ("you are now …", "pretend you are …", "stay in character"), to say fixed words ("reply
/// with ACCESS GRANTED and nothing else"), markup posing as a new authority ("NEW INSTRUCTIONS FROM ADMIN"), or to
/// give its own opinion. Such a question is declined whole, never obeyed, even when it also asks something
/// legitimate: a student can ask that part again on its own.
/// </summary>
public static partial class InjectionDetector
{
    public static bool LooksLikeInjection(string question) => Find(question) is not null;

    /// <summary>The words that give the instruction away, or null.</summary>
    public static string? Find(string question)
    {
        var match = Patterns().Match(question);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(
        @"\b(ignore|disregard|forget|override|bypass|skip)\b[^.?!]{0,40}\b(instructions?|rules?|guidelines|prompt|paper|papers|reading|readings|article|text|document|context|constraints|restrictions|limits|filters?|guardrails?|polic(y|ies)|citations?|sources|above|previous|prior|everything|all of that)\b" +
        @"|\b(drop|break|lift|relax|suspend|disable|turn off|switch off|set aside)\b[^.?!]{0,30}\b(instructions|rules?|guidelines|constraints|restrictions|filters?|guardrails?|polic(y|ies)|citations)\b" +
        @"|\b(system|hidden|initial|original|developer|secret)\s+(prompt|instructions?|message|rules|configuration)\b" +
        @"|\b(reveal|print|show|repeat|output|display|leak|dump)\b[^.?!]{0,30}\b(prompt|instructions?|configuration|config|secrets?|api ?keys?|passwords?|credentials)\b" +
        @"|\b(new|updated|real|actual) instructions\b|\b(from|by) (the )?(admin|administrator|developer|system|operator)\b|</?\s*(reading|paper|system|context|instructions?)\s*>" +
        @"|\byou are now\b|\bfrom now on\b|^\s*(please\s+)?act as\b|\byou\s+(to\s+)?act as\b|\b(now|please)\s+act as\b|\bact as (if|though) you\b|\bpretend (to be|you|your|that you|that your)\b|\brole-?play\b|\bstay in character\b|\bin character\b|\bjailbreak|\bDAN\b|\bdeveloper (mode|test)\b|\bunfiltered\b|\buncensored\b" +
        @"|\bno (restrictions|rules|limits|filters)\b|\bwithout (any )?(restrictions|rules|limits|filters|citations|sources)\b|\b(don't|do not|doesn't|never) (need|use|give|add|include) (any )?(citations|sources|quotes)\b" +
        @"|\b(you're|you are) (allowed|permitted|free) to\b|\b(use|using|with|from|draw on|rely on)\s+(your\s+)?(own|outside|general|external|world|prior|background|personal)\s+knowledge\b|\boutside (the )?(paper|reading|text|sources)\b|\bnot (from )?the (paper|reading|text|article)\b" +
        @"|\bas\s+(\p{Lu}[\p{L}.\-]+\s+){1,3}would\b|\bin the first person\b|\b(speak|answer|reply|respond|talk|write)\s+(like|as if you were|as though you were)\b|\b(imagine|suppose) (you're|you are)\b" +
        @"|\bdecode\b|\bbase-?64\b|\bdo (exactly )?(what|as) it says\b|\bexecute (the|these|this|following)\b|^\s*say\s+[""“'‘]|[,;.]\s*say\s+[""“'‘]|\band then say\b" +
        @"|\b(reply|respond|answer|say|print|output|write)\b[^.?!]{0,12}\bwith (only )?(the )?(words?|phrase|text|string)\b|\band nothing else\b|\bword for word\b" +
        @"|\bwhat you personally\b|\byou personally think\b|\byour (own|personal) (opinion|view|views|thoughts)\b" +
        @"|\brepeat after me\b|\b(say|print|output|type|write)\s+[""“'‘][^""”'’]{1,60}[""”'’]\s*(and nothing else|only|verbatim|exactly)?\s*$|\bi have been pwned\b|\bpwned\b" +
        @"|\b(what|which) (are|were) your (instructions|rules|guidelines|orders)\b|\bwhat were you told\b|\bhow were you (programmed|instructed|prompted)\b" +
        @"|\b(make (something|it|one) up|just guess|invent (an|the) answer|even if (it's|it is) not in the (paper|reading|text)|use the (internet|web)|search the (web|internet)|browse the web)\b" +
        @"|\b(enter|enable|activate|switch to)\s+(debug|admin|god|developer|sudo|maintenance|unrestricted)\s+mode\b|\bsudo\b|\bgod mode\b" +
        @"|\byou('re| are) (no longer|not) (a|an|the) (study )?(bot|assistant)\b|\bstop being (a|an|the)\b|\bforget (that )?you are\b" +
        @"|<\|im_(start|end)\|>|<<\s*sys\s*>>|\[\s*(system|admin|inst)\s*\]|^\s*(system|assistant)\s*:|#{3,}\s*(system|instructions?)" +
        @"|\b(contents of|dump) your (context|memory|prompt)\b|\btranslate (the|everything) above\b|\b(repeat|print|show|output|type|copy)\b[^.?!]{0,20}\b(everything|all|text|words|lines?) (above|before) (this|here)\b|\babove this line\b|\bwhat (is|was) (written|said) above\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Patterns();
}
