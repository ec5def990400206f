namespace PaperBot.Knowledge.Embeddings;

/// <summary>What gives the model's vectors of a text's word pieces in context.</summary>
public interface ITokenEncoder
{
    IReadOnlyList<TokenStates> EncodeTokens(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}

/// <summary>A text's word pieces ("border", "##s") and their unit vectors in context, <see cref="Width"/> floats each.</summary>
public sealed record TokenStates(string[] Pieces, float[] Vectors, int Width)
{
    public int Count => Pieces.Length;

    /// <summary>The whole words the pieces make, each with the indexes of its pieces ("borders" = "border" + "##s").</summary>
    public IReadOnlyList<(string Word, int[] Pieces)> Words()
    {
        var words = new List<(string Word, List<int> Pieces)>();
        for (var i = 0; i < Pieces.Length; i++)
        {
            if (Pieces[i].StartsWith("##", StringComparison.Ordinal) && words.Count > 0)
            {
                words[^1] = (words[^1].Word + Pieces[i][2..], words[^1].Pieces);
                words[^1].Pieces.Add(i);
            }
            else
            {
                words.Add((Pieces[i], [i]));
            }
        }

        return words.Select(w => (w.Word, w.Pieces.ToArray())).ToList();
    }

    public ReadOnlySpan<float> Vector(int index) => Vectors.AsSpan(index * Width, Width);
}
