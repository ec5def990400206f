namespace PaperBot.Answering;

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
    string? Interpretation)
{
    public static AnswerJson From(Answer answer) => new(
        answer.Question,
        StatusName(answer.Status),
        answer.Text,
        answer.Citations.Select(c => new CitationJson(c.Marker, c.DocumentId, c.SectionId, c.SectionTitle, c.Quote, c.Paragraph, c.DocumentName)).ToList(),
        answer.Mode,
        answer.ElapsedMs,
        answer.Id,
        answer.Kind,
        answer.Suggestions.Count == 0 ? null : answer.Suggestions,
        answer.Grounding,
        answer.Interpretation);

    public static string StatusName(AnswerStatus status) => status switch
    {
        AnswerStatus.Answered => "answered",
        AnswerStatus.NotInPaper => "not_in_paper",
        AnswerStatus.OutOfScope => "out_of_scope",
        _ => "rejected",
    };
}

public sealed record CitationJson(int Marker, string DocumentId, string SectionId, string SectionTitle, string Quote, int Paragraph, string? DocumentName);
