using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Knowledge.Documents;

/// <summary>The documents that loaded and a one-line warning for each file that did not.</summary>
public sealed record LoadResult(IReadOnlyList<PaperDocument> Documents, IReadOnlyList<string> Warnings);

/// <summary>
/// Loads every reading in a folder. An empty, unreadable or binary file is skipped with a one-line warning and never
/// stops the others from loading.
/// </summary>
public static class DocumentLoader
{
    /// <summary>The file types a reading can have.</summary>
    public static readonly IReadOnlySet<string> SupportedExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".pdf" };

    private const long MaxFileBytes = 20 * 1024 * 1024;

    public static LoadResult LoadFolder(string folder)
    {
        var documents = new List<PaperDocument>();
        var warnings = new List<string>();
        if (!Directory.Exists(folder))
        {
            warnings.Add($"knowledge folder not found: {folder}");
            return new LoadResult(documents, warnings);
        }

        List<string> files;
        try
        {
            files = [.. Directory.EnumerateFiles(folder)
                .Where(f => SupportedExtensions.Contains(Path.GetExtension(f)))
                .OrderBy(f => f, StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"knowledge folder cannot be read: {folder} ({ex.GetType().Name})");
            return new LoadResult(documents, warnings);
        }

        foreach (var file in files)
        {
            var (document, warning) = TryLoadFile(file);
            if (document is not null)
            {
                documents.Add(document);
            }

            if (warning is not null)
            {
                warnings.Add(warning);
            }
        }

        return new LoadResult(documents, warnings);
    }

    /// <summary>The readings of a folder, as <see cref="LoadFolder"/> loads them.</summary>
    /// <exception cref="NoReadingsException">Nothing in the folder can be read (missing, unreadable, empty, or every file skipped); the message names the folder and why, in one line.</exception>
    public static LoadResult LoadReadings(string folder) => RequireReadings(folder, LoadFolder(folder));

    /// <summary>A folder's readings as read already, refused as <see cref="LoadReadings"/> refuses them when there are none.</summary>
    /// <exception cref="NoReadingsException">Nothing in the folder could be read.</exception>
    public static LoadResult RequireReadings(string folder, LoadResult loaded)
    {
        if (loaded.Documents.Count == 0)
        {
            // One line that says it all (the files' own warnings are part of it).
            var reasons = loaded.Warnings.Count == 0 ? "no .pdf, .md or .txt file there" : string.Join("; ", loaded.Warnings);
            throw new NoReadingsException(folder, $"nothing to read in {folder} ({reasons}); add readings there or point Knowledge:Path at them");
        }

        return loaded;
    }

    /// <summary>Loads one file; on failure returns a one-line reason instead.</summary>
    public static (PaperDocument? Document, string? Warning) TryLoadFile(string path)
    {
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
            {
                return (null, $"skipped {name}: larger than {MaxFileBytes / (1024 * 1024)} MB");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"skipped {name}: cannot be read ({ex.GetType().Name})");
        }

        if (bytes.Length == 0)
        {
            return (null, $"skipped {name}: empty file");
        }

        if (Path.GetExtension(path).Equals(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            return LoadPdf(path, bytes);
        }

        if (LooksBinary(bytes))
        {
            return (null, $"skipped {name}: not a text file");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return (null, $"skipped {name}: not valid UTF-8 text");
        }

        if (text.Trim().Length == 0)
        {
            return (null, $"skipped {name}: no text");
        }

        var metadata = ReadSidecar(path, out var sidecarWarning);
        var id = DocumentId(path);
        var displayName = metadata.Title ?? Readable(path);
        var raw = Path.GetExtension(path).Equals(".md", StringComparison.OrdinalIgnoreCase)
            ? MarkdownParser.Parse(text, displayName)
            : PlainTextParser.Parse(text, displayName);
        var sections = SectionAssembler.Assemble(raw);
        if (sections.Count == 0)
        {
            return (null, $"skipped {name}: no paragraphs found");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return (new PaperDocument(id, displayName, metadata, sections, hash, path), sidecarWarning);
    }

    private static (PaperDocument? Document, string? Warning) LoadPdf(string path, byte[] bytes)
    {
        var name = Path.GetFileName(path);
        var metadata = ReadSidecar(path, out var sidecarWarning);
        var displayName = metadata.Title ?? Readable(path);
        IReadOnlyList<Section> sections;
        try
        {
            sections = SectionAssembler.Assemble(PdfParser.Parse(bytes, displayName));
        }
        catch (PdfParser.UnreadablePdfException ex)
        {
            return (null, $"skipped {name}: {ex.Message}");
        }

        if (sections.Count == 0)
        {
            return (null, $"skipped {name}: no paragraphs found");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return (new PaperDocument(DocumentId(path), displayName, metadata, sections, hash, path), sidecarWarning);
    }

    /// <summary>
    /// The name a reading without a title goes by: its file name as words ("week-3-harbour-trams.txt" is "Week 3
    /// Harbour Trams"), since that is what a person called it. A title in the reading's details takes its place.
    /// </summary>
    public static string Readable(string path)
    {
        var words = Path.GetFileNameWithoutExtension(path).Split(['-', '_', ' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0
            ? Path.GetFileName(path)
            : string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    /// <summary>The document id: the file name without its extension, lower case.</summary>
    public static string DocumentId(string path) => Path.GetFileNameWithoutExtension(path).ToLowerInvariant();

    /// <summary>Parses text that is already in memory, as if it were a file of that name (used by tests and tools).</summary>
    public static PaperDocument Parse(string text, string fileName)
    {
        var raw = Path.GetExtension(fileName).Equals(".md", StringComparison.OrdinalIgnoreCase)
            ? MarkdownParser.Parse(text, fileName)
            : PlainTextParser.Parse(text, fileName);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new PaperDocument(DocumentId(fileName), fileName, DocumentMetadata.Empty, SectionAssembler.Assemble(raw), hash, fileName);
    }

    private static bool LooksBinary(byte[] bytes)
    {
        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20))
            {
                control++;
            }
        }

        return control > sample.Length / 20;
    }

    private static DocumentMetadata ReadSidecar(string path, out string? warning)
    {
        warning = null;
        var sidecar = path + ".json";
        if (!File.Exists(sidecar))
        {
            return DocumentMetadata.Empty;
        }

        try
        {
            using var stream = File.OpenRead(sidecar);
            var json = JsonSerializer.Deserialize<SidecarJson>(stream, SidecarOptions);
            return json is null
                ? DocumentMetadata.Empty
                : new DocumentMetadata(
                    string.IsNullOrWhiteSpace(json.Title) ? null : json.Title.Trim(),
                    json.Authors?.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList() ?? [],
                    json.Year,
                    string.IsNullOrWhiteSpace(json.Url) ? null : json.Url.Trim())
                {
                    Venue = string.IsNullOrWhiteSpace(json.Venue) ? null : json.Venue.Trim(),
                    Aliases = (json.Aliases ?? [])
                        .Where(p => !string.IsNullOrWhiteSpace(p.Key) && !string.IsNullOrWhiteSpace(p.Value))
                        .ToDictionary(p => p.Key.Trim(), p => p.Value.Trim(), StringComparer.OrdinalIgnoreCase),
                };
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            warning = $"ignored {Path.GetFileName(sidecar)}: {ex.GetType().Name}";
            return DocumentMetadata.Empty;
        }
    }

    private static readonly JsonSerializerOptions SidecarOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private sealed record SidecarJson(string? Title, List<string>? Authors, int? Year, string? Url, string? Venue, Dictionary<string, string>? Aliases);
}
