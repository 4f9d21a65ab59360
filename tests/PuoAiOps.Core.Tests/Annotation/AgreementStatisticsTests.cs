using PuoAiOps.Core.Annotation;

namespace PuoAiOps.Core.Tests.Annotation;

public class AgreementStatisticsTests
{
    // Source: Wikipedia "Fleiss' kappa", worked example (10 subjects × 14 raters, 5 categories): κ = 0.210.
    [Fact]
    public void FleissKappa_MatchesWikipediaWorkedExample_FromCountMatrix()
    {
        var result = FleissKappa.Compute(PublishedExamples.FleissWikipedia);

        Assert.Equal(0.378, result.ObservedAgreement, 3);
        Assert.Equal(0.213, result.ExpectedAgreement, 3);
        Assert.NotNull(result.Kappa);
        Assert.Equal(0.210, result.Kappa.Value, 3);
        Assert.Equal(10, result.Items);
    }

    // Source: the same Wikipedia worked example, given as individual ratings instead of counts.
    [Fact]
    public void FleissKappa_MatchesWikipediaWorkedExample_FromRatings()
    {
        var result = FleissKappa.Compute(PublishedExamples.FleissWikipediaRatings());

        Assert.Equal(0.210, result.Kappa!.Value, 3);
    }

    [Fact]
    public void FleissKappa_RejectsItemsWithDifferentRatingCounts()
    {
        IReadOnlyCollection<int>[] items = [[1, 1], [1, 2, 2]];

        var ex = Assert.Throws<ArgumentException>(() => FleissKappa.Compute(items));
        Assert.Contains("same number of ratings", ex.Message, StringComparison.Ordinal);
    }

    // Source: Wikipedia "Cohen's kappa", simple example (50 proposals, yes/no): po = 0.7, pe = 0.5, κ = 0.4.
    [Fact]
    public void CohensKappa_MatchesWikipediaSimpleExample()
    {
        var result = CohensKappa.Compute(PublishedExamples.CohenWikipedia());

        Assert.Equal(0.700, result.ObservedAgreement, 3);
        Assert.Equal(0.500, result.ExpectedAgreement, 3);
        Assert.Equal(0.400, result.Kappa!.Value, 3);
        Assert.Equal(50, result.Items);
    }

    // Source: Wikipedia "Cohen's kappa", "Same percentages but different numbers": po = 0.60 in both
    // tables, κ = 0.1304 and κ = 0.2593 (pe 0.54 and 0.46).
    [Theory]
    [InlineData(45, 15, 25, 15, 0.540, 0.130)]
    [InlineData(25, 35, 5, 35, 0.460, 0.259)]
    public void CohensKappa_MatchesWikipediaSamePercentagesExamples(int yesYes, int yesNo, int noYes, int noNo, double pe, double kappa)
    {
        var result = CohensKappa.Compute(PublishedExamples.CohenTable(yesYes, yesNo, noYes, noNo));

        Assert.Equal(0.600, result.ObservedAgreement, 3);
        Assert.Equal(pe, result.ExpectedAgreement, 3);
        Assert.Equal(kappa, result.Kappa!.Value, 3);
    }

    [Fact]
    public void CohensKappa_IsUndefinedWhenEveryRatingIsTheSameCategory()
    {
        var result = CohensKappa.Compute(Enumerable.Repeat(("a", "a"), 5));

        Assert.Null(result.Kappa);
        Assert.Equal(1.0, result.ObservedAgreement);
    }

    // Source: Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", section C (nominal,
    // 4 observers, 12 units, missing values): n = 40, α = 0.743.
    [Fact]
    public void KrippendorffAlpha_MatchesKrippendorff2011NominalExampleWithMissingValues()
    {
        var result = KrippendorffAlpha.Nominal(PublishedExamples.KrippendorffNominalUnits());

        Assert.Equal(40, result.PairableValues);
        Assert.Equal(11, result.Units); // unit 12 has a single value and is not pairable
        Assert.Equal(0.743, result.Alpha!.Value, 3);
    }

    // Source: Krippendorff (2011), section A (binary, two observers, 10 units): α = 0.095.
    [Fact]
    public void KrippendorffAlpha_MatchesKrippendorff2011BinaryExample()
    {
        var result = KrippendorffAlpha.Nominal(PublishedExamples.KrippendorffBinaryUnits());

        Assert.Equal(20, result.PairableValues);
        Assert.Equal(0.095, result.Alpha!.Value, 3);
    }

    [Fact]
    public void KrippendorffAlpha_IsUndefinedWithoutVariation()
    {
        IReadOnlyCollection<string>[] units = [["x", "x"], ["x", "x", "x"]];

        Assert.Null(KrippendorffAlpha.Nominal(units).Alpha);
    }

    // Source: P̄ of the Wikipedia Fleiss worked example (0.378) and po of the Cohen example (0.7).
    [Fact]
    public void PercentAgreement_MatchesPublishedObservedAgreement()
    {
        Assert.Equal(0.378, PercentAgreement.Compute(PublishedExamples.FleissWikipediaRatings())!.Value, 3);

        var cohenItems = PublishedExamples.CohenWikipedia().Select(p => (IReadOnlyCollection<string>)new[] { p.First, p.Second });
        Assert.Equal(0.700, PercentAgreement.Compute(cohenItems)!.Value, 3);
    }

    [Fact]
    public void PercentAgreement_IgnoresItemsWithASingleRating()
    {
        IReadOnlyCollection<string>[] items = [["a"], ["a", "b"], ["c", "c"]];

        Assert.Equal(0.5, PercentAgreement.Compute(items));
        Assert.Null(PercentAgreement.Compute(new IReadOnlyCollection<string>[] { ["a"] }));
    }
}
