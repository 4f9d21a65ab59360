using PuoAiOps.Core.Taxonomy;

namespace PuoAiOps.Application.Tests.Taxonomy;

public sealed class TaxonomyRulesTests
{
    [Theory]
    [InlineData("recharge_failed", true)]
    [InlineData("r2d2", true)]
    [InlineData("RechargeFailed", false)]
    [InlineData("recharge__failed", false)]
    [InlineData("_recharge", false)]
    [InlineData("recharge-failed", false)]
    [InlineData("2fa_setup", false)]
    [InlineData("", false)]
    [InlineData("oos", false)]
    [InlineData("oos_refund", true)]
    public void IntentKeys_MustBeSnakeCase(string key, bool valid) =>
        Assert.Equal(valid, TaxonomyKeys.ValidateIntentKey(key) is null);

    [Theory]
    [InlineData("payments.md#recharge-failed", true)]
    [InlineData("payments.md", true)]
    [InlineData("payments/cards.md#declined", true)]
    [InlineData("../secrets.md", false)]
    [InlineData("/etc/passwd.md", false)]
    [InlineData("payments.txt", false)]
    public void GuideReferences_StayInsideTheGuidesFolder(string reference, bool valid) =>
        Assert.Equal(valid, GuideReference.Validate(reference) is null);

    [Fact]
    public void SplitRouter_MappingBeatsKeywords_LatinKeywordsMatchWholeWords_CjkAnywhere()
    {
        var router = new SplitRouter(
            new Dictionary<long, string> { [7] = "wallet" },
            [new KeywordRule(["card", "ＶＩＳＡ"], "card"), new KeywordRule(["支付宝"], "wallet")],
            "other");
        Assert.Equal(new SplitRoute("wallet", SplitReason.Explicit), router.RouteQuestion(7, "my card"));
        Assert.Equal(new SplitRoute("card", SplitReason.Keyword), router.RouteQuestion(1, "My Card was declined"));
        Assert.Equal(new SplitRoute("card", SplitReason.Keyword), router.RouteQuestion(1, "paid with visa"));
        Assert.Equal(new SplitRoute("other", SplitReason.Default), router.RouteQuestion(2, "please discard it"));
        Assert.Equal(new SplitRoute("wallet", SplitReason.Keyword), router.RouteQuestion(3, "我用支付宝付的钱"));
        Assert.Equal(new SplitRoute("other", SplitReason.Default), router.RouteQuestion(4, null));
    }
}
