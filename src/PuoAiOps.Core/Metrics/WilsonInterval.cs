namespace PuoAiOps.Core.Metrics;

/// <summary>
/// The Wilson score interval for a binomial proportion (Wilson 1927). Unlike the normal
/// approximation it stays inside [0, 1] and behaves at 0 and n successes and for small n, which is
/// what a daily rate over a few dozen graded answers needs.
/// </summary>
public static class WilsonInterval
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static (double Low, double High)? Compute(long successes, long trials, double z = Z95)
    {
        if (trials <= 0) return null;
        if (successes < 0 || successes > trials) throw new ArgumentOutOfRangeException(nameof(successes), "successes must lie in [0, trials].");
        double n = trials, p = successes / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        // Clamp away rounding noise so the bounds are exactly 0 and 1 at the edges.
        return (Math.Max(0, successes == 0 ? 0 : centre - half), Math.Min(1, successes == trials ? 1 : centre + half));
    }
}
