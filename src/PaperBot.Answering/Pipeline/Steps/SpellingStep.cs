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
        foreach (var token in QuestionAnalyzer.Tokenize(question))
        {
            // A word the readings have in another form ("Pakistanis" for "Pakistani") is no typo; nor is a word
            // joined with hyphens whose parts they all use ("Lisbon-Faro").
            var analysed = Knowledge.Lexical.Bm25Encoder.AnalyzeWord(token.Value);
            if (EnglishLexicon.IsFrame(token.Lower) || readings.Aliases.ContainsKey(token.Value)
                || (token.Value.Contains('-', StringComparison.Ordinal) ? analysed.All(readings.HasTerm) : analysed.Any(readings.HasTerm)))
            {
                continue;
            }

            var fix = token.Value.Contains('-', StringComparison.Ordinal)
                ? SpellingCorrector.CorrectHyphenated(token.Value, readings.HyphenatedWords.Keys) is { } joined ? readings.HyphenatedWords[joined] : null
                : SpellingCorrector.Correct(token.Value, readings.HasWord, readings.WordCount, readings.WordsOfLength(token.Value.Length - 2, token.Value.Length + 2).Concat(SpellingCorrector.AskingWords), language)
                    ?? (char.IsUpper(token.Value[0]) ? null : SpellingCorrector.CorrectToLanguage(token.Value, language));
            if (fix is null)
            {
                continue;
            }

            var written = char.IsUpper(token.Value[0]) && !fix.Contains('-', StringComparison.Ordinal) ? char.ToUpperInvariant(fix[0]) + fix[1..] : fix;
            corrected.Append(question, position, token.Index - position).Append(written);
            position = token.Index + token.Value.Length;
            corrections.Add(new SpellingCorrection(token.Value, written));
        }

        if (corrections.Count > 0)
        {
            corrected.Append(question, position, question.Length - position);
            context.Question = corrected.ToString();
            context.AddNote("Reading " + string.Join(", ", corrections.Select(c => $"‘{c.Typed}’ as ‘{c.ReadAs}’")));
        }

        return ValueTask.FromResult<Answer?>(null);
    }
}
