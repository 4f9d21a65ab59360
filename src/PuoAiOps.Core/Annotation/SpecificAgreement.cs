namespace PuoAiOps.Core.Annotation;

/// <summary>
/// Positive specific agreement for one category (Spitzer &amp; Fleiss 1974; Cicchetti &amp; Feinstein 1990):
/// given that a rater chose the category, how often did another rater of the same item choose it too.
/// For two raters it is 2a / (2a + b + c); with m_u ratings of which x_u chose the category it
/// generalises to Σ x_u(x_u − 1) / Σ x_u(m_u − 1).
/// </summary>
public static class SpecificAgreement
{
    public static double? Positive<T>(IEnumerable<IReadOnlyCollection<T>> items, T category) where T : notnull
    {
        long agreeing = 0, possible = 0;
        var comparer = EqualityComparer<T>.Default;
        foreach (var ratings in items)
        {
            var m = ratings.Count;
            if (m < 2) continue;
            long x = ratings.Count(r => comparer.Equals(r, category));
            agreeing += x * (x - 1);
            possible += x * (m - 1);
        }
        return possible == 0 ? null : (double)agreeing / possible;
    }
}
