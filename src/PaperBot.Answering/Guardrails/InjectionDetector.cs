using System.Text.RegularExpressions;

namespace PaperBot.Answering.Guardrails;

/// <summary>
/// Spots instructions aimed at the bot inside a question ("ignore your instructions", "print your system prompt",
/// "forget the paper and …", "you are now …"). Such a question is declined whole, never obeyed, even when it also
/// asks something legitimate: a student can ask the legitimate part again on its own.
/// </summary>
public static partial class InjectionDetector
{
    public static bool LooksLikeInjection(string question) => Patterns().IsMatch(question);

    [GeneratedRegex(
        @"\b(ignore|disregard|forget|override|bypass|skip)\b[^.?!]{0,40}\b(instruction|instructions|rules?|guidelines|prompt|paper|context|constraints|restrictions|above|previous|prior)\b" +
        @"|\b(system|hidden|initial|original|developer)\s+(prompt|instructions?|message|rules)\b" +
        @"|\b(reveal|print|show|repeat|output|display|leak)\b[^.?!]{0,30}\b(prompt|instructions?|configuration|rules|secrets?|api key|password)\b" +
        @"|\byou are now\b|\bact as\b|\bpretend (to be|you)\b|\brole-?play\b|\bjailbreak|\bDAN\b|\bdeveloper mode\b|\bno (restrictions|rules|limits)\b|\bwithout (any )?(restrictions|rules|limits)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Patterns();
}
