using System.Text.RegularExpressions;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Lexical;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Answering.Guardrails;

/// <summary>
/// What words the readings contain: their analysed terms (with document frequency over sentences) and their folded
/// lower-case text, so a question's names and numbers can be looked up exactly.
/// </summary>
public sealed partial class PaperVocabulary
{
    private readonly Dictionary<string, int> _sentenceFrequency;
    private readonly string _foldedText;

    public PaperVocabulary(KnowledgeBase knowledge)
    {
        var sentences = knowledge.AllSentences().Select(s => s.Text).ToList();
        var headings = knowledge.Documents.SelectMany(d => d.Sections).Select(s => s.Title).ToList();
        SentenceCount = Math.Max(1, sentences.Count);
        _sentenceFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in sentences.Concat(headings))
        {
            foreach (var term in Bm25Encoder.Analyze(text).Distinct())
            {
                _sentenceFrequency[term] = _sentenceFrequency.GetValueOrDefault(term) + 1;
            }
        }

        _foldedText = " " + Normalise(string.Join(" ", sentences.Concat(headings))) + " ";
    }

    public int SentenceCount { get; }

    public bool ContainsTerm(string analysedTerm) => _sentenceFrequency.ContainsKey(analysedTerm);

    /// <summary>Inverse sentence frequency of an analysed term; unseen terms get the highest value.</summary>
    public double Idf(string analysedTerm) =>
        Math.Log(1 + ((SentenceCount + 1.0) / (_sentenceFrequency.GetValueOrDefault(analysedTerm) + 0.5)));

    /// <summary>Whether a word or phrase occurs in the readings as written (case, quotes and dashes folded; word boundaries).</summary>
    public bool ContainsPhrase(string phrase)
    {
        var folded = Normalise(phrase).Trim();
        if (folded.Length == 0)
        {
            return true;
        }

        var index = 0;
        while ((index = _foldedText.IndexOf(folded, index, StringComparison.Ordinal)) >= 0)
        {
            var before = _foldedText[index - 1];
            var afterIndex = index + folded.Length;
            var after = afterIndex < _foldedText.Length ? _foldedText[afterIndex] : ' ';
            if (!char.IsLetterOrDigit(before) && (!char.IsLetterOrDigit(after) || after == 's'))
            {
                return true;
            }

            index++;
        }

        return false;
    }

    /// <summary>Lower case, typographic quotes and dashes folded, whitespace collapsed, "U.S." and "U.S" alike.</summary>
    public static string Normalise(string text) =>
        Spaces().Replace(TextCleaner.FoldForMatching(text).ToLowerInvariant().Replace("u.s.", "u.s", StringComparison.Ordinal), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
