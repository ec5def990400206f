using PaperBot.Answering.Language;
using PaperBot.Knowledge.Documents;

namespace PaperBot.Answering.Decision;

/// <summary>A sentence of the readings considered for an answer, with everything known about how well it answers.</summary>
public sealed record SentenceEvidence(
    int Index,
    LocatedSentence Sentence,
    double Similarity,
    int PassageRank,
    IReadOnlyList<TermSupport> Support,
    double Coverage,
    bool CarriesAnswerType,
    double Score);

/// <summary>The sentences chosen to answer, and how they jointly account for the question's words.</summary>
public sealed record Selection(IReadOnlyList<SentenceEvidence> Sentences, IReadOnlyList<TermSupport> Joint, double Coverage)
{
    public static Selection Empty { get; } = new([], [], 0);

    /// <summary>The question words the chosen sentences leave unsupported (below half), heaviest first.</summary>
    public IEnumerable<TermSupport> Unsupported => Joint.Where(s => s.Value < 0.5).OrderByDescending(s => s.Term.Weight);
}

/// <summary>How sentences are scored and combined; the numbers are settings, tuned on the dev split.</summary>
public sealed record SelectionWeights(
    double CoverageWeight,
    double AnswerTypeWeight,
    double PassageRankWeight,
    double SecondSentenceRatio,
    double ContinuationRatio,
    double MinimumGain,
    int MaxSentences,
    double GainRatio = 0.6);

/// <summary>
/// Chooses the smallest set of sentences that answers: the sentence that scores best (closeness in meaning to the
/// question, the weighted share of its words it accounts for, the kind of fact asked for, the rank of its passage),
/// then at most two more of the same reading that score nearly as well and either continue it (the next sentence of
/// its paragraph), bring support for question words it lacks (a lower score will do for a large gain), or carry the
/// kind of fact asked for when it does not.
/// </summary>
public static class SentenceSelector
{
    public static double Score(double similarity, double coverage, bool carriesType, int passageRank, SelectionWeights weights) =>
        similarity + (weights.CoverageWeight * coverage) + (carriesType ? weights.AnswerTypeWeight : 0) + (weights.PassageRankWeight / (1 + passageRank));

    /// <summary>The weighted share of the question's words a set of supports accounts for (1 when it has none).</summary>
    public static double Coverage(IReadOnlyList<TermSupport> supports)
    {
        var total = supports.Sum(s => s.Term.Weight);
        return total <= 0 ? 1 : supports.Sum(s => s.Term.Weight * s.Value) / total;
    }

    /// <summary>For each question word, the best support any of the sentences gives it.</summary>
    public static IReadOnlyList<TermSupport> Joint(IReadOnlyList<QuestionTerm> terms, IEnumerable<SentenceEvidence> sentences)
    {
        var list = sentences as IReadOnlyList<SentenceEvidence> ?? sentences.ToList();
        var joint = new TermSupport[terms.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            TermSupport? best = null;
            foreach (var sentence in list)
            {
                // Each sentence's supports are in the question's word order; look further only if they are not.
                var support = i < sentence.Support.Count && ReferenceEquals(sentence.Support[i].Term, terms[i])
                    ? sentence.Support[i]
                    : sentence.Support.First(x => ReferenceEquals(x.Term, terms[i]));
                if (best is null || support.Value > best.Value || support.Value == best.Value && best.Opposite && !support.Opposite)
                {
                    best = support;
                }
            }

            joint[i] = best ?? new TermSupport(terms[i], 0, SupportKind.None);
        }

        return joint;
    }

    public static Selection Select(IReadOnlyList<SentenceEvidence> candidates, QuestionAnalysis question, SelectionWeights weights)
    {
        if (candidates.Count == 0)
        {
            return Selection.Empty;
        }

        var ranked = candidates.OrderByDescending(c => c.Score).ToList();
        var best = ranked[0];
        var chosen = new List<SentenceEvidence> { best };
        var joint = Joint(question.Terms, chosen);
        var coverage = Coverage(joint);
        // One answer, one reading: a question about one reading is never answered by joining another's sentences to it.
        foreach (var candidate in ranked.Skip(1).Where(c => c.Sentence.DocumentId == best.Sentence.DocumentId))
        {
            if (chosen.Count >= weights.MaxSentences)
            {
                break;
            }

            var ratio = best.Score <= 0 ? 0 : candidate.Score / best.Score;
            var withIt = Joint(question.Terms, [.. chosen, candidate]);
            var gain = Coverage(withIt) - coverage;
            var closeEnough = ratio >= weights.SecondSentenceRatio;
            // A part of the question answered elsewhere may score lower: a large gain earns it the place.
            var bringsSupport = gain >= weights.MinimumGain && closeEnough || gain >= 2 * weights.MinimumGain && ratio >= weights.GainRatio;
            var continues = ratio >= weights.ContinuationRatio && chosen.Any(c => Adjacent(c.Sentence, candidate.Sentence));
            var missingType = question.AnswerType != AnswerType.Other && !chosen.Any(c => c.CarriesAnswerType) && candidate.CarriesAnswerType && closeEnough;
            if (bringsSupport || continues || missingType)
            {
                chosen.Add(candidate);
                joint = withIt;
                coverage = Coverage(joint);
            }
        }

        // A question that asks for a kind of fact (a date, an amount …) keeps only sentences that carry it or bring
        // support nothing else brings: a neighbour that merely shares the question's words is left out.
        if (question.AnswerType != AnswerType.Other && chosen.Any(c => c.CarriesAnswerType))
        {
            foreach (var sentence in chosen.Where(c => !c.CarriesAnswerType).ToList())
            {
                var without = chosen.Where(c => !ReferenceEquals(c, sentence)).ToList();
                if (Coverage(Joint(question.Terms, without)) >= coverage)
                {
                    chosen = without;
                }
            }

            joint = Joint(question.Terms, chosen);
            coverage = Coverage(joint);
        }

        var ordered = chosen
            .OrderBy(c => c.Index) // reading order: documents, sections, paragraphs and sentences as printed
            .ToList();
        return new Selection(ordered, joint, coverage);
    }

    private static bool Adjacent(LocatedSentence a, LocatedSentence b) =>
        a.DocumentId == b.DocumentId && a.Section.Id == b.Section.Id && a.Paragraph == b.Paragraph && Math.Abs(a.Sentence.Index - b.Sentence.Index) == 1;
}
