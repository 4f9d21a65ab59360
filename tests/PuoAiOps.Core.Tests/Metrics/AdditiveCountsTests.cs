using System.Reflection;
using CsCheck;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Core.Tests.Metrics;

public sealed class AdditiveCountsTests
{
    private static readonly PropertyInfo[] Counts = typeof(AdditiveCounts).GetProperties()
        .Where(p => p.PropertyType == typeof(long)).OrderBy(p => p.MetadataToken).ToArray();

    private static AdditiveCounts With(long[] values)
    {
        var counts = new AdditiveCounts();
        for (var i = 0; i < Counts.Length; i++) Counts[i].SetValue(counts, values[i]);
        return counts;
    }

    private static long[] Values(AdditiveCounts counts) => Counts.Select(p => (long)p.GetValue(counts)!).ToArray();

    [Fact]
    public void Names_AreTheCountsInDeclarationOrder_TheRollupTablesColumnNames()
    {
        // The stored tables' columns (migrations 0006 and 0021): a rename here would need a migration.
        Assert.Equal(
            ["Conversations", "Finished", "Confirmed", "Assumed", "Unresolved", "Escalated", "Abandoned", "WithIntent", "Recontacted",
             "Covered", "Answered", "Fallback", "Rated", "RatedGood", "Graded", "GradedCorrect"],
            AdditiveCounts.Names);
        Assert.Equal(Counts.Select(p => p.Name), AdditiveCounts.Names);
    }

    [Fact]
    public void Add_AddsEachCountToItself_AndDescribeListsThemInOrder()
    {
        var values = Gen.Long[0, 1L << 40].Array[Counts.Length];
        Gen.Select(values, values).Sample((a, b) =>
        {
            var sum = With(a);
            sum.Add(With(b));
            var expected = a.Zip(b, (x, y) => x + y).ToArray();
            Assert.Equal(expected, Values(sum));
            Assert.Equal(string.Join(',', expected), sum.Describe());
        });
    }

    [Fact]
    public void CopyCounts_OfIndicatorCounts_KeepsTheCountsAndIsIndependent()
    {
        var counts = new IndicatorCounts { Conversations = 3, Escalated = 1, GradedCorrect = 2 };
        counts.Latency.Add(120);

        var copy = counts.CopyCounts();
        counts.Conversations++;

        Assert.IsType<AdditiveCounts>(copy);
        Assert.Equal("3,0,0,0,0,1,0,0,0,0,0,0,0,0,0,2", copy.Describe());
    }

    [Fact]
    public void Add_IndicatorCounts_AddsTheLatencyToo_WhileAddingBareCountsLeavesItAlone()
    {
        var total = new IndicatorCounts();
        var other = new IndicatorCounts { Answered = 2 };
        other.Latency.Add(800);

        total.Add(other);
        total.Add(other.CopyCounts());

        Assert.Equal(4, total.Answered);
        Assert.Equal(1, total.Latency.Count);
    }
}
