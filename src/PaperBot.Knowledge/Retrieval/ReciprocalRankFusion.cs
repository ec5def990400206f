namespace PaperBot.Knowledge.Retrieval;

/// <summary>Reciprocal Rank Fusion: each list adds <c>1 / (k + rank)</c> for every item it ranks (rank from 1).</summary>
public static class ReciprocalRankFusion
{
    public const int DefaultK = 60;

    public static IReadOnlyList<ChunkScore> Fuse(IEnumerable<IReadOnlyList<string>> rankings, int top, int k = DefaultK)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = 0;
        foreach (var ranking in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var id = ranking[rank];
                scores[id] = scores.GetValueOrDefault(id) + (1.0 / (k + rank + 1));
                firstSeen.TryAdd(id, order++);
            }
        }

        return scores
            .OrderByDescending(p => p.Value)
            .ThenBy(p => firstSeen[p.Key])
            .Take(top)
            .Select(p => new ChunkScore(p.Key, p.Value))
            .ToList();
    }
}
