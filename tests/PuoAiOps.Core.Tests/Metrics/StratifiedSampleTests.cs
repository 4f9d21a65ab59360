using CsCheck;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Core.Tests.Metrics;

public sealed class StratifiedSampleTests
{
    [Fact]
    public void Allocate_IsProportional_AndKeepsRareStrata()
    {
        var sizes = new Dictionary<string, int> { ["common"] = 900, ["mid"] = 90, ["rare"] = 10 };
        var shares = StratifiedSample.Allocate(sizes, 100, seed: 1);
        Assert.Equal(100, shares.Values.Sum());
        Assert.InRange(shares["common"], 88, 91);
        Assert.InRange(shares["mid"], 8, 10);
        Assert.InRange(shares["rare"], 1, 2);
    }

    [Fact]
    public void Allocate_SumsToTheSizeOrEverything_NeverExceedsAStratum() =>
        Gen.Dictionary(Gen.String[Gen.Char['a', 'f'], 1, 3], Gen.Int[0, 300])[0, 12].Select(Gen.Int[0, 500]).Sample((sizes, size) =>
        {
            var shares = StratifiedSample.Allocate(sizes, size, seed: 7);
            Assert.Equal(Math.Min(size, sizes.Values.Sum()), shares.Values.Sum());
            Assert.All(shares, s => Assert.InRange(s.Value, 0, sizes[s.Key]));
            if (size >= sizes.Count(s => s.Value > 0))
                Assert.All(sizes.Where(s => s.Value > 0), s => Assert.True(shares[s.Key] >= 1));
        });

    [Fact]
    public void Pick_DependsOnIdsNotOrder()
    {
        var ids = Enumerable.Range(1, 200).Select(i => (long)i).ToList();
        var forward = StratifiedSample.Pick(ids, 10, 3, 5).ToList();
        ids.Reverse();
        Assert.Equal(forward, StratifiedSample.Pick(ids, 10, 3, 5).ToList());
        Assert.NotEqual(forward, StratifiedSample.Pick(ids, 10, 4, 5).ToList());
    }
}
