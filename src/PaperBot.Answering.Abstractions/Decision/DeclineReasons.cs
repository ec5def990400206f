using System.Globalization;

namespace PaperBot.Answering.Decision;

/// <summary>Why a question was declined: machine-readable, in the answer JSON, the log line and the evaluation.</summary>
public static class DeclineReasons
{
    public const string Input = "input";
    public const string Injection = "injection";
    public const string OffTopic = "off_topic";
    public const string AbsentSubject = "absent_subject";
    public const string UnsupportedTerms = "unsupported_terms";
    public const string FalsePremise = "false_premise";
    public const string NoPassage = "no_passage";
    public const string NotStated = "not_stated";
    public const string ModelDeclined = "model_declined";
    public const string UnknownSection = "unknown_section";
    public const string UnknownQuiz = "unknown_quiz";
    public const string NotDefined = "not_defined";
    public const string NothingToList = "nothing_to_list";

    /// <summary>The question names a loaded reading the channel (or request) does not use; the evidence names it and those in use.</summary>
    public const string ReadingNotInUse = "reading_not_in_use";

    /// <summary><c>use …</c> (or <c>--reading</c>, <c>readings</c>) named something that is no loaded reading, or more than one.</summary>
    public const string UnknownReading = "unknown_reading";

    /// <summary>A setting could not be kept because the store is away (the reply says nothing changed).</summary>
    public const string StoreUnavailable = "store_unavailable";
}

/// <summary>One observation behind a decision: what was measured, the value, and the threshold it was held to.</summary>
public sealed record Evidence(string Measure, double Value, double? Threshold = null, string? Detail = null)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Measure} = {Value:0.###}{(Threshold is { } t ? $" (threshold {t:0.###})" : string.Empty)}{(Detail is null ? string.Empty : $": {Detail}")}");
}
