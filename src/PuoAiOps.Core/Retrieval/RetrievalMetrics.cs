namespace PuoAiOps.Core.Retrieval;

/// <summary>
/// Ranking quality over a query set. recall@k here is the share of queries with at least one
/// relevant id in the top k (the usual FAQ-retrieval reading: one right answer is enough);
/// MRR@k averages 1 / rank of the first relevant id, 0 when none is in the top k.
/// </summary>
public sealed class RetrievalMetrics
{
    private int _queries;
    private int _hitsAt1;
    private int _hitsAt5;
    private double _reciprocalRanks;

    public int Queries => _queries;
    public double RecallAt1 => _queries == 0 ? 0 : (double)_hitsAt1 / _queries;
    public double RecallAt5 => _queries == 0 ? 0 : (double)_hitsAt5 / _queries;
    public double MrrAt10 => _queries == 0 ? 0 : _reciprocalRanks / _queries;

    public void Add(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant)
    {
        _queries++;
        var first = FirstRelevant(ranked, relevant);
        if (first == 1) _hitsAt1++;
        if (first is > 0 and <= 5) _hitsAt5++;
        if (first is > 0 and <= 10) _reciprocalRanks += 1.0 / first;
    }

    /// <summary>1-based rank of the first relevant id, or 0 when none is ranked.</summary>
    public static int FirstRelevant(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant)
    {
        for (var i = 0; i < ranked.Count; i++)
            if (relevant.Contains(ranked[i])) return i + 1;
        return 0;
    }
}
