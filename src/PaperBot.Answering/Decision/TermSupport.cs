using System.Text.RegularExpressions;
using PaperBot.Answering.Language;
using PaperBot.Answering.Readings;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Answering.Decision;

/// <summary>How a sentence accounts for a question word.</summary>
public enum SupportKind
{
    None,

    /// <summary>The word itself, or its stem (or, for a number, the same number).</summary>
    Exact,

    /// <summary>Another name the readings' sidecar gives it ("Washington" for "U.S").</summary>
    Alias,

    /// <summary>The sentence carries the kind of fact the word asks for ("year" and a date).</summary>
    AnswerType,

    /// <summary>A word close in meaning (by the embedding model): "price" and "worth".</summary>
    Meaning,

    /// <summary>A word of the same meaning in one of the two words' common senses (by the synonym table): "buy" and "purchase".</summary>
    Synonym,
}

/// <summary>How well one sentence supports one question word, and by which of its words.</summary>
public sealed record TermSupport(QuestionTerm Term, double Value, SupportKind Kind, string? By = null, bool Opposite = false);

/// <summary>
/// A question word's nearest words among the readings' own (by centred embedding cosine), best first. A sentence
/// word supports the question word by meaning only when it is one of them: closeness is judged against the whole
/// vocabulary of the readings, not in absolute terms, so a word that is merely less far than others never counts.
/// </summary>
public sealed record WordNeighbours(IReadOnlyDictionary<int, double> Nearest)
{
    public double Best => Nearest.Count == 0 ? 0 : Nearest.Values.Max();
}

/// <summary>The thresholds that turn a cosine between two words into support.</summary>
/// <param name="MeaningFloor">At or below this cosine, two words do not mean the same.</param>
/// <param name="MeaningFull">At or above this cosine, a word fully supports another.</param>
/// <param name="UnknownWordCap">The most support a word the readings never use can get from another word.</param>
public sealed record MeaningThresholds(double MeaningFloor, double MeaningFull, double UnknownWordCap = 1)
{
    public double Support(double cosine) =>
        cosine >= MeaningFull ? 1 : cosine <= MeaningFloor ? 0 : (cosine - MeaningFloor) / (MeaningFull - MeaningFloor);
}

/// <summary>
/// Decides how a sentence of the readings accounts for each word of a question: by the word, its stem, an alias,
/// the kind of fact asked for, or a word of the sentence (or of its section's heading) close in meaning. Names and
/// numbers are only ever supported by themselves: a sentence about one minister says nothing about another.
/// </summary>
public static partial class TermSupportScorer
{
    public static TermSupport Support(
        QuestionTerm term,
        int sentenceIndex,
        KnowledgeBase knowledge,
        ReadingIndex readings,
        IReadOnlyDictionary<string, WordNeighbours> meanings,
        MeaningThresholds thresholds,
        ContextualMatch? contextual = null,
        Synonyms? synonyms = null)
    {
        var sentence = knowledge.AllSentences()[sentenceIndex];
        var terms = knowledge.SentenceTerms(sentenceIndex);
        var heading = knowledge.HeadingTerms(sentence.DocumentId, sentence.Section.Id);
        if (term.Kind == TermKind.Number && Language.FactRecognisers.Ordinals.TryGetValue(term.Term, out var place))
        {
            // Before the word it qualifies ("the first line") it is the sentence's; elsewhere in it ("the first
            // drills" for "the first exercise", but also "the first seven weeks") it may be, and counts for half.
            return Language.FactRecognisers.HasOrdinalOf(sentence.Text, place, term.Qualifies) || Language.FactRecognisers.HasOrdinalOf(sentence.Section.Title, place, term.Qualifies)
                ? new TermSupport(term, 1, SupportKind.Exact, term.Term)
                : Language.FactRecognisers.HasOrdinalOf(sentence.Text, place, [])
                    ? new TermSupport(term, 0.5, SupportKind.Exact, term.Term)
                    : new TermSupport(term, 0, SupportKind.None);
        }

        if (term.Kind == TermKind.Number)
        {
            return HasNumber(sentence.Text, term.Term) || HasNumber(sentence.Section.Title, term.Term)
                ? new TermSupport(term, 1, SupportKind.Exact, term.Term)
                : new TermSupport(term, 0, SupportKind.None);
        }

        if (terms.Contains(term.Term) || heading.Contains(term.Term)
            || QuestionAnalyzer.NumberWords.TryGetValue(term.Term, out var digits) && HasNumber(sentence.Text, digits))
        {
            return new TermSupport(term, 1, SupportKind.Exact, term.Term);
        }

        // The word in its other spelling, British or American ("Centre" where the sentence prints "Center").
        if (term.Word.Length >= 4 && term.Word.All(char.IsLetter)
            && SpellingCorrector.Variants(term.Word).FirstOrDefault(v => PaperBot.Knowledge.Lexical.Bm25Encoder.AnalyzeWord(v).Any(a => terms.Contains(a) || heading.Contains(a))) is { } variant)
        {
            return new TermSupport(term, 1, SupportKind.Exact, variant);
        }

        // A name and the words made from it: "Kenyan" and "Kenya", "Chilean" and "Chile".
        if (term.Kind == TermKind.Name && term.Term.Length >= 4
            && terms.Concat(heading).FirstOrDefault(t => t.Length >= 5 && (t.StartsWith(term.Term, StringComparison.Ordinal) || term.Term.StartsWith(t, StringComparison.Ordinal))) is { } kin)
        {
            return new TermSupport(term, 1, SupportKind.Exact, kin);
        }

        // A name the readings themselves spell two ways ("Vossberg", "Vosberg"): one letter apart is the same name.
        if (term.Kind == TermKind.Name && term.Term.Length >= 6
            && terms.Concat(heading).FirstOrDefault(t => t.Length >= 6 && Math.Abs(t.Length - term.Term.Length) <= 1 && t[0] == term.Term[0] && Language.SpellingCorrector.Distance(t, term.Term, 1) <= 1) is { } spelt)
        {
            return new TermSupport(term, 1, SupportKind.Exact, spelt);
        }

        // The name itself, or the part of a compound that is one ("US" in "US-backed").
        // (Looked up per candidate sentence: only a compound is split.)
        var aliased = readings.AliasTerms.ContainsKey(term.Surface) ? term.Surface
            : !term.Surface.Contains('-', StringComparison.Ordinal) ? null
            : term.Surface.Split('-').FirstOrDefault(p => p.Length > 0 && readings.AliasTerms.ContainsKey(p) && PaperBot.Knowledge.Lexical.Bm25Encoder.AnalyzeWord(p).Contains(term.Term));
        if (!term.Literal && aliased is not null && readings.AliasTerms[aliased] is { Count: > 0 } alias && alias.All(a => terms.Contains(a) || heading.Contains(a)))
        {
            return new TermSupport(term, 1, SupportKind.Alias, readings.Aliases[aliased]);
        }

        if (term.Asks != AnswerType.Other && readings.Carries(sentenceIndex, term.Asks) && !Language.FactRecognisers.NamesMoney(term.Word))
        {
            return new TermSupport(term, 1, SupportKind.AnswerType, term.Asks.ToString().ToLowerInvariant());
        }

        // "how much money": a sentence that gives a sum ("120 million roubles", "$ 1.7 billion") gives what is asked.
        if (term.Asks == AnswerType.Amount && Language.FactRecognisers.NamesMoney(term.Word) && Language.FactRecognisers.GivesMoney(sentence.Text))
        {
            return new TermSupport(term, 1, SupportKind.AnswerType, "a sum of money");
        }

        var opposite = Opposites.Of(term.Term) is { } opposites ? terms.FirstOrDefault(opposites.Contains) ?? MisspeltOpposite(term, sentenceIndex, knowledge) : null;
        if (opposite is not null)
        {
            return new TermSupport(term, 0, SupportKind.None, opposite, Opposite: true);
        }

        // A name in the reading's own title ("… London's Main Drainage"): each of its sentences is about it.
        if (term.Kind == TermKind.Name && readings.InTitleOf(sentence.DocumentId, term.Term))
        {
            return new TermSupport(term, 1, SupportKind.Exact, "the reading's title");
        }

        if (term.Kind == TermKind.Name)
        {
            return new TermSupport(term, 0, SupportKind.None);
        }

        // A synonym in the sentence: English says the two mean the same, whatever the embedding model makes of them.
        // The word in an irregular form the stemmer does not join to it ("sank" for "sink", "bought" for "buy").
        if (term.Kind is TermKind.Content or TermKind.Light && synonyms is not null && InSentence(synonyms.IrregularFormsOf(term.Word), sentenceIndex, sentence, knowledge) is { } irregular)
        {
            return new TermSupport(term, 1, SupportKind.Exact, irregular);
        }

        if (term.Kind == TermKind.Content && synonyms is not null && InSentence(synonyms.FormsOf(term.Word), sentenceIndex, sentence, knowledge) is { } related)
        {
            return new TermSupport(term, 1, SupportKind.Synonym, related);
        }

        var byWord = ByWord(term, sentenceIndex, sentence, knowledge, meanings, thresholds);
        // A word and its opposite stand in like contexts ("joined", "refused to join"): a reversal is never matched so.
        if (!term.IsReversal && contextual?.Best(term.Word, sentenceIndex) is { } match && contextual.Support(match.Cosine, term.InReadings) is var inContext && inContext > (byWord?.Value ?? 0))
        {
            return new TermSupport(term, inContext, SupportKind.Meaning, $"{match.By} (in context {match.Cosine:F2})");
        }

        return byWord ?? new TermSupport(term, 0, SupportKind.None);
    }

    /// <summary>The first word of the sentence (or of its section's heading) that is one of the forms, or null.</summary>
    private static string? InSentence(IReadOnlySet<string> forms, int sentenceIndex, Knowledge.Documents.LocatedSentence sentence, KnowledgeBase knowledge)
    {
        if (forms.Count == 0)
        {
            return null;
        }

        foreach (var id in knowledge.SentenceWords(sentenceIndex).Concat(knowledge.HeadingWords(sentence.DocumentId, sentence.Section.Id)))
        {
            if (forms.Contains(knowledge.Words.WordOf(id)))
            {
                return knowledge.Words.WordOf(id);
            }
        }

        return null;
    }

    /// <summary>Support by the nearest words of the question word among the readings' own, or null.</summary>
    private static TermSupport? ByWord(QuestionTerm term, int sentenceIndex, Knowledge.Documents.LocatedSentence sentence, KnowledgeBase knowledge, IReadOnlyDictionary<string, WordNeighbours> meanings, MeaningThresholds thresholds)
    {
        if (!meanings.TryGetValue(term.Word, out var neighbours))
        {
            return null;
        }

        var best = (Id: -1, Cosine: 0.0);
        foreach (var id in knowledge.SentenceWords(sentenceIndex).Concat(knowledge.HeadingWords(sentence.DocumentId, sentence.Section.Id)))
        {
            if (neighbours.Nearest.TryGetValue(id, out var cosine) && cosine > best.Cosine)
            {
                best = (id, cosine);
            }
        }

        // A word the readings never use is only partly accounted for by another: it may stand for it, not be it.
        var value = best.Id < 0 ? 0 : thresholds.Support(best.Cosine);
        if (!term.InReadings)
        {
            value = Math.Min(value, thresholds.UnknownWordCap);
        }

        return value > 0
            ? new TermSupport(term, value, SupportKind.Meaning, $"{knowledge.Words.WordOf(best.Id)} ({best.Cosine:F2})")
            : null;
    }

    /// <summary>
    /// A word of the sentence that is no word of the language but a few letters from an opposite of the term (two,
    /// three in a long word: "detoriated" for "deteriorated"): readings have typos, and a misspelt opposite is still
    /// the opposite.
    /// </summary>
    private static string? MisspeltOpposite(QuestionTerm term, int sentenceIndex, KnowledgeBase knowledge)
    {
        if (Opposites.WrittenOf(term.Term) is not { } written)
        {
            return null;
        }

        foreach (var id in knowledge.SentenceWords(sentenceIndex))
        {
            var word = knowledge.Words.WordOf(id);
            if (word.Length < 7 || Knowledge.Embeddings.ModelWordList.Instance.Contains(word))
            {
                continue;
            }

            var limit = word.Length >= 10 ? 3 : 2;
            if (written.Any(w => w.Length >= 7 && w[0] == word[0] && Math.Abs(w.Length - word.Length) <= limit && SpellingCorrector.Distance(word, w, limit) <= limit))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>Whether a text has the number (commas ignored; "3rd" has 3, "1970s" has 1970s, "1981-89" has 1989).</summary>
    public static bool HasNumber(string text, string digits)
    {
        var wanted = digits.Replace(",", string.Empty, StringComparison.Ordinal).TrimStart('$', '€', '£').TrimEnd('%');
        if (YearsOf(wanted) is { } years
            && Language.FactRecognisers.YearSpans(text).Any(y => y.From <= years.To && years.From <= y.To && (y.From != y.To || years.From != years.To)))
        {
            return true; // a year within a span the text gives ("2017" in "2015-19"), or a year within a decade asked for ("the 1990s")
        }

        foreach (Match match in Number().Matches(text))
        {
            var found = match.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
            var suffix = match.Groups["s"].Value;
            if (found == wanted || found + suffix == wanted || found.TrimEnd('.') == wanted)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The years a number asked for covers: "1999" is 1999, "1990s" 1990 to 1999; null for any other number.</summary>
    public static (int From, int To)? YearsOf(string number)
    {
        var decade = number.EndsWith('s');
        var digits = decade ? number[..^1] : number;
        if (digits.Length != 4 || !int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) || year is < 1000 or >= 2100)
        {
            return null;
        }

        return decade ? (year, year - (year % 10) + 9) : (year, year);
    }

    [GeneratedRegex(@"(?<![\p{L}\d])(?<n>\d[\d,]*(\.\d+)?)(?<s>s|st|nd|rd|th)?(?![\d])")]
    private static partial Regex Number();
}
