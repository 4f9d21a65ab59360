using PuoAiOps.Core.Annotation;

namespace PuoAiOps.Core.Tests.Annotation;

public class StratifiedSplitTests
{
    private static List<SplitRow> Rows() =>
        Enumerable.Range(1, 50).Select(i => new SplitRow(i, "a"))
            .Concat(Enumerable.Range(51, 10).Select(i => new SplitRow(i, "b")))
            .Append(new SplitRow(61, "single"))
            .Concat(Enumerable.Range(62, 2).Select(i => new SplitRow(i, "pair")))
            .ToList();

    [Fact]
    public void Assign_KeepsTheTestShareWithinEachLabel()
    {
        var rows = Rows();

        var test = StratifiedSplit.Assign(rows, 0.2, seed: 7);

        int TestOf(string label) => rows.Where((r, i) => r.Label == label && test[i]).Count();
        Assert.Equal(10, TestOf("a"));
        Assert.Equal(2, TestOf("b"));
        Assert.Equal(0, TestOf("single"));
        Assert.Equal(1, TestOf("pair"));
    }

    [Fact]
    public void Assign_IsDeterministicForASeedAndIndependentOfRowOrder()
    {
        var rows = Rows();
        var reversed = rows.AsEnumerable().Reverse().ToList();

        var first = StratifiedSplit.Assign(rows, 0.2, seed: 7);
        var again = StratifiedSplit.Assign(rows, 0.2, seed: 7);
        var fromReversed = StratifiedSplit.Assign(reversed, 0.2, seed: 7);
        var otherSeed = StratifiedSplit.Assign(rows, 0.2, seed: 8);

        Assert.Equal(first, again);
        var testIds = rows.Where((_, i) => first[i]).Select(r => r.Id).Order();
        Assert.Equal(testIds, reversed.Where((_, i) => fromReversed[i]).Select(r => r.Id).Order());
        Assert.NotEqual(first, otherSeed);
    }

    [Theory]
    [InlineData(1, 0.2, 0)]
    [InlineData(2, 0.2, 1)]
    [InlineData(10, 0.25, 3)]
    [InlineData(10, 0.0, 0)]
    [InlineData(3, 0.9, 2)]
    public void TestCount_LeavesSinglesInTrainAndBothPartsNonEmpty(int n, double share, int expected) =>
        Assert.Equal(expected, StratifiedSplit.TestCount(n, share));

    [Fact]
    public void Assign_RejectsShareOfOneOrMore() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.Assign(Rows(), 1.0, 1));
}
