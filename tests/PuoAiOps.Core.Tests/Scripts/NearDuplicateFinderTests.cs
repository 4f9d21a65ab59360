using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Core.Tests.Scripts;

public sealed class NearDuplicateFinderTests
{
    [Fact]
    public void Find_FlagsNearlyTheSameAnswerAcrossIntents_KeepingTheApprovedOne()
    {
        var a = new ScriptText(1, "refund_request", "en", ScriptChannels.Im,
            "Hi {{user_name}}, unused coins can be refunded within 14 days. Go to Wallet > Recharge history and tap Request refund.", IsApproved: false);
        var b = new ScriptText(2, "refund_status", "en", ScriptChannels.Im,
            "Hi {{user_name}}, unused coins can be refunded within 14 days: go to Wallet > Recharge history and tap Request refund.", IsApproved: true);
        var c = new ScriptText(3, "stream_lag", "en", ScriptChannels.Im, "Hi {{user_name}}, if your stream lags, switch to a 5 GHz network.", true);

        var pair = Assert.Single(NearDuplicateFinder.Find([a, b, c]));
        Assert.Equal((2L, 1L), (pair.Keep.Id, pair.Merge.Id));
        Assert.False(pair.SameIntent);
        Assert.Contains("merge #1 into #2", pair.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_NeverPairsDifferentLocales()
    {
        var en = new ScriptText(1, "a", "en", ScriptChannels.Im, "Hi {{user_name}}, refunds take 5 days.", true);
        var zh = new ScriptText(2, "a", "zh-CN", ScriptChannels.Im, "Hi {{user_name}}, refunds take 5 days.", true);
        Assert.Empty(NearDuplicateFinder.Find([en, zh]));
    }

    [Fact]
    public void Find_WorksOnChineseWithoutSpaces()
    {
        var a = new ScriptText(1, "a", "zh-CN", ScriptChannels.Im, "{{user_name}}您好，购买后14天内未使用的金币可申请退款，请在钱包中操作。", true);
        var b = new ScriptText(2, "b", "zh-CN", ScriptChannels.Im, "{{user_name}}您好，购买后14天内未使用的金币都可申请退款，请在钱包里操作。", true);
        Assert.Single(NearDuplicateFinder.Find([a, b]));
    }
}
