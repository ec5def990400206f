using PaperBot.Answering.Language;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Lexical;

namespace PaperBot.Answering.Readings;

/// <summary>What the words after <c>use</c> named: the readings, or what could not be matched (and what was ambiguous).</summary>
public sealed record ReadingChoice(
    bool All,
    IReadOnlyList<PaperDocument> Readings,
    IReadOnlyList<string> Unmatched,
    IReadOnlyList<(string Name, IReadOnlyList<PaperDocument> Candidates)> Ambiguous)
{
    /// <summary>Every name matched exactly one reading (or the words asked for every reading).</summary>
    public bool Resolved => Unmatched.Count == 0 && Ambiguous.Count == 0 && (All || Readings.Count > 0);
}

/// <summary>
/// How people name the loaded readings: by id (<c>london-main-drainage</c>), file name, title, or words of the title,
/// all taken from the readings themselves. Resolves the arguments of <c>use …</c> and finds the readings a question
/// names (so a question about a reading the channel does not use is told so rather than answered from another).
/// </summary>
public static class ReadingNames
{
    /// <summary>The exact names of a reading, folded: its id, its file name with and without extension, its title and main title.</summary>
    public static IReadOnlyList<string> ExactNamesOf(PaperDocument document)
    {
        var names = new List<string> { document.Id, document.DisplayName, ReadingIndex.TitleOf(document) };
        if (document.SourcePath is { Length: > 0 } path)
        {
            names.Add(Path.GetFileName(path));
            names.Add(Path.GetFileNameWithoutExtension(path));
        }

        var title = ReadingIndex.TitleOf(document);
        var colon = title.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            names.Add(title[..colon]);
        }

        return names.Select(Fold).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The words a reading's names are made of (id, file name, title), less the words that frame any question.</summary>
    public static IReadOnlySet<string> WordsOf(PaperDocument document) =>
        new[] { document.Id, Path.GetFileNameWithoutExtension(document.SourcePath ?? string.Empty), ReadingIndex.TitleOf(document) }
            .SelectMany(WordIndex.Split)
            .Where(w => !EnglishLexicon.IsFrame(w))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Resolves what followed <c>use</c>: every reading for "all"; else the whole text as one reading's name, or, when it
    /// is none, its parts separated by commas, semicolons, "and" or "&amp;", and a part that names no reading as a whole
    /// its words one by one. A name matches a reading by an exact name, or when each of its words (those that do not
    /// just frame it, as "the" or "reading") is a word of that reading's names, or begins one; it must match one
    /// reading only. Nothing is chosen unless every name is matched.
    /// </summary>
    public static ReadingChoice Resolve(string arguments, IReadOnlyList<PaperDocument> documents)
    {
        var text = (arguments ?? string.Empty).Trim().TrimEnd('.', '!').Trim();
        if (UseCommand.IsAll(text))
        {
            return new ReadingChoice(true, documents, [], []);
        }

        if (text.Length == 0)
        {
            return new ReadingChoice(false, [], [], []);
        }

        if (Match(text, documents) is { Count: 1 } whole)
        {
            return new ReadingChoice(false, whole, [], []);
        }

        var parts = text.Split([",", ";", "&", " and ", " + "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var chosen = new List<PaperDocument>();
        var unmatched = new List<string>();
        var ambiguous = new List<(string, IReadOnlyList<PaperDocument>)>();
        foreach (var part in parts)
        {
            var matches = Match(part, documents);
            if (matches.Count == 1)
            {
                chosen.Add(matches[0]);
                continue;
            }

            // Several readings in one part, separated by spaces: "use drainage trams".
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !IsFraming(w)).ToList();
            if (words.Count > 1)
            {
                var each = words.Select(w => (Word: w, Matches: Match(w, documents))).ToList();
                if (each.All(e => e.Matches.Count == 1))
                {
                    chosen.AddRange(each.Select(e => e.Matches[0]));
                    continue;
                }

                if (matches.Count == 0)
                {
                    unmatched.AddRange(each.Where(e => e.Matches.Count == 0).Select(e => e.Word));
                    ambiguous.AddRange(each.Where(e => e.Matches.Count > 1).Select(e => (e.Word, e.Matches)));
                    continue;
                }
            }

            if (matches.Count == 0)
            {
                unmatched.Add(part);
            }
            else
            {
                ambiguous.Add((part, matches));
            }
        }

        return new ReadingChoice(false, chosen.Distinct().ToList(), unmatched, ambiguous);
    }

    /// <summary>The readings a name matches: those it names exactly, else those whose names hold each of its words.</summary>
    public static IReadOnlyList<PaperDocument> Match(string name, IReadOnlyList<PaperDocument> documents)
    {
        var folded = Fold(name);
        if (folded.Length == 0)
        {
            return [];
        }

        var exact = documents.Where(d => ExactNamesOf(d).Contains(folded, StringComparer.Ordinal)).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        var words = WordIndex.Split(name).Where(w => !EnglishLexicon.IsFrame(w)).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        return documents
            .Where(d => WordsOf(d) is var own && words.All(w => own.Contains(w) || w.Length >= 4 && own.Any(o => o.StartsWith(w, StringComparison.Ordinal))))
            .ToList();
    }

    /// <summary>
    /// The readings of <paramref name="others"/> a question names: by id or file name, by its title or main title, or
    /// by two or more words of its names that the readings in use (<paramref name="inUse"/>, when given) never use. A
    /// word both readings use names neither.
    /// </summary>
    public static IReadOnlyList<PaperDocument> NamedIn(string question, IReadOnlyList<PaperDocument> others, ReadingIndex? inUse)
    {
        var folded = " " + Fold(question) + " ";
        var questionWords = WordIndex.Split(question).Where(w => !EnglishLexicon.IsFrame(w)).ToHashSet(StringComparer.Ordinal);
        var named = new List<PaperDocument>();
        foreach (var document in others)
        {
            if (ExactNamesOf(document).Any(n => folded.Contains(" " + n + " ", StringComparison.Ordinal)))
            {
                named.Add(document);
                continue;
            }

            var own = WordsOf(document);
            var distinctive = questionWords.Count(w => own.Contains(w) && inUse?.HasWord(w) != true);
            if (distinctive >= 2)
            {
                named.Add(document);
            }
        }

        return named;
    }

    /// <summary>A reading as a person reads it in a list: <c>“Title” (id)</c>.</summary>
    public static string Label(PaperDocument document) => $"“{ReadingIndex.TitleOf(document)}” ({document.Id})";

    /// <summary>Lower case, quotes and dashes folded, punctuation other than hyphens and dots made spaces, whitespace collapsed.</summary>
    private static string Fold(string text)
    {
        var normalised = ReadingIndex.Normalise(text);
        var chars = normalised.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '_' ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
    }

    private static bool IsFraming(string word) => WordIndex.Split(word).All(EnglishLexicon.IsFrame);
}
