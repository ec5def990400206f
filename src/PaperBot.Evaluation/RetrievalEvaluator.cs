using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Evaluation;

/// <summary>Section-level retrieval quality of one retriever over the answerable gold questions.</summary>
public sealed record RetrievalScores(SearchMode Mode, int Questions, double HitAt1, double HitAt3, double Mrr, IReadOnlyList<string> MissesAt3);

/// <summary>Measures hit@1, hit@3 and MRR (over the top 10) by section, for each retriever.</summary>
public static class RetrievalEvaluator
{
    public static async Task<IReadOnlyList<RetrievalScores>> EvaluateAsync(
        KnowledgeBase knowledge,
        IReadOnlyList<GoldItem> gold,
        CancellationToken cancellationToken = default)
    {
        var questions = gold.Where(g => g.IsAnswerable && g.Sections.Count > 0).ToList();
        var vectors = new Dictionary<string, float[]>();
        foreach (var item in questions)
        {
            vectors[item.Id] = await knowledge.EmbedQueryAsync(item.Question, cancellationToken).ConfigureAwait(false);
        }

        var results = new List<RetrievalScores>();
        foreach (var mode in new[] { SearchMode.Lexical, SearchMode.Dense, SearchMode.Hybrid })
        {
            double hit1 = 0, hit3 = 0, mrr = 0;
            var misses = new List<string>();
            foreach (var item in questions)
            {
                var hits = await knowledge.SearchAsync(item.Question, vectors[item.Id], 10, mode, cancellationToken: cancellationToken).ConfigureAwait(false);
                var rank = RankOfFirstGold(hits, item.Sections);
                hit1 += rank == 1 ? 1 : 0;
                hit3 += rank is >= 1 and <= 3 ? 1 : 0;
                mrr += rank > 0 ? 1.0 / rank : 0;
                if (rank is < 1 or > 3)
                {
                    misses.Add(item.Id);
                }
            }

            var n = Math.Max(1, questions.Count);
            results.Add(new RetrievalScores(mode, questions.Count, hit1 / n, hit3 / n, mrr / n, misses));
        }

        return results;
    }

    private static int RankOfFirstGold(IReadOnlyList<SearchHit> hits, IReadOnlyList<string> sections)
    {
        for (var i = 0; i < hits.Count; i++)
        {
            if (sections.Contains(hits[i].SectionId, StringComparer.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
