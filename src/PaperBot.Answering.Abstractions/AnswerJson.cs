using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperBot.Answering;

/// <summary>JSON as every front end writes it (CLI <c>--json</c>, HTTP): camelCase, nulls left out, letters kept readable.</summary>
public static class PaperBotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>
/// The JSON shape of an answer that other tools read (CLI <c>ask --json</c>, HTTP <c>/api/ask</c>); field names are
/// a contract.
/// </summary>
public sealed record AnswerJson(
    string Question,
    string Status,
    string Answer,
    IReadOnlyList<CitationJson> Citations,
    string Mode,
    double ElapsedMs,
    string Id,
    string Kind,
    IReadOnlyList<string>? Suggestions,
    Grounding? Grounding,
    string? Interpretation,
    QuizJson? Quiz = null,
    string? Reason = null,
    IReadOnlyList<EvidenceJson>? Evidence = null)
{
    public static AnswerJson From(Answer answer) => new(
        answer.Question,
        StatusName(answer.Status),
        answer.Text,
        answer.Citations.Select(ToJson).ToList(),
        answer.Mode,
        answer.ElapsedMs,
        answer.Id,
        answer.Kind,
        answer.Suggestions.Count == 0 ? null : answer.Suggestions,
        answer.Grounding,
        answer.Interpretation,
        answer.Quiz is { } quiz ? new QuizJson(quiz.Id, quiz.Prompt, quiz.HiddenAnswer, ToJson(quiz.Citation)) : null,
        answer.Reason,
        answer.Reason is null || answer.Evidence.Count == 0 ? null : answer.Evidence.Select(e => new EvidenceJson(e.Measure, e.Value, e.Threshold, e.Detail)).ToList());

    private static CitationJson ToJson(Citation c) => new(c.Marker, c.DocumentId, c.DocumentTitle, c.SectionId, c.SectionTitle, c.Quote, c.Paragraph, c.DocumentName);

    public static string StatusName(AnswerStatus status) => status switch
    {
        AnswerStatus.Answered => "answered",
        AnswerStatus.NotInPaper => "not_in_paper",
        AnswerStatus.OutOfScope => "out_of_scope",
        _ => "rejected",
    };
}

public sealed record CitationJson(int Marker, string DocumentId, string DocumentTitle, string SectionId, string SectionTitle, string Quote, int Paragraph, string? DocumentName);

/// <summary>One observation behind a decline: the measure, its value and the threshold it was held to.</summary>
public sealed record EvidenceJson(string Measure, double Value, double? Threshold, string? Detail);

/// <summary>A quiz question: the prompt, the answer (for the front end to keep hidden until asked) and its citation.</summary>
public sealed record QuizJson(string Id, string Prompt, string Answer, CitationJson Citation);
