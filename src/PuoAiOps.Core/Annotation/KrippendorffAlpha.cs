namespace PuoAiOps.Core.Annotation;

/// <summary>α with its parts: observed and expected disagreement and n, the number of pairable values.</summary>
public sealed record AlphaResult(double? Alpha, double ObservedDisagreement, double ExpectedDisagreement, int PairableValues, int Units)
{
    public static AlphaResult Empty { get; } = new(null, 0, 0, 0, 0);
}

/// <summary>
/// Krippendorff's α for nominal data (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").
/// Each unit lists the values its coders gave; missing values are simply absent, so the number of
/// coders may vary per unit. Units with fewer than two values are not pairable and are ignored.
/// α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k, with o_ck the coincidence matrix.
/// </summary>
public static class KrippendorffAlpha
{
    public static AlphaResult Nominal<T>(IEnumerable<IReadOnlyCollection<T>> units) where T : notnull
    {
        // For nominal data only the mismatching mass of the coincidence matrix matters, so it is
        // accumulated directly: a unit with value counts m_c adds (m_u² − Σ m_c²) / (m_u − 1).
        var marginals = new Dictionary<T, double>();
        double mismatches = 0;
        var pairable = 0;
        var unitCount = 0;
        foreach (var unit in units)
        {
            var m = unit.Count;
            if (m < 2) continue;
            unitCount++;
            pairable += m;
            long sumSquares = 0;
            foreach (var (value, count) in unit.CountBy(v => v))
            {
                sumSquares += (long)count * count;
                marginals[value] = marginals.GetValueOrDefault(value) + count;
            }
            mismatches += ((double)m * m - sumSquares) / (m - 1);
        }
        if (pairable == 0) return AlphaResult.Empty;

        double n = pairable;
        var expectedMismatches = n * n - marginals.Values.Sum(c => c * c);
        var observed = mismatches / n;
        var expected = expectedMismatches / (n * (n - 1));
        // No expected disagreement: all values identical, α is 0/0 and reported as undefined.
        double? alpha = expectedMismatches <= 0 ? null : 1 - (n - 1) * mismatches / expectedMismatches;
        return new AlphaResult(alpha, observed, expected, pairable, unitCount);
    }
}
