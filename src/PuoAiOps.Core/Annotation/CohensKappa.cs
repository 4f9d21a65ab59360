namespace PuoAiOps.Core.Annotation;

/// <summary>
/// Cohen's κ for two raters who rated the same items (Cohen 1960): chance agreement uses each
/// rater's own category proportions, Pe = Σ_c p1(c)·p2(c).
/// </summary>
public static class CohensKappa
{
    public static KappaResult Compute<T>(IEnumerable<(T First, T Second)> pairs) where T : notnull
    {
        var first = new Dictionary<T, int>();
        var second = new Dictionary<T, int>();
        int n = 0, agree = 0;
        foreach (var (a, b) in pairs)
        {
            n++;
            if (EqualityComparer<T>.Default.Equals(a, b)) agree++;
            first[a] = first.GetValueOrDefault(a) + 1;
            second[b] = second.GetValueOrDefault(b) + 1;
        }
        if (n == 0) return KappaResult.Empty;

        double expected = 0;
        foreach (var (category, count) in first)
            expected += (double)count / n * second.GetValueOrDefault(category) / n;
        return KappaResult.From((double)agree / n, expected, n);
    }
}
