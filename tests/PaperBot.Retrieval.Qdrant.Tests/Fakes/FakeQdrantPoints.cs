using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace PaperBot.Retrieval.Qdrant.Tests.Fakes;

/// <summary>
/// The points of a <see cref="FakeQdrant"/>, and the parts of Qdrant's semantics PaperBot relies on: filters of
/// keyword matches (<c>must</c>, <c>should</c>, <c>must_not</c>; one keyword or any of several), exact counts, scrolls
/// in id order, exact facets (most points first), and queries: nearest by a named dense vector (cosine) or sparse
/// vector (dot product weighted by IDF, as <c>Modifier.Idf</c>), and RRF over prefetches (<c>1 / (k + rank)</c>,
/// ranks from 0). A condition of any other kind throws, so a test finds out that the fake no longer models a request.
/// Not thread-safe: <see cref="FakeQdrant"/> calls it under its lock.
/// </summary>
internal sealed class FakeQdrantPoints
{
    private readonly SortedDictionary<string, PointStruct> _points = new(StringComparer.Ordinal);

    public int Total => _points.Count;

    /// <summary>The points whose payload has this value for this field.</summary>
    public IReadOnlyList<PointStruct> Where(string field, string value) =>
        _points.Values.Where(p => p.Payload.TryGetValue(field, out var v) && v.StringValue == value).ToList();

    public void Upsert(IEnumerable<PointStruct> points)
    {
        foreach (var point in points)
        {
            _points[Key(point.Id)] = point.Clone();
        }
    }

    public void Delete(PointsSelector selector)
    {
        var doomed = selector.PointsSelectorOneOfCase switch
        {
            PointsSelector.PointsSelectorOneOfOneofCase.Filter => Matching(selector.Filter).Select(p => Key(p.Id)).ToList(),
            PointsSelector.PointsSelectorOneOfOneofCase.Points => selector.Points.Ids.Select(Key).ToList(),
            _ => throw new NotSupportedException($"The fake deletes by filter or ids, not by {selector.PointsSelectorOneOfCase}."),
        };
        foreach (var key in doomed)
        {
            _points.Remove(key);
        }
    }

    public ulong Count(Filter? filter) => (ulong)Matching(filter).Count();

    public ScrollResponse Scroll(ScrollPoints request)
    {
        var response = new ScrollResponse();
        var limit = request.HasLimit ? (int)request.Limit : 10;
        foreach (var point in Matching(request.Filter).Take(limit))
        {
            var retrieved = new RetrievedPoint { Id = point.Id };
            retrieved.Payload.Add(Selected(point.Payload, request.WithPayload));
            response.Result.Add(retrieved);
        }

        return response;
    }

    public FacetResponse Facet(FacetCounts request)
    {
        var response = new FacetResponse();
        var limit = request.HasLimit ? (int)request.Limit : 10;
        var hits = Matching(request.Filter)
            .Where(p => p.Payload.TryGetValue(request.Key, out var v) && v.KindCase == Value.KindOneofCase.StringValue)
            .GroupBy(p => p.Payload[request.Key].StringValue, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(limit);
        foreach (var hit in hits)
        {
            response.Hits.Add(new FacetHit { Value = new FacetValue { StringValue = hit.Key }, Count = (ulong)hit.Count() });
        }

        return response;
    }

    public QueryResponse Query(QueryPoints request)
    {
        var limit = request.HasLimit ? (int)request.Limit : 10;
        IEnumerable<(PointStruct Point, double Score)> ranked = request.Query.VariantCase switch
        {
            global::Qdrant.Client.Grpc.Query.VariantOneofCase.Nearest => Nearest(request.Query.Nearest, request.Using, request.Filter, limit),
            global::Qdrant.Client.Grpc.Query.VariantOneofCase.Rrf => Rrf(request.Prefetch, request.Filter, request.Query.Rrf.HasK ? (int)request.Query.Rrf.K : 2, limit),
            _ => throw new NotSupportedException($"The fake answers nearest and RRF queries, not {request.Query.VariantCase}."),
        };
        var response = new QueryResponse();
        foreach (var (point, score) in ranked)
        {
            var scored = new ScoredPoint { Id = point.Id, Score = (float)score };
            scored.Payload.Add(Selected(point.Payload, request.WithPayload));
            response.Result.Add(scored);
        }

        return response;
    }

    private List<(PointStruct Point, double Score)> Rrf(IEnumerable<PrefetchQuery> prefetches, Filter? filter, int k, int limit)
    {
        var fused = new Dictionary<string, (PointStruct Point, double Score)>(StringComparer.Ordinal);
        foreach (var prefetch in prefetches)
        {
            if (prefetch.Query.VariantCase != global::Qdrant.Client.Grpc.Query.VariantOneofCase.Nearest || prefetch.Prefetch.Count > 0)
            {
                throw new NotSupportedException("The fake fuses prefetches of nearest queries only.");
            }

            var ranking = Nearest(prefetch.Query.Nearest, prefetch.Using, prefetch.Filter, prefetch.HasLimit ? (int)prefetch.Limit : 10)
                .Where(r => Matches(r.Point, filter))
                .ToList();
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var key = Key(ranking[rank].Point.Id);
                fused[key] = (ranking[rank].Point, fused.GetValueOrDefault(key).Score + (1.0 / (k + rank)));
            }
        }

        return fused.Values.OrderByDescending(f => f.Score).ThenBy(f => Key(f.Point.Id), StringComparer.Ordinal).Take(limit).ToList();
    }

    private List<(PointStruct Point, double Score)> Nearest(VectorInput input, string vectorName, Filter? filter, int limit)
    {
        var candidates = Matching(filter).Where(p => p.Vectors.Vectors_.Vectors.ContainsKey(vectorName)).ToList();
        IEnumerable<(PointStruct Point, double Score)> scored = input.VariantCase switch
        {
            VectorInput.VariantOneofCase.Dense => candidates.Select(p => (p, Cosine(input.Dense.Data, DenseOf(p.Vectors.Vectors_.Vectors[vectorName])))),
            VectorInput.VariantOneofCase.Sparse => SparseScores(input.Sparse, vectorName, candidates),
            _ => throw new NotSupportedException($"The fake searches by dense or sparse vectors, not {input.VariantCase}."),
        };
        return scored.OrderByDescending(s => s.Score).ThenBy(s => Key(s.Point.Id), StringComparer.Ordinal).Take(limit).ToList();
    }

    private IEnumerable<(PointStruct Point, double Score)> SparseScores(SparseVector query, string vectorName, List<PointStruct> candidates)
    {
        // IDF over the whole collection, as Qdrant computes it for Modifier.Idf.
        var sparse = _points.Values.Where(p => p.Vectors.Vectors_.Vectors.ContainsKey(vectorName)).Select(p => SparseOf(p.Vectors.Vectors_.Vectors[vectorName])).ToList();
        double n = sparse.Count;
        foreach (var point in candidates)
        {
            var stored = SparseOf(point.Vectors.Vectors_.Vectors[vectorName]);
            var score = 0.0;
            var shared = false;
            for (var i = 0; i < query.Indices.Count; i++)
            {
                if (stored.TryGetValue(query.Indices[i], out var value))
                {
                    var withTerm = sparse.Count(s => s.ContainsKey(query.Indices[i]));
                    score += query.Values[i] * value * Math.Log(1 + ((n - withTerm + 0.5) / (withTerm + 0.5)));
                    shared = true;
                }
            }

            if (shared)
            {
                yield return (point, score);
            }
        }
    }

    private IEnumerable<PointStruct> Matching(Filter? filter) => _points.Values.Where(p => Matches(p, filter));

    private static bool Matches(PointStruct point, Filter? filter) =>
        filter is null
        || (filter.Must.All(c => Holds(point, c))
            && !filter.MustNot.Any(c => Holds(point, c))
            && (filter.Should.Count == 0 || filter.Should.Any(c => Holds(point, c))));

    private static bool Holds(PointStruct point, Condition condition)
    {
        if (condition.ConditionOneOfCase == Condition.ConditionOneOfOneofCase.Filter)
        {
            return Matches(point, condition.Filter);
        }

        if (condition.ConditionOneOfCase != Condition.ConditionOneOfOneofCase.Field || condition.Field.Match is null)
        {
            throw new NotSupportedException($"The fake filters by field matches only, not {condition}.");
        }

        var value = point.Payload.TryGetValue(condition.Field.Key, out var v) && v.KindCase == Value.KindOneofCase.StringValue ? v.StringValue : null;
        var match = condition.Field.Match;
        return match.MatchValueCase switch
        {
            Match.MatchValueOneofCase.Keyword => value == match.Keyword,
            Match.MatchValueOneofCase.Keywords => value is not null && match.Keywords.Strings.Contains(value),
            Match.MatchValueOneofCase.ExceptKeywords => value is null || !match.ExceptKeywords.Strings.Contains(value),
            _ => throw new NotSupportedException($"The fake matches keywords only, not {match.MatchValueCase}."),
        };
    }

    private static MapField<string, Value> Selected(MapField<string, Value> payload, WithPayloadSelector? selector)
    {
        var selected = new MapField<string, Value>();
        if (selector is null)
        {
            return selected;
        }

        foreach (var (key, value) in payload)
        {
            var wanted = selector.SelectorOptionsCase switch
            {
                WithPayloadSelector.SelectorOptionsOneofCase.Enable => selector.Enable,
                WithPayloadSelector.SelectorOptionsOneofCase.Include => selector.Include.Fields.Contains(key),
                WithPayloadSelector.SelectorOptionsOneofCase.Exclude => !selector.Exclude.Fields.Contains(key),
                _ => false,
            };
            if (wanted)
            {
                selected[key] = value.Clone();
            }
        }

        return selected;
    }

    // The client writes vectors in the current fields (dense, sparse), not the deprecated data/indices ones.
    private static IReadOnlyList<float> DenseOf(Vector vector) =>
        vector.VectorCase == Vector.VectorOneofCase.Dense ? vector.Dense.Data : throw new NotSupportedException($"The fake reads dense vectors, not {vector.VectorCase}.");

    private static Dictionary<uint, float> SparseOf(Vector vector) =>
        vector.VectorCase == Vector.VectorOneofCase.Sparse
            ? vector.Sparse.Indices.Zip(vector.Sparse.Values).ToDictionary(x => x.First, x => x.Second)
            : throw new NotSupportedException($"The fake reads sparse vectors, not {vector.VectorCase}.");

    private static double Cosine(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    private static string Key(PointId id) => id.HasUuid ? id.Uuid : id.Num.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
