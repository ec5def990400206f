using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Lexical;

namespace PaperBot.Knowledge.Retrieval;

/// <summary>What the knowledge base asks of the embedding model at question time: query, passage and word vectors, and words in context.</summary>
public sealed partial class KnowledgeBase
{
    /// <summary>Embeds a query with the model's query prefix.</summary>
    public async Task<float[]> EmbedQueryAsync(string query, CancellationToken cancellationToken = default)
    {
        var result = await _embeddings.GenerateAsync([_queryPrefix + query], cancellationToken: cancellationToken).ConfigureAwait(false);
        return result[0].Vector.ToArray();
    }

    /// <summary>Embeds passages (no prefix), e.g. a model's sentences for the grounding check.</summary>
    public async Task<float[][]> EmbedPassagesAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var result = await _embeddings.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.Select(e => e.Vector.ToArray()).ToArray();
    }

    /// <summary>
    /// Centred embeddings (<see cref="WordIndex.Centre"/>) of single words of a question, embedded like the readings'
    /// own words (no query prefix): the readings' words come from the index, others are embedded in one call and
    /// remembered, up to a bound.
    /// </summary>
    public async Task<float[][]> EmbedWordsAsync(IReadOnlyList<string> words, CancellationToken cancellationToken = default)
    {
        var result = new float[words.Count][];
        var missing = new List<int>();
        for (var i = 0; i < words.Count; i++)
        {
            var known = Words.VectorOf(words[i]);
            if (known is not null || _questionWords.TryGetValue(words[i], out known))
            {
                result[i] = known;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var embedded = await EmbedPassagesAsync(missing.Select(i => WordIndex.EmbeddingText(words[i])).ToList(), cancellationToken).ConfigureAwait(false);
            if (_questionWords.Count > MaxRememberedWords)
            {
                _questionWords.Clear();
            }

            for (var j = 0; j < missing.Count; j++)
            {
                var centred = Words.Centre(embedded[j]);
                result[missing[j]] = centred;
                _questionWords[words[missing[j]]] = centred;
            }
        }

        return result;
    }

    private const int MaxRememberedWords = 50_000;

    /// <summary>Whether the embedding model can give the vectors of a text's words in context (see <see cref="ITokenEncoder"/>).</summary>
    public bool HasTokenStates => _embeddings.GetService(typeof(ITokenEncoder)) is ITokenEncoder;

    /// <summary>
    /// The word pieces of the sentences in context, worked out when first asked for and kept (a sentence is read by
    /// the model once per process, one caller at a time); null when the model cannot give them.
    /// </summary>
    public IReadOnlyList<TokenStates>? SentenceTokens(IReadOnlyList<int> sentenceIndexes, CancellationToken cancellationToken = default)
    {
        if (_embeddings.GetService(typeof(ITokenEncoder)) is not ITokenEncoder encoder)
        {
            return null;
        }

        lock (_tokensGate)
        {
            var missing = sentenceIndexes.Where(i => _sentenceTokens[i] is null).Distinct().ToList();
            if (missing.Count > 0)
            {
                var states = encoder.EncodeTokens(missing.Select(i => _sentences[i].Sentence.Text).ToList(), cancellationToken);
                for (var k = 0; k < missing.Count; k++)
                {
                    _sentenceTokens[missing[k]] = states[k];
                }
            }

            return sentenceIndexes.Select(i => _sentenceTokens[i]!).ToList();
        }
    }

    /// <summary>The word pieces of a question in context, or null when the model cannot give them.</summary>
    public TokenStates? QuestionTokens(string question, CancellationToken cancellationToken = default) =>
        _embeddings.GetService(typeof(ITokenEncoder)) is ITokenEncoder encoder ? encoder.EncodeTokens([question], cancellationToken)[0] : null;
}
