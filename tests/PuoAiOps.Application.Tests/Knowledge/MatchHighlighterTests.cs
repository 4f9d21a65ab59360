using PuoAiOps.Application.Knowledge.Search;

namespace PuoAiOps.Application.Tests.Knowledge;

public sealed class MatchHighlighterTests
{
    private static string Marked(string text, string query) =>
        string.Concat(MatchHighlighter.Segments(text, query).Select(s => s.Match ? $"[{s.Text}]" : s.Text));

    [Fact]
    public void Segments_MarkWordStartsCaseInsensitively()
    {
        Assert.Equal("[Refund]s take 5 days; no [refund] of prefunded", Marked("Refunds take 5 days; no refund of prefunded", "refund"));
    }

    [Fact]
    public void Segments_MarkChineseByBigrams()
    {
        Assert.Equal("[金币没有到账]，请等待", Marked("金币没有到账，请等待", "金币 没有到账"));
        Assert.Equal("钱[扣了]，[金币]呢", Marked("钱扣了，金币呢", "扣了金币"));
        Assert.Equal("[充值]记录", Marked("充值记录", "充值"));
    }

    [Fact]
    public void Segments_KeepMarkupAsText_ForThePageToEncode()
    {
        var segments = MatchHighlighter.Segments("<script>alert(1)</script> refund", "refund");
        Assert.Equal("<script>alert(1)</script> ", segments[0].Text);
        Assert.False(segments[0].Match);
        Assert.True(segments[1].Match);
    }

    [Fact]
    public void Segments_JoinBackToTheText()
    {
        const string text = "Apple decides App Store refunds; Google decides Play refunds.";
        Assert.Equal(text, string.Concat(MatchHighlighter.Segments(text, "google play refund decides").Select(s => s.Text)));
    }
}
