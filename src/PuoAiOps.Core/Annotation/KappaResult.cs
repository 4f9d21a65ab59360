namespace PuoAiOps.Core.Annotation;

/// <summary>
/// A chance-corrected agreement: observed agreement, the agreement expected by chance, and
/// κ = (Po − Pe) / (1 − Pe). κ is null when it is undefined (no data, or Pe = 1 because every
/// rating fell in one category), so callers never have to render NaN.
/// </summary>
public sealed record KappaResult(double? Kappa, double ObservedAgreement, double ExpectedAgreement, int Items)
{
    public static KappaResult Empty { get; } = new(null, 0, 0, 0);

    internal static KappaResult From(double observed, double expected, int items)
    {
        // 1 − Pe below rounding noise means all ratings share one category: κ is 0/0.
        var kappa = items == 0 || 1 - expected < 1e-12 ? (double?)null : (observed - expected) / (1 - expected);
        return new KappaResult(kappa, observed, expected, items);
    }
}
