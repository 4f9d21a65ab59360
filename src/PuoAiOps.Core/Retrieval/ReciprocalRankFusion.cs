namespace PuoAiOps.Core.Retrieval;

/// <summary>
/// Reciprocal rank fusion (Cormack et al., 2009): score(d) = Σ weight / (k + rank), over the ranked
/// lists that contain d. Only ranks are used, so BM25 scores and cosines need no calibration
/// against each other. k = 60 is the published default; a smaller k lets top ranks dominate.
/// </summary>
public static class ReciprocalRankFusion
{
    public const int DefaultK = 60;

    public static IReadOnlyList<FusedHit> Fuse(IReadOnlyList<RankedList> lists, int top, int k = DefaultK)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var scores = new Dictionary<long, FusedHit>();
        for (var l = 0; l < lists.Count; l++)
        {
            var list = lists[l];
            for (var rank = 0; rank < list.Ids.Count; rank++)
            {
                var id = list.Ids[rank];
                var add = list.Weight / (k + rank + 1);
                var ranks = scores.TryGetValue(id, out var hit) ? hit.Ranks : new int?[lists.Count];
                // A list that repeats an id counts it at its best rank only.
                if (ranks[l] is not null) continue;
                ranks[l] = rank + 1;
                scores[id] = new FusedHit(id, (hit?.Score ?? 0) + add, ranks);
            }
        }
        return scores.Values
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Ranks.Min(r => r ?? int.MaxValue))
            .ThenBy(h => h.Id)
            .Take(top)
            .ToList();
    }
}

/// <summary>Ids best first, from one retriever, with the weight of its votes.</summary>
public sealed record RankedList(IReadOnlyList<long> Ids, double Weight = 1.0);

/// <summary>A fused result: its score and its 1-based rank in each input list (null where absent).</summary>
public sealed record FusedHit(long Id, double Score, int?[] Ranks);
