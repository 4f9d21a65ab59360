using PuoAiOps.Core.Retrieval;

namespace PuoAiOps.Core.Tests.Retrieval;

public sealed class FusionAndBaselineTests
{
    [Fact]
    public void Fuse_RanksAnIdBothListsAgreeOnAboveOneListsTop()
    {
        var keyword = new RankedList([1, 2, 3]);
        var dense = new RankedList([4, 2, 5]);

        var fused = ReciprocalRankFusion.Fuse([keyword, dense], top: 5);

        Assert.Equal(2, fused[0].Id);
        Assert.Equal(new int?[] { 2, 2 }, fused[0].Ranks);
        Assert.Equal(1.0 / 62 + 1.0 / 62, fused[0].Score, 12);
        Assert.Equal(5, fused.Count);
    }

    [Fact]
    public void Fuse_WeightsALists_Votes()
    {
        var fused = ReciprocalRankFusion.Fuse([new RankedList([1]), new RankedList([2], Weight: 2)], top: 2);

        Assert.Equal([2L, 1L], fused.Select(h => h.Id));
    }

    [Fact]
    public void Bm25_RanksTheDocumentWithTheRareTermFirst()
    {
        var bm25 = new OkapiBm25();
        bm25.Add(1, "how do I recharge coins");
        bm25.Add(2, "how do I cancel my subscription");
        bm25.Add(3, "how do I get a refund for coins");

        var hits = bm25.Search("refund coins", 3);

        Assert.Equal(3, hits[0].Id);
        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public void Glossary_AppendsSynonymsOfTermsInTheQuery()
    {
        var glossary = new Glossary([["recharge", "top up", "充值"], ["payout", "withdrawal"]]);

        Assert.Equal("how to top up coins recharge 充值", glossary.Expand("how to top up coins"));
        Assert.Equal("充值失败 recharge top up", glossary.Expand("充值失败"));
        Assert.Equal("stream lag", glossary.Expand("stream lag"));
        // Whole words only: "payouts" is not "payout".
        Assert.Equal("payouts late", glossary.Expand("payouts late"));
    }

    [Fact]
    public void Metrics_CountFirstRelevantRank()
    {
        var metrics = new RetrievalMetrics();
        var relevant = new HashSet<string> { "a" };
        metrics.Add(["a", "b"], relevant);
        metrics.Add(["b", "c", "a"], relevant);
        metrics.Add(["b", "c"], relevant);

        Assert.Equal(1.0 / 3, metrics.RecallAt1, 9);
        Assert.Equal(2.0 / 3, metrics.RecallAt5, 9);
        Assert.Equal((1 + 1.0 / 3) / 3, metrics.MrrAt10, 9);
    }

    [Fact]
    public void TopK_ReturnsTheBestRowsInOrderAndHonoursTheFilter()
    {
        float[] matrix = [1, 0, 0, 1, 0.6f, 0.8f, -1, 0];
        float[] query = [0.8f, 0.6f];

        var top = ExactVectorSearch.TopK(matrix, 2, 4, query, 2);
        var filtered = ExactVectorSearch.TopK(matrix, 2, 4, query, 2, row => row != 0);

        Assert.Equal([2, 0], top.Select(t => t.Row));
        Assert.Equal(0.96f, top[0].Score, 5);
        Assert.Equal([2, 1], filtered.Select(t => t.Row));
    }
}
