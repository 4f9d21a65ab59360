using Grpc.Core;
using PuoAiOps.QdrantFake.Contract;

namespace PuoAiOps.QdrantFake;

/// <summary>
/// The Query API for what the test server implements: exact nearest neighbours on a dense vector
/// (cosine: vectors are normalised on upsert, as Qdrant does) or a sparse one (dot product, times
/// each term's IDF when the sparse vector has the IDF modifier), prefetches (nested, each with its own
/// filter and limit, plus the outer filter), and reciprocal rank fusion of the prefetches
/// (<c>fusion: RRF</c> with k 2, Qdrant's default, or <c>rrf</c> with k and weights).
/// </summary>
internal static class FakeQuery
{
    private const uint DefaultRrfK = 2;

    public static List<(FakePoint Point, float Score)> Run(FakeCollection c, IEnumerable<PrefetchQuery> prefetch, Query? query, string? vectorName, Filter? filter, ulong limit, float? threshold)
    {
        var sources = prefetch.Select(p => Run(c, p.Prefetch, p.Query, p.HasUsing ? p.Using : null, And(filter, p.Filter), p.HasLimit ? p.Limit : 10, p.HasScoreThreshold ? p.ScoreThreshold : null)).ToList();
        IEnumerable<(FakePoint Point, float Score)> ranked;
        if (sources.Count > 0)
        {
            ranked = query?.VariantCase switch
            {
                Query.VariantOneofCase.Fusion when query.Fusion == Fusion.Rrf => Rrf(sources, DefaultRrfK, []),
                Query.VariantOneofCase.Rrf => Rrf(sources, query.Rrf.HasK ? query.Rrf.K : DefaultRrfK, [.. query.Rrf.Weights]),
                _ => throw FakeFilter.Unimplemented($"a {query?.VariantCase.ToString() ?? "missing"} query over prefetches (only RRF fusion)"),
            };
        }
        else if (query is null) ranked = c.Points.Values.Where(p => FakeFilter.Matches(filter, p)).Select(p => (p, 0f));
        else if (query.VariantCase == Query.VariantOneofCase.Nearest) ranked = Nearest(c, query.Nearest, vectorName ?? "", filter);
        else throw FakeFilter.Unimplemented($"query {query.VariantCase}");
        if (threshold is { } min) ranked = ranked.Where(r => r.Score >= min);
        return ranked.Take((int)Math.Min(limit, int.MaxValue)).ToList();
    }

    private static IEnumerable<(FakePoint, float)> Nearest(FakeCollection c, VectorInput input, string name, Filter? filter)
    {
        var candidates = c.Points.Values.Where(p => FakeFilter.Matches(filter, p));
        switch (input.VariantCase)
        {
            case VectorInput.VariantOneofCase.Dense:
                if (!c.Dense.TryGetValue(name, out var size)) throw Invalid($"Wrong input: Not existing vector name error: {name}");
                if ((ulong)input.Dense.Data.Count != size) throw Invalid($"Wrong input: Vector dimension error: expected dim: {size}, got {input.Dense.Data.Count}");
                var q = FakeVectors.Normalize(input.Dense.Data);
                return candidates.Where(p => p.Dense.ContainsKey(name))
                    .Select(p => (p, FakeVectors.Dot(q, p.Dense[name])))
                    .OrderByDescending(r => r.Item2).ThenBy(r => r.p.Id);
            case VectorInput.VariantOneofCase.Sparse:
                if (!c.Sparse.TryGetValue(name, out var idf)) throw Invalid($"Wrong input: Not existing vector name error: {name}");
                var withVector = c.Points.Values.Where(p => p.Sparse.ContainsKey(name)).ToList();
                var query = FakeVectors.Sparse(input.Sparse.Indices, input.Sparse.Values);
                var weights = query.ToDictionary(t => t.Key, t => idf ? t.Value * Idf(withVector, name, t.Key) : t.Value);
                return candidates.Where(p => p.Sparse.TryGetValue(name, out var v) && v.Keys.Any(weights.ContainsKey))
                    .Select(p => (p, weights.Sum(w => p.Sparse[name].TryGetValue(w.Key, out var x) ? w.Value * x : 0f)))
                    .OrderByDescending(r => r.Item2).ThenBy(r => r.p.Id);
            default:
                throw FakeFilter.Unimplemented($"nearest by {input.VariantCase}");
        }
    }

    /// <summary>Qdrant's IDF: ln(1 + (N - n + 0.5) / (n + 0.5)) over the points that have this sparse vector.</summary>
    private static float Idf(List<FakePoint> points, string name, uint term)
    {
        var n = points.Count(p => p.Sparse[name].ContainsKey(term));
        return (float)Math.Log(1 + (points.Count - n + 0.5) / (n + 0.5));
    }

    private static IEnumerable<(FakePoint, float)> Rrf(List<List<(FakePoint Point, float Score)>> sources, uint k, float[] weights)
    {
        if (weights.Length > 0 && weights.Length != sources.Count) throw Invalid($"RRF has {weights.Length} weights for {sources.Count} prefetches");
        var scores = new Dictionary<ulong, (FakePoint Point, float Score)>();
        for (var s = 0; s < sources.Count; s++)
        {
            var weight = weights.Length > 0 ? weights[s] : 1f;
            for (var rank = 0; rank < sources[s].Count; rank++)
            {
                var point = sources[s][rank].Point;
                var add = weight / (k + rank + 1);
                scores[point.Id] = (point, (scores.TryGetValue(point.Id, out var had) ? had.Score : 0) + add);
            }
        }
        return scores.Values.OrderByDescending(r => r.Score).ThenBy(r => r.Point.Id).Select(r => (r.Point, r.Score));
    }

    private static Filter? And(Filter? outer, Filter? inner) =>
        outer is null ? inner : inner is null ? outer : new Filter { Must = { new Condition { Filter = outer }, new Condition { Filter = inner } } };

    internal static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
