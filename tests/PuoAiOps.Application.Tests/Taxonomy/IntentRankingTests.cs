using CsCheck;
using PuoAiOps.Core.Tests.Properties;
using PuoAiOps.Application.Taxonomy;

namespace PuoAiOps.Application.Tests.Taxonomy;

/// <summary>The one ranking rule every intent picker shares.</summary>
public sealed class IntentRankingTests
{
    private static int Score(string key, string name, string? zh, string description, string query)
    {
        string?[] names = [name, zh];
        return IntentRanking.Score(key, names, IntentRanking.SearchText(key, names, ["payments"], description), IntentRanking.Terms(query));
    }

    [Fact]
    public void Score_RanksKeyOrNameStartsAboveWordStartsAboveInsideAboveDescription()
    {
        var start = Score("refund_request", "Refund request", "退款申请", "", "ref");
        var wordStart = Score("gift_refund", "Gift refund", null, "", "ref");
        var inside = Score("prefund_hold", "Prefund hold", null, "", "ref");
        var description = Score("payment_failed", "Payment failed", null, "the user wants a refund", "ref");
        Assert.True(start > wordStart && wordStart > inside && inside > description && description > 0,
            $"{start} > {wordStart} > {inside} > {description} > 0");
        Assert.Equal(100, Score("recharge_not_credited", "Recharge not credited", "充值未到账", "", "充值"));
    }

    [Fact]
    public void Score_EveryWordMustMatchSomewhere()
    {
        Assert.True(Score("payment_failed", "Payment failed", null, "", "pay fail") > 0);
        Assert.Equal(0, Score("payment_failed", "Payment failed", null, "", "pay refund"));
        Assert.Empty(IntentRanking.Terms("   "));
    }

    [Fact]
    public void Score_OfAnyQuery_IsZeroOrAtLeastTenPerWord_AndNeverThrows()
    {
        Gen.Select(HostileText.Text, HostileText.Text, HostileText.Text).Sample((name, description, query) =>
        {
            var terms = IntentRanking.Terms(query);
            var score = Score("some_key", name, name, description, query);
            return score == 0 || score >= 10 * terms.Length;
        });
    }
}
