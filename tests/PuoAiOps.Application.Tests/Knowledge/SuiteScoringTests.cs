using PuoAiOps.Application.Knowledge.Suites;

namespace PuoAiOps.Application.Tests.Knowledge;

public sealed class SuiteScoringTests
{
    [Fact]
    public void Score_CountsRecallAtOneRecallAtKAndMrr()
    {
        var (passed, at1, atK, mrr) = SuiteScoring.Score([1, 2, 6, null], k: 5);

        Assert.Equal(2, passed);
        Assert.Equal(0.25, at1);
        Assert.Equal(0.5, atK);
        Assert.Equal((1 + 0.5 + 1.0 / 6) / 4, mrr, 9);
    }

    [Fact]
    public void RankOf_RanksDistinctDocumentsNotChunks()
    {
        Assert.Equal(2, SuiteScoring.RankOf(["a", "a", "a", "b", "c"], ["b", "c"]));
        Assert.Null(SuiteScoring.RankOf(["a", "b"], ["z"]));
    }
}
