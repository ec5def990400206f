using System.Text.RegularExpressions;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Generation;

/// <summary>Why a model sentence was removed.</summary>
public enum RemovalReason
{
    /// <summary>The sentence carries no <c>[n]</c> marker.</summary>
    Uncited,

    /// <summary>A marker points at a passage the model was not given.</summary>
    UnknownPassage,

    /// <summary>A number, name or quotation in the sentence is not in the passages it cites.</summary>
    UnsupportedFact,

    /// <summary>The sentence is not close enough in meaning to any sentence of the passages it cites.</summary>
    NotSimilar,
}

/// <summary>A sentence of the paper that supports a model sentence, and how close the two are.</summary>
public sealed record Support(int Passage, LocatedSentence Sentence, double Similarity);

/// <summary>One model sentence after the check: kept with its supporting sentences of the paper, or removed with a reason.</summary>
public sealed record CheckedSentence(string Claim, IReadOnlyList<int> Markers, IReadOnlyList<Support> Supports, RemovalReason? Removed, string? Detail, double Similarity)
{
    public bool Kept => Removed is null;
}

/// <summary>Every sentence of a model reply, checked.</summary>
public sealed record GroundingReport(IReadOnlyList<CheckedSentence> Sentences)
{
    public IEnumerable<CheckedSentence> KeptSentences => Sentences.Where(s => s.Kept);

    public int Kept => Sentences.Count(s => s.Kept);

    public int Removed => Sentences.Count(s => !s.Kept);
}

/// <summary>
/// The grounding check: nothing a model wrote is shown unless the paper says it. Each sentence of the reply must cite a
/// passage it was given, state no number, name or quotation that passage lacks, and be close in meaning (embedding
/// cosine at least the threshold) to the passage's best sentence. Sentences that fail are removed.
/// </summary>
public static partial class GroundingCheck
{
    public static async Task<GroundingReport> RunAsync(
        string reply,
        IReadOnlyList<SearchHit> passages,
        KnowledgeBase knowledge,
        double minSimilarity,
        CancellationToken cancellationToken)
    {
        var results = new List<CheckedSentence?>();
        var pending = new List<(string Claim, int[] Markers)>();
        foreach (var sentence in SplitReply(reply))
        {
            var markers = Markers(sentence);
            var claim = StripMarkers(sentence);
            if (!claim.Any(char.IsLetterOrDigit))
            {
                continue; // a stray marker or list bullet on its own line states nothing
            }

            if (markers.Length == 0)
            {
                results.Add(new CheckedSentence(claim, markers, [], RemovalReason.Uncited, null, 0));
                continue;
            }

            if (markers.Any(m => m < 1 || m > passages.Count))
            {
                results.Add(new CheckedSentence(claim, markers, [], RemovalReason.UnknownPassage, $"cites [{string.Join("][", markers)}] of {passages.Count}", 0));
                continue;
            }

            var source = string.Join(" ", markers.Distinct().Select(m => passages[m - 1].Text));
            var unsupported = SupportFacts.FirstUnsupported(claim, source);
            if (unsupported is not null)
            {
                results.Add(new CheckedSentence(claim, markers, [], RemovalReason.UnsupportedFact, unsupported, 0));
                continue;
            }

            results.Add(null); // scored below with one embedding call for all, keeping the reply's order
            pending.Add((claim, markers));
        }

        if (pending.Count > 0)
        {
            var vectors = await knowledge.EmbedPassagesAsync(pending.Select(p => p.Claim).ToList(), cancellationToken).ConfigureAwait(false);
            var next = 0;
            for (var i = 0; i < results.Count; i++)
            {
                if (results[i] is not null)
                {
                    continue;
                }

                var (claim, markers) = pending[next];
                results[i] = Score(claim, markers, vectors[next], passages, knowledge, minSimilarity);
                next++;
            }
        }

        return new GroundingReport(results.Select(r => r!).ToList());
    }

    private static CheckedSentence Score(string claim, int[] markers, float[] vector, IReadOnlyList<SearchHit> passages, KnowledgeBase knowledge, double minSimilarity)
    {
        var supports = new List<Support>();
        foreach (var marker in markers.Distinct())
        {
            var best = passages[marker - 1].Chunk.Sentences
                .Select(s => new Support(marker, s, Cosine(vector, knowledge.SentenceVector(s))))
                .MaxBy(s => s.Similarity);
            if (best is not null)
            {
                supports.Add(best);
            }
        }

        var similarity = supports.Count == 0 ? 0 : supports.Max(s => s.Similarity);
        if (similarity < minSimilarity)
        {
            return new CheckedSentence(claim, markers, [], RemovalReason.NotSimilar, $"similarity {similarity:F3}", similarity);
        }

        // A marker whose passage adds nothing close is still the model's claim of support; its best sentence is shown
        // only if it is itself close enough, so every quote a person sees bears on the sentence.
        var shown = supports.Where(s => s.Similarity >= minSimilarity).ToList();
        AddFactSentences(claim, shown, markers, passages);
        return new CheckedSentence(claim, markers, shown, null, null, similarity);
    }

    /// <summary>
    /// When the best sentence lacks a number or name the claim states (the model merged two sentences of a passage),
    /// the passage's sentence that states it is quoted too, so the reader sees every fact in the paper's own words.
    /// </summary>
    private static void AddFactSentences(string claim, List<Support> shown, int[] markers, IReadOnlyList<SearchHit> passages)
    {
        var quoted = string.Join(" ", shown.Select(s => s.Sentence.Text));
        if (SupportFacts.FirstUnsupported(claim, quoted) is null)
        {
            return;
        }

        foreach (var marker in markers.Distinct())
        {
            foreach (var sentence in passages[marker - 1].Chunk.Sentences)
            {
                if (shown.Any(s => s.Sentence == sentence))
                {
                    continue;
                }

                var missing = SupportFacts.FirstUnsupported(claim, quoted);
                if (missing is null)
                {
                    return;
                }

                if (SupportFacts.FirstUnsupported(claim, quoted + " " + sentence.Text) != missing)
                {
                    shown.Add(new Support(marker, sentence, 0));
                    quoted += " " + sentence.Text;
                }
            }
        }
    }

    /// <summary>
    /// The reply's sentences. Lines are taken apart first (a model may answer in a list despite the prompt), list
    /// bullets and emphasis dropped, and a marker written after the full stop (<c>… 1948. [1]</c>) moved before it so
    /// it stays with its sentence (<c>… a centre.” [2]</c> becomes <c>… a centre [2].”</c>).
    /// </summary>
    public static IReadOnlyList<string> SplitReply(string reply)
    {
        var sentences = new List<string>();
        foreach (var rawLine in reply.Split('\n'))
        {
            var line = Bullet().Replace(rawLine.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal), string.Empty);
            line = TextCleaner.CollapseWhitespace(line);
            if (line.Length == 0)
            {
                continue;
            }

            line = MarkerAfterStop().Replace(line, m => m.Groups["marks"].Value.TrimEnd() + m.Groups["stop"].Value);
            sentences.AddRange(SentenceSplitter.Split(line));
        }

        return sentences;
    }

    /// <summary>The passage numbers a sentence cites, in order: <c>[1]</c>, <c>[1][3]</c>, <c>[1, 3]</c>.</summary>
    public static int[] Markers(string sentence) =>
        Marker().Matches(sentence)
            .SelectMany(m => m.Groups[1].Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => int.TryParse(v, out var n) ? n : -1)
            .ToArray();

    /// <summary>The sentence without its markers, with the space a removed marker leaves before the full stop closed.</summary>
    public static string StripMarkers(string sentence)
    {
        var text = TextCleaner.CollapseWhitespace(Marker().Replace(sentence, " "));
        return SpaceBeforePunctuation().Replace(text, "$1");
    }

    internal static double Cosine(float[] a, float[]? b)
    {
        if (b is null)
        {
            return 0;
        }

        // Both are unit length, so the dot product is the cosine.
        var length = Math.Min(a.Length, b.Length);
        return System.Numerics.Tensors.TensorPrimitives.Dot(a.AsSpan(0, length), b.AsSpan(0, length));
    }

    [GeneratedRegex(@"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    // A stop (and any closing quotation or bracket after it), then markers, then perhaps a second stop: ".” [2]."
    [GeneratedRegex(@"(?<stop>[.!?][""'”’)\]]*)(?<marks>(?:\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+)(?:\s*[.!?](?=\s|$))?", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerAfterStop();

    [GeneratedRegex(@"^\s*(?:[-*•]|\d+[.)])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\s+([.,;:!?])", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceBeforePunctuation();
}
