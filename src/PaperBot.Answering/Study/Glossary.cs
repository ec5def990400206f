using System.Text.RegularExpressions;
using PaperBot.Knowledge.Documents;

namespace PaperBot.Answering.Study;

/// <summary>
/// An acronym the paper expands, its expansion exactly as printed, and where: the sentence (or, for an acronym the
/// paper introduces in a heading, the heading) that reads "Expansion Words (ACRONYM)".
/// </summary>
public sealed record GlossaryEntry(string Term, string Expansion, string DocumentId, Section Section, int Paragraph, string Quote);

/// <summary>
/// Finds "Expansion Words (ACRONYM)" in the paper: the acronym's letters are matched, right to left, to the initials
/// of the capitalised words before the parenthesis (small words such as of/and/the may be skipped or used; a word
/// may give a second letter from inside it, as Khyber-Pakhtunkhwa gives KPK). The first definition of each acronym
/// counts.
/// </summary>
public static partial class Glossary
{
    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase) { "of", "and", "the", "for", "on", "in", "&" };

    public static IReadOnlyList<GlossaryEntry> Extract(IEnumerable<PaperDocument> documents)
    {
        var entries = new Dictionary<string, GlossaryEntry>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var section in document.Sections)
            {
                // A heading ("North-South Gas Pipeline (NSGP) Project") introduces its acronym before the text does.
                Add(entries, section.Title, document.Id, section, 0);
                foreach (var paragraph in section.Paragraphs)
                {
                    foreach (var sentence in paragraph.Sentences)
                    {
                        Add(entries, sentence.Text, document.Id, section, paragraph.Number);
                    }
                }
            }
        }

        return entries.Values.OrderBy(e => e.Term, StringComparer.Ordinal).ToList();
    }

    /// <summary>The entry for a term ("RLNG", "rlng", "the RLNG", or its expansion), or null.</summary>
    public static GlossaryEntry? Find(IReadOnlyList<GlossaryEntry> glossary, string term)
    {
        var wanted = TextCleaner.FoldForMatching(term).Trim().TrimEnd('?', '.', '!').Trim();
        wanted = LeadingArticle().Replace(wanted, string.Empty).Trim();
        return glossary.FirstOrDefault(e => e.Term.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? glossary.FirstOrDefault(e => TextCleaner.FoldForMatching(e.Expansion).Replace("- ", "-", StringComparison.Ordinal)
                .Equals(wanted.Replace("- ", "-", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
    }

    private static void Add(Dictionary<string, GlossaryEntry> entries, string text, string documentId, Section section, int paragraph)
    {
        foreach (Match match in Language.FactRecognisers.AcronymInBrackets().Matches(text))
        {
            var term = match.Groups["term"].Value;
            if (entries.ContainsKey(term))
            {
                continue;
            }

            var expansion = ExpansionBefore(text[..match.Index], term.TrimEnd('s'));
            if (expansion is not null)
            {
                entries[term] = new GlossaryEntry(term, expansion, documentId, section, paragraph, text);
            }
        }
    }

    /// <summary>The words before the parenthesis whose initials spell the acronym, as printed, or null.</summary>
    internal static string? ExpansionBefore(string before, string acronym)
    {
        var words = Word().Matches(before).ToList();

        // Only the words after the last clause break can be the expansion.
        var stop = words.FindLastIndex(w => w.Index > 0 && ClauseBreak().IsMatch(before[..w.Index].TrimEnd()));
        var window = words.Skip(Math.Max(0, stop)).TakeLast(acronym.Length * 2 + 2).ToList();
        var start = Match(window, window.Count - 1, acronym, acronym.Length);
        if (start < 0)
        {
            return null;
        }

        var first = window[start];
        var last = window[^1];
        return before[first.Index..(last.Index + last.Length)];
    }

    /// <summary>Matches acronym[..letters] to window[..=index] from the right; returns the index of the first word, or -1.</summary>
    private static int Match(List<Match> window, int index, string acronym, int letters)
    {
        if (letters == 0)
        {
            return index + 1;
        }

        if (index < 0)
        {
            return -1;
        }

        var word = window[index].Value;
        var small = SmallWords.Contains(word);
        if (!small && !char.IsUpper(word[0]))
        {
            return -1;
        }

        if (small && index < window.Count - 1)
        {
            var skipped = Match(window, index - 1, acronym, letters);
            if (skipped >= 0 && skipped <= index)
            {
                return skipped;
            }
        }

        // The word gives its initial, and a long word up to two more letters from inside it, in order
        // (Westmarch gives W and M of WMC, Central gives C, E and N of CENTA).
        for (var extra = 0; extra <= Math.Min(2, letters - 1); extra++)
        {
            if (char.ToUpperInvariant(word[0]) != acronym[letters - 1 - extra] || (extra > 0 && word.Length < 4)
                || !IsSubsequence(acronym.Substring(letters - extra, extra), word[1..]))
            {
                continue;
            }

            var used = Match(window, index - 1, acronym, letters - 1 - extra);
            if (used >= 0)
            {
                return used;
            }
        }

        return -1;
    }

    private static bool IsSubsequence(string letters, string word)
    {
        var at = 0;
        foreach (var c in word)
        {
            if (at < letters.Length && char.ToUpperInvariant(c) == letters[at])
            {
                at++;
            }
        }

        return at == letters.Length;
    }


    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}’']*")]
    private static partial Regex Word();

    [GeneratedRegex(@"[.;:!?)(]$")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^(the|an?)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();
}
