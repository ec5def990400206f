using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperBot.Reporting.Rendering;

/// <summary>
/// The report as JSON: camelCase, the property names of <see cref="StudyReport"/> and its records (stable: tools read
/// them), days as <c>yyyy-MM-dd</c>, times as ISO 8601, shares as fractions of 1.
/// </summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(StudyReport report) => JsonSerializer.Serialize(Document.From(report), Options);

    public static StudyReport? Deserialize(string json) => JsonSerializer.Deserialize<Document>(json, Options)?.ToReport();

    /// <summary>The report with <c>isEmpty</c> spelled out for readers that do not compute it.</summary>
    private sealed record Document(
        DateTimeOffset Since,
        DateTimeOffset Until,
        string Window,
        bool IsEmpty,
        ReportTotals Totals,
        IReadOnlyList<FrontEndTotals> FrontEnds,
        IReadOnlyList<DayCount> Days,
        IReadOnlyList<SectionCount> TopSections,
        IReadOnlyList<DeclineGroup> Declines,
        IReadOnlyList<DislikedAnswer> Disliked)
    {
        public static Document From(StudyReport r) =>
            new(r.Since, r.Until, r.Window, r.IsEmpty, r.Totals, r.FrontEnds, r.Days, r.TopSections, r.Declines, r.Disliked);

        public StudyReport ToReport() => new(Since, Until, Window, Totals, FrontEnds, Days, TopSections, Declines, Disliked);
    }
}
