namespace PuoAiOps.Application.Knowledge.Suites;

/// <summary>
/// The suite's figures from each query's document-level rank of its first expected document (null:
/// not found): recall@1, recall@k (the query passes) and MRR@10.
/// </summary>
public static class SuiteScoring
{
    public static (int Passed, double RecallAt1, double RecallAtK, double Mrr) Score(IReadOnlyCollection<int?> ranks, int k)
    {
        if (ranks.Count == 0) return (0, 0, 0, 0);
        var passed = ranks.Count(r => r <= k);
        var at1 = ranks.Count(r => r == 1);
        var mrr = ranks.Sum(r => r is { } rank && rank <= 10 ? 1.0 / rank : 0);
        return (passed, (double)at1 / ranks.Count, (double)passed / ranks.Count, mrr / ranks.Count);
    }

    /// <summary>1-based rank of the first expected slug among the distinct documents of a ranking, or null.</summary>
    public static int? RankOf(IEnumerable<string> rankedSlugs, IReadOnlyCollection<string> expected)
    {
        var rank = 0;
        foreach (var slug in rankedSlugs.Distinct(StringComparer.Ordinal))
        {
            rank++;
            if (expected.Contains(slug, StringComparer.Ordinal)) return rank;
        }
        return null;
    }
}
