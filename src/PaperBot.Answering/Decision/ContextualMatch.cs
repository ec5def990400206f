using PaperBot.Answering.Language;
using PaperBot.Knowledge.Embeddings;

namespace PaperBot.Answering.Decision;

/// <summary>
/// Matches a question's words to a sentence's words by the model's vectors of each word in its own text (as
/// BERTScore does): "fear" in "make people fear a domino effect" and "apprehensions" in "raises apprehensions
/// about a domino effect" are close there, though the two words alone are not. Only a sentence's content words
/// can match (not "of", "the", "paper").
/// </summary>
public sealed class ContextualMatch
{
    private readonly TokenStates _question;
    private readonly Func<int, TokenStates?> _sentence;
    private readonly Dictionary<int, SentenceMatrix> _matrices = [];
    private readonly (string Word, int[] Pieces)[] _questionWords;
    private readonly IReadOnlySet<string> _said;

    /// <param name="question">The question's word pieces in context.</param>
    /// <param name="sentence">A sentence's word pieces in context, by its index in the knowledge base.</param>
    /// <param name="floor">At or below this cosine, two words in context do not mean the same.</param>
    /// <param name="full">At or above this cosine, a word in context fully supports another.</param>
    /// <param name="said">The stems of the question's own words: a sentence word that is one of them is already spoken for.</param>
    public ContextualMatch(TokenStates question, Func<int, TokenStates?> sentence, double floor, double full, IReadOnlySet<string> said)
    {
        _question = question;
        _sentence = sentence;
        _said = said;
        Floor = floor;
        Full = full;
        _questionWords = [.. question.Words()
            .Where(w => w.Word.Length >= 3 && w.Word.All(char.IsLetter) && !EnglishLexicon.IsFrame(w.Word))
            .DistinctBy(w => w.Word, StringComparer.Ordinal)];
    }

    public double Floor { get; }

    public double Full { get; }

    /// <summary>The best match of a question word (lower case) among the sentence's content words, or null.</summary>
    public (double Cosine, string By)? Best(string word, int sentenceIndex)
    {
        var row = Array.FindIndex(_questionWords, w => w.Word == word);
        if (row < 0 || Matrix(sentenceIndex) is not { } matrix || matrix.Words.Length == 0)
        {
            return null;
        }

        // The sentence word that matches best, if the question word is also the best match of that sentence word
        // among the question's words: a match both ways, not a word that is near everything in a like context.
        // Cells are worked out when first needed: a row for the word asked about, a column for the check.
        var column = 0;
        for (var j = 1; j < matrix.Words.Length; j++)
        {
            if (Cell(matrix, row, j) > Cell(matrix, row, column))
            {
                column = j;
            }
        }

        var best = Cell(matrix, row, column);
        for (var i = 0; i < _questionWords.Length; i++)
        {
            if (i != row && Cell(matrix, i, column) > best)
            {
                return null;
            }
        }

        return (best, matrix.Words[column].Word);
    }

    private double Cell(SentenceMatrix matrix, int row, int column)
    {
        var value = matrix.Cosines[row, column];
        if (double.IsNaN(value))
        {
            value = Cosine(_question, _questionWords[row].Pieces, matrix.States, matrix.Words[column].Pieces);
            matrix.Cosines[row, column] = value;
        }

        return value;
    }

    /// <summary>The question's words against a sentence's content words (those the question does not itself say).</summary>
    private SentenceMatrix? Matrix(int sentenceIndex)
    {
        if (_matrices.TryGetValue(sentenceIndex, out var matrix))
        {
            return matrix;
        }

        if (_sentence(sentenceIndex) is not { } states)
        {
            return null;
        }

        var words = ContentWords.GetValue(states, Content).Where(w => !w.Stems.Any(_said.Contains)).ToArray();
        var cosines = new double[_questionWords.Length, words.Length];
        for (var i = 0; i < _questionWords.Length; i++)
        {
            for (var j = 0; j < words.Length; j++)
            {
                cosines[i, j] = double.NaN;
            }
        }

        matrix = new SentenceMatrix(states, words, cosines);
        _matrices[sentenceIndex] = matrix;
        return matrix;
    }

    /// <summary>A sentence's content words with their pieces and stems, worked out once for each sentence's states.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TokenStates, ContentWord[]> ContentWords = new();

    private static ContentWord[] Content(TokenStates states) =>
        [.. states.Words()
            .Where(w => w.Word.Length >= 3 && w.Word.All(char.IsLetter) && !EnglishLexicon.IsFrame(w.Word) && !EnglishLexicon.IsLight(w.Word))
            .Select(w => new ContentWord(w.Word, w.Pieces, PaperBot.Knowledge.Lexical.Bm25Encoder.AnalyzeWord(w.Word)))];

    private sealed record ContentWord(string Word, int[] Pieces, IReadOnlyCollection<string> Stems);

    private sealed record SentenceMatrix(TokenStates States, ContentWord[] Words, double[,] Cosines);

    private static double Cosine(TokenStates first, int[] firstPieces, TokenStates second, int[] secondPieces)
    {
        var best = -1.0;
        foreach (var q in firstPieces)
        {
            var a = first.Vector(q);
            foreach (var p in secondPieces)
            {
                best = Math.Max(best, System.Numerics.Tensors.TensorPrimitives.Dot(a, second.Vector(p)));
            }
        }

        return best;
    }

    /// <summary>How much a word the readings never use needs above the floor to count at all.</summary>
    public double UnknownMargin { get; init; }

    /// <summary>Support from a cosine in context; a word the readings never use must be matched more closely.</summary>
    public double Support(double cosine, bool inReadings = true)
    {
        var floor = inReadings ? Floor : Math.Min(Full - 0.01, Floor + UnknownMargin);
        return cosine >= Full ? 1 : cosine <= floor ? 0 : (cosine - floor) / (Full - floor);
    }
}
