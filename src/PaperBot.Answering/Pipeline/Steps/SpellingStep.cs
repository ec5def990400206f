using System.Text;
using PaperBot.Answering.Decision;
using PaperBot.Answering.Language;
using PaperBot.Knowledge.Embeddings;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>
/// A question word the readings do not print, that is a typo or spelling variant of one they do, is read as that
/// word (everything after this step sees the corrected question), and the reply says so. A typo of an English word
/// the readings do not print is read as that word, to be matched by meaning as any word of the language is.
/// </summary>
public sealed class SpellingStep(IWordList language) : IAnswerStep
{
    public string Name => "spelling";

    public ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken)
    {
        var question = context.Question;
        var readings = context.Readings;
        var corrected = new StringBuilder(question.Length);
        var position = 0;
        var corrections = new List<SpellingCorrection>();
        var tokens = QuestionAnalyzer.Tokenize(question);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];

            // A name the readings join with hyphens, typed as separate words ("Mara ul Vos" for "Mara-ul-Voss").
            if (Joined(question, tokens, i, readings) is { } run)
            {
                var last = tokens[i + run.Count - 1];
                ReadAs(token.Index, last.Index + last.Value.Length, run.Printed);
                i += run.Count - 1;
                continue;
            }

            // A place's shortened word after its name ("Broad St", "Kings Rd"), when the readings write the name in
            // full ("Broad Street"): the readings' word, though they use the shortening for something else ("St James's").
            if (i > 0 && EnglishLexicon.PlaceShortenings.TryGetValue(token.Lower, out var place)
                && readings.ContainsPhrase(tokens[i - 1].Value + " " + place))
            {
                ReadAs(token.Index, token.Index + token.Value.Length, CasedLike(place, tokens[i - 1].Value));
                continue;
            }

            // A word the readings have in another form ("Danes" for "Dane") is no typo; nor is a word
            // joined with hyphens whose parts they all use ("Lisbon-Faro").
            var analysed = Knowledge.Lexical.Bm25Encoder.AnalyzeWord(token.Value);
            if (EnglishLexicon.IsFrame(token.Lower) || readings.Aliases.ContainsKey(token.Value)
                || (token.Value.Contains('-', StringComparison.Ordinal) ? analysed.All(readings.HasTerm) : analysed.Any(readings.HasTerm)))
            {
                continue;
            }

            // A shortening typed for a word ("PM", "govt"), which the readings do not use, is that word.
            if (EnglishLexicon.Shortenings.TryGetValue(token.Lower, out var whole))
            {
                ReadAs(token.Index, token.Index + token.Value.Length, whole);
                continue;
            }

            var fix = token.Value.Contains('-', StringComparison.Ordinal)
                ? SpellingCorrector.CorrectHyphenated(token.Value, readings.HyphenatedWords.Keys) is { } joined ? readings.HyphenatedWords[joined] : ByParts(token.Value)
                : CorrectWord(token.Value);
            if (fix is null)
            {
                continue;
            }

            var written = fix.Contains('-', StringComparison.Ordinal) ? fix : CasedLike(fix, token.Value);
            ReadAs(token.Index, token.Index + token.Value.Length, written);
        }

        string? CorrectWord(string typed) =>
            SpellingCorrector.Correct(typed, readings.HasWord, readings.WordCount, readings.WordsOfLength(typed.Length - 2, typed.Length + 2).Concat(SpellingCorrector.AskingWords).Concat(AliasWords(readings)), language)
                ?? (char.IsUpper(typed[0]) ? null : SpellingCorrector.CorrectToLanguage(typed, language));

        // Words joined with a hyphen that the readings do not join ("Rusia-China"): each part read as the readings'
        // word it is a typo of, the others as typed. Null when no part is mistyped or one is not a word of theirs.
        string? ByParts(string typed)
        {
            var parts = typed.Split('-');
            var fixes = parts.Select(p => p.Length == 0 || Knowledge.Lexical.Bm25Encoder.AnalyzeWord(p).Any(readings.HasTerm) ? p : CorrectWord(p)).ToList();
            if (fixes.Any(f => f is null) || fixes.SequenceEqual(parts, StringComparer.Ordinal))
            {
                return null;
            }

            return string.Join('-', fixes.Select((f, k) => CasedLike(f!, parts[k])));
        }

        // The typed words from start to end are read as another: copied up to them, then the reading.
        void ReadAs(int start, int end, string reading)
        {
            corrected.Append(question, position, start - position).Append(reading);
            corrections.Add(new SpellingCorrection(question[start..end], reading));
            position = end;
        }

        if (corrections.Count > 0)
        {
            corrected.Append(question, position, question.Length - position);
            context.Question = corrected.ToString();
            context.AddNote("Reading " + string.Join(", ", corrections.Select(c => $"‘{c.Typed}’ as ‘{c.ReadAs}’")));
        }

        return ValueTask.FromResult<Answer?>(null);
    }

    /// <summary>The one-word names the readings' details give for their names ("American" for "U.S."): a typo of one is read as it.</summary>
    private static IEnumerable<string> AliasWords(Readings.ReadingIndex readings) =>
        readings.Aliases.Keys.Where(k => k.All(char.IsLetter)).Select(k => k.ToLowerInvariant());

    /// <summary>
    /// Two or three words in a row, one of them not a word of the readings, that the readings print joined with
    /// hyphens as a name (exactly or a letter or two away), typed as a name: the printed form and how many words it
    /// takes. Null when none.
    /// </summary>
    private static (string Printed, int Count)? Joined(string question, IReadOnlyList<QuestionAnalyzer.Token> tokens, int start, Readings.ReadingIndex readings)
    {
        for (var count = Math.Min(3, tokens.Count - start); count >= 2; count--)
        {
            var run = tokens.Skip(start).Take(count).ToList();
            if (run.Any(t => !t.Value.All(char.IsLetter)) || run.Skip(1).Any(t => question[t.Index - 1] != ' ' || t.Index < 2 || question[t.Index - 2] == ' ')
                || !run.Any(t => !EnglishLexicon.IsFrame(t.Lower) && !Knowledge.Lexical.Bm25Encoder.AnalyzeWord(t.Value).Any(readings.HasTerm)))
            {
                continue;
            }

            var joined = string.Join('-', run.Select(t => t.Lower));
            var printed = readings.HyphenatedWords.TryGetValue(joined, out var exact) ? exact
                : SpellingCorrector.CorrectHyphenated(joined, readings.HyphenatedWords.Keys) is { } near ? readings.HyphenatedWords[near] : null;
            // A word of the asking stays as it is: "in Porto" is no "Indo-Porto".
            if (printed is not null && char.IsUpper(printed[0]) && char.IsUpper(run[0].Value[0]) && run.Select((t, k) => (t, k)).All(p => !EnglishLexicon.IsFrame(p.t.Lower) || printed.Split('-')[p.k].Equals(p.t.Value, StringComparison.OrdinalIgnoreCase)))
            {
                return (printed, count);
            }
        }

        return null;
    }

    /// <summary>A word capitalised when the word it stands for was ("Broad St" → "Street").</summary>
    private static string CasedLike(string word, string model) =>
        word.Length > 0 && model.Length > 0 && char.IsUpper(model[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word;
}
