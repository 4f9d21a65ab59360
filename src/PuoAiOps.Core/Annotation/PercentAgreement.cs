namespace PuoAiOps.Core.Annotation;

/// <summary>
/// Observed agreement without chance correction. For each item with at least two ratings, the share of
/// rater pairs that chose the same category; the result is the mean over those items (Fleiss' P̄).
/// With exactly two raters per item it is the plain share of items on which they agree.
/// </summary>
public static class PercentAgreement
{
    public static double? Compute<T>(IEnumerable<IReadOnlyCollection<T>> items) where T : notnull
    {
        double sum = 0;
        var count = 0;
        foreach (var ratings in items)
        {
            if (ratings.Count < 2) continue;
            sum += ItemAgreement(ratings);
            count++;
        }
        return count == 0 ? null : sum / count;
    }

    /// <summary>Share of agreeing pairs among the m(m−1) ordered rater pairs of one item.</summary>
    internal static double ItemAgreement<T>(IReadOnlyCollection<T> ratings) where T : notnull
    {
        var m = ratings.Count;
        long agreeing = 0;
        foreach (var group in ratings.CountBy(r => r))
            agreeing += (long)group.Value * (group.Value - 1);
        return (double)agreeing / ((long)m * (m - 1));
    }
}
