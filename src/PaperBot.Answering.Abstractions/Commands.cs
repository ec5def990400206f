namespace PaperBot.Answering;

/// <summary>
/// What a person asks of the bot, parsed once by <see cref="CommandParser"/> (or built typed by a front end: a
/// "Show answer" button is a <see cref="RevealCommand"/>, never the text "reveal …"). <see cref="Text"/> is how the
/// request reads: what the person typed, or the canonical form of a command a front end built.
/// </summary>
public abstract record Command
{
    /// <summary>What the person typed, when the command was parsed from text.</summary>
    public string? Typed { get; init; }

    /// <summary>How the request reads (the answer's question).</summary>
    public string Text => Typed ?? Canonical;

    /// <summary>The command written out as a person would type it.</summary>
    protected abstract string Canonical { get; }
}

/// <summary>A question about the readings: everything that is not one of the commands below.</summary>
public sealed record QuestionCommand(string Question) : Command
{
    protected override string Canonical => Question;
}

/// <summary>How to ask, with example questions drawn from the readings.</summary>
public sealed record HelpCommand : Command
{
    protected override string Canonical => "help";
}

/// <summary>The readings' sections, as an outline.</summary>
public sealed record SectionsCommand : Command
{
    protected override string Canonical => "sections";
}

/// <summary>A summary of one section (its id, or with several readings <c>reading-id:section-id</c>), or of every reading when null.</summary>
public sealed record SummaryCommand(string? Section = null) : Command
{
    protected override string Canonical => Section is null ? "summary" : $"summary {Section}";
}

/// <summary>The dated events of the readings, in order.</summary>
public sealed record TimelineCommand : Command
{
    protected override string Canonical => "timeline";
}

/// <summary>The acronyms and terms the readings define.</summary>
public sealed record GlossaryCommand : Command
{
    protected override string Canonical => "glossary";
}

/// <summary>What a term stands for, as the readings define it.</summary>
public sealed record DefineCommand(string Term) : Command
{
    protected override string Canonical => $"define {Term}";
}

/// <summary>A quiz question from one section, or from anywhere when null.</summary>
public sealed record QuizCommand(string? Section = null) : Command
{
    protected override string Canonical => Section is null ? "quiz" : $"quiz {Section}";
}

/// <summary>The hidden answer of a quiz question asked earlier.</summary>
public sealed record RevealCommand(string QuizId) : Command
{
    protected override string Canonical => $"reveal {QuizId}";
}

/// <summary>The loaded readings.</summary>
public sealed record SourcesCommand : Command
{
    protected override string Canonical => "sources";
}

/// <summary>
/// Chooses the readings a channel answers from: <c>use london-main-drainage</c>, <c>use drainage, trams</c>, or
/// <c>use all</c> for every reading. <see cref="Readings"/> is what was typed after "use"; the answer service resolves
/// it against the loaded readings (ids, file names, title words).
/// </summary>
public sealed record UseCommand(string Readings) : Command
{
    /// <summary>True for <c>use all</c> (or "every reading", "everything"): back to every loaded reading.</summary>
    public bool All => IsAll(Readings);

    protected override string Canonical => Readings.Length == 0 ? "use" : $"use {Readings}";

    /// <summary>Whether the words after "use" ask for every reading.</summary>
    public static bool IsAll(string readings) =>
        readings.Trim().TrimEnd('.', '!').Trim().ToLowerInvariant() is "all" or "*" or "everything" or "every reading" or "all readings" or "all the readings" or "every one" or "all of them";
}

/// <summary>The one parser of typed text into a <see cref="Command"/>, for every front end.</summary>
public static partial class CommandParser
{
    /// <summary>The longest quiz id a reveal accepts.</summary>
    public const int MaxQuizIdLength = 40;

    /// <summary>
    /// A command when the text is one ("help", "summary 3.II", "define RLNG", "quiz", "reveal 4f2a"), else a
    /// question. A word that starts a question ("summary of the findings") is a command only when what follows is
    /// nothing or a section reference ("3.II", "section 3.II", "§3.II").
    /// </summary>
    public static Command Parse(string text)
    {
        var trimmed = (text ?? string.Empty).Trim().TrimEnd('?', '.', '!').Trim();
        var whole = trimmed.ToLowerInvariant();
        if (whole is "help" or "/help" or "?" or "commands" or "menu")
        {
            return new HelpCommand { Typed = text };
        }

        if (whole is "sections" or "outline" or "contents" or "table of contents")
        {
            return new SectionsCommand { Typed = text };
        }

        // "What is section 3 about?", "what does part 2 cover": a summary of that section, asked as a question.
        if (AboutASection().Match(whole) is { Success: true } about)
        {
            return new SummaryCommand(about.Groups["id"].Value) { Typed = text };
        }

        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var word = (space < 0 ? trimmed : trimmed[..space]).TrimStart('/').ToLowerInvariant();
        var rest = space < 0 ? string.Empty : trimmed[(space + 1)..].Trim();
        Command? command = word switch
        {
            "summary" or "summarise" or "summarize" when IsSectionReference(rest) => new SummaryCommand(SectionOrNull(rest)),
            "timeline" or "chronology" when rest.Length == 0 => new TimelineCommand(),
            "glossary" or "acronyms" when rest.Length == 0 => new GlossaryCommand(),
            "define" when rest.TrimEnd(':').Trim().Length > 0 => new DefineCommand(rest.TrimEnd(':').Trim()),
            "quiz" when IsSectionReference(rest) => new QuizCommand(SectionOrNull(rest)),
            "reveal" or "answer" when rest.Length is > 0 and <= MaxQuizIdLength && !rest.Contains(' ', StringComparison.Ordinal) => new RevealCommand(rest),
            "sources" or "readings" or "documents" when rest.Length == 0 => new SourcesCommand(),
            "use" when IsUseCommand(text ?? string.Empty, rest) => new UseCommand(rest),
            _ => null,
        };
        return command is null ? new QuestionCommand(text ?? string.Empty) : command with { Typed = text };
    }

    /// <summary>
    /// The words that, right after "use", make it the noun of a question ("use of force", "use in the paper",
    /// "use by the council") rather than the verb of a command, which takes the readings as its object.
    /// </summary>
    private static readonly HashSet<string> NounUseFollowers = new(StringComparer.Ordinal)
    {
        "of", "in", "on", "for", "to", "by", "as", "with", "at", "from", "about", "against", "during", "and", "or",
        "is", "are", "was", "were", "does", "did", "do", "has", "have", "had", "can", "could", "would", "should",
        "will", "might", "may", "there", "case", "cases",
    };

    /// <summary>
    /// "use …" is the command when it reads as one: "use" alone or with what to use, typed as an instruction. It stays
    /// a question when it asks (a question mark) or when "use" is a noun, followed by a preposition or a verb
    /// ("use of force in the paper?", "use of sanctions", "use cases of the index"). A command whose readings match nothing
    /// is answered with what did not match and the list of readings, never dropped.
    /// </summary>
    public static bool IsUseCommand(string typed, string rest)
    {
        if (typed.TrimEnd().EndsWith('?'))
        {
            return false;
        }

        if (rest.Length == 0)
        {
            return true;
        }

        var next = rest.Split([' ', ',', ';', ':'], 2, StringSplitOptions.RemoveEmptyEntries)[0].ToLowerInvariant();
        return !NounUseFollowers.Contains(next);
    }

    /// <summary>Nothing, or one word after an optional "section", "§" or "of": a section reference.</summary>
    public static bool IsSectionReference(string rest) =>
        rest.Length == 0 || SectionReference(rest).Split(' ').Length == 1;

    /// <summary>The section id of a reference: "of section 3.II" → "3.II".</summary>
    public static string SectionReference(string rest)
    {
        var value = rest.Trim();
        foreach (var prefix in new[] { "of section ", "section ", "of §", "§", "of " })
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                value = value[prefix.Length..].Trim();
                break;
            }
        }

        return value;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^((what|which) (is|was|does|did) (the )?|(can you |could you |please )?(summari[sz]e|explain|describe) (the )?|(tell me |what's )?(about )?(the )?)(section|part|chapter|§) ?(?<id>\d{1,2}(\.[0-9ivx]{1,4})?|[ivx]{1,4})( of (the|this) (paper|article|reading|text|study))?( (about|cover|covers|discuss|discusses|say|says|deal with|talk about|argue|explain|describe|examine|focus on|all about))?$")]
    private static partial System.Text.RegularExpressions.Regex AboutASection();

    private static string? SectionOrNull(string rest) => SectionReference(rest) is { Length: > 0 } id ? id : null;
}
