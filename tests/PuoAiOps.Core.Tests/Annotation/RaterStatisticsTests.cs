using PuoAiOps.Core.Annotation;

namespace PuoAiOps.Core.Tests.Annotation;

public class RaterStatisticsTests
{
    // Hand-computed: item 1 splits {a,a,b} → a–b twice; item 2 {b,c} → b–c once; item 3 {a,b} → a–b once.
    [Fact]
    public void MostConfused_CountsDisagreeingRaterPairsPerUnorderedCategoryPair()
    {
        IReadOnlyCollection<string>[] items = [["a", "a", "b"], ["c", "b"], ["b", "a"], ["d", "d"]];

        var pairs = ConfusionPairs.MostConfused(items);

        Assert.Equal(2, pairs.Count);
        Assert.Equal(new ConfusedPair<string>("a", "b", 3), pairs[0]);
        Assert.Equal(new ConfusedPair<string>("b", "c", 1), pairs[1]);
    }

    [Fact]
    public void MostConfused_KeepsOnlyTheTopPairs()
    {
        IReadOnlyCollection<int>[] items = [[1, 2], [1, 2], [3, 4], [5, 6], [5, 6], [5, 6]];

        var pairs = ConfusionPairs.MostConfused(items, top: 2);

        Assert.Equal([(5, 6, 3L), (1, 2, 2L)], pairs.Select(p => (p.First, p.Second, p.Count)));
    }

    // Cohen's example as a 2×2 table: a = 20 (both yes), b + c = 15 → 2a / (2a + b + c) = 40 / 55.
    [Fact]
    public void SpecificAgreement_ForTwoRatersIsTwoAOverTwoAPlusBPlusC()
    {
        var items = PublishedExamples.CohenWikipedia().Select(p => (IReadOnlyCollection<string>)new[] { p.First, p.Second });

        Assert.Equal(40.0 / 55, SpecificAgreement.Positive(items, "yes")!.Value, 6);
    }

    [Fact]
    public void SpecificAgreement_IsNullWhenNobodyChoseTheCategory()
    {
        IReadOnlyCollection<string>[] items = [["a", "a"]];

        Assert.Null(SpecificAgreement.Positive(items, "z"));
    }

    [Fact]
    public void MatchRates_ScoresEachRaterAgainstTheReference()
    {
        (string, string, string)[] answers = [("ann", "x", "x"), ("ann", "y", "x"), ("bob", "z", "z")];

        var rates = MatchRates.ByRater(answers);

        Assert.Equal(new MatchRate(1, 2), rates["ann"]);
        Assert.Equal(0.5, rates["ann"].Rate);
        Assert.Equal(1.0, rates["bob"].Rate);
    }

    [Fact]
    public void ItemsPerHour_UsesMeasuredDurations()
    {
        var t0 = new DateTime(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        // Three items at 20 s each = 60 s of work → 3 items per minute = 180 per hour.
        LabelTiming[] labels = [new(t0, 20_000), new(t0.AddHours(2), 20_000), new(t0.AddHours(5), 20_000)];

        Assert.Equal(180, Throughput.ItemsPerHour(labels)!.Value, 6);
    }

    [Fact]
    public void ItemsPerHour_FallsBackToCappedGapsBetweenLabels()
    {
        var t0 = new DateTime(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        // Gaps 30 s and 2 h (capped to 5 min) → 330 s active for 3 items.
        LabelTiming[] labels = [new(t0, 0), new(t0.AddSeconds(30), 0), new(t0.AddSeconds(30).AddHours(2), 0)];

        Assert.Equal(3 / (330 / 3600.0), Throughput.ItemsPerHour(labels)!.Value, 6);
        Assert.Null(Throughput.ItemsPerHour([new LabelTiming(t0, 0)]));
    }
}
