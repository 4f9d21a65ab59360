namespace PuoAiOps.Core.Tests.Annotation;

/// <summary>Rating tables from published worked examples, shared by the statistic tests.</summary>
internal static class PublishedExamples
{
    /// <summary>
    /// Wikipedia, "Fleiss' kappa", section "Worked example": 10 subjects, 14 raters each,
    /// 5 categories; rows are n_ij. Published: P̄ = 0.378, P̄e = 0.213, κ = 0.210.
    /// </summary>
    public static readonly int[][] FleissWikipedia =
    [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ];

    /// <summary>The same table expanded into one rating per rater (category numbers 1..5).</summary>
    public static IReadOnlyList<IReadOnlyCollection<int>> FleissWikipediaRatings() =>
        FleissWikipedia
            .Select(row => (IReadOnlyCollection<int>)row.SelectMany((count, j) => Enumerable.Repeat(j + 1, count)).ToList())
            .ToList();

    /// <summary>
    /// Wikipedia, "Cohen's kappa", section "Simple example": 50 grant proposals read by A and B.
    /// Both yes 20, A yes/B no 5, A no/B yes 10, both no 15. Published: po = 0.7, pe = 0.5, κ = 0.4.
    /// </summary>
    public static IReadOnlyList<(string First, string Second)> CohenWikipedia() =>
        Enumerable.Repeat(("yes", "yes"), 20)
            .Concat(Enumerable.Repeat(("yes", "no"), 5))
            .Concat(Enumerable.Repeat(("no", "yes"), 10))
            .Concat(Enumerable.Repeat(("no", "no"), 15))
            .ToList();

    /// <summary>
    /// Wikipedia, "Cohen's kappa", section "Same percentages but different numbers": two 2×2 tables
    /// (rows rater A yes/no, columns rater B yes/no), both with po = 0.60. Published: κ = 0.1304 for
    /// [[45, 15], [25, 15]] and κ = 0.2593 for [[25, 35], [5, 35]].
    /// </summary>
    public static IReadOnlyList<(string First, string Second)> CohenTable(int yesYes, int yesNo, int noYes, int noNo) =>
        Enumerable.Repeat(("yes", "yes"), yesYes)
            .Concat(Enumerable.Repeat(("yes", "no"), yesNo))
            .Concat(Enumerable.Repeat(("no", "yes"), noYes))
            .Concat(Enumerable.Repeat(("no", "no"), noNo))
            .ToList();

    /// <summary>
    /// Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability", Annenberg School for
    /// Communication, section C "Nominal data, any number of observers, missing data": observers
    /// A–D, 12 units, null = missing. Published: n = 40 pairable values, α_nominal = 0.743.
    /// </summary>
    public static readonly int?[][] KrippendorffNominalObservers =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    /// <summary>The observer table turned into units: the values present for each of the 12 units.</summary>
    public static IReadOnlyList<IReadOnlyCollection<int>> KrippendorffNominalUnits() =>
        Enumerable.Range(0, 12)
            .Select(u => (IReadOnlyCollection<int>)KrippendorffNominalObservers
                .Where(o => o[u].HasValue).Select(o => o[u]!.Value).ToList())
            .ToList();

    /// <summary>
    /// Krippendorff (2011), section A "Binary data, two observers, no missing data": 10 units.
    /// Published: α = 0.095.
    /// </summary>
    public static IReadOnlyList<IReadOnlyCollection<int>> KrippendorffBinaryUnits()
    {
        int[] a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
        int[] b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
        return a.Zip(b, (x, y) => (IReadOnlyCollection<int>)new[] { x, y }).ToList();
    }
}
