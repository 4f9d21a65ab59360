namespace PuoAiOps.Core.Annotation;

/// <summary>
/// Fleiss' κ (Fleiss 1971) for a fixed number of ratings per item; the raters may differ from
/// item to item. Chance agreement comes from the pooled category proportions.
/// </summary>
public static class FleissKappa
{
    /// <summary>From raw ratings; every item must carry the same number (≥ 2) of ratings.</summary>
    public static KappaResult Compute<T>(IEnumerable<IReadOnlyCollection<T>> items) where T : notnull
    {
        var list = items as IReadOnlyList<IReadOnlyCollection<T>> ?? items.ToList();
        if (list.Count == 0) return KappaResult.Empty;
        var categories = list.SelectMany(r => r).Distinct().Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var counts = new int[list.Count][];
        for (var i = 0; i < list.Count; i++)
        {
            counts[i] = new int[categories.Count];
            foreach (var rating in list[i]) counts[i][categories[rating]]++;
        }
        return Compute(counts);
    }

    /// <summary>From the items × categories matrix n_ij (how many raters put item i in category j).</summary>
    public static KappaResult Compute(IReadOnlyList<int[]> counts)
    {
        if (counts.Count == 0) return KappaResult.Empty;
        var raters = counts[0].Sum();
        if (raters < 2) throw new ArgumentException("Fleiss' kappa needs at least two ratings per item.", nameof(counts));
        var categories = counts[0].Length;
        var totals = new long[categories];
        double observedSum = 0;
        foreach (var row in counts)
        {
            if (row.Length != categories) throw new ArgumentException("Every row must have one count per category.", nameof(counts));
            if (row.Sum() != raters)
                throw new ArgumentException($"Fleiss' kappa needs the same number of ratings per item ({raters}); use Krippendorff's alpha for varying counts.", nameof(counts));
            long agreeing = 0;
            for (var j = 0; j < categories; j++)
            {
                agreeing += (long)row[j] * (row[j] - 1);
                totals[j] += row[j];
            }
            observedSum += (double)agreeing / ((long)raters * (raters - 1));
        }
        var all = (double)counts.Count * raters;
        var expected = totals.Sum(t => (t / all) * (t / all));
        return KappaResult.From(observedSum / counts.Count, expected, counts.Count);
    }
}
