using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Web.Components.Shared.Intents;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>The shared intent picker on its own (bUnit): search over key, both names, domain and description; numbers; the highlight.</summary>
public sealed class IntentPickerTests : IAsyncDisposable
{
    private static readonly IReadOnlyList<PickerIntent> Intents =
    [
        new(1, "login_failed", "Cannot log in", "无法登录", "Account and login", false, "login_failed login failed cannot log in 无法登录 account and login the user cannot sign in"),
        new(2, "payment_failed", "Payment failed", "支付失败", "Payments", false, "payment_failed payment failed 支付失败 payments a card payment was declined"),
        new(3, "recharge_not_credited", "Recharge not credited", "充值未到账", "Payments", false, "recharge_not_credited recharge not credited 充值未到账 payments coins are not in the balance"),
        new(4, "refund_request", "Refund request", "申请退款", "Payments", true, "refund_request refund request 申请退款 payments money back"),
    ];

    private readonly BunitContext _context = new();
    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;
    private readonly List<PickerIntent> _chosen = [];

    public IntentPickerTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
        _context.Services.AddSingleton(new AssetPaths(new TestEnvironment()));
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    [Theory]
    [InlineData("refund", "refund_request")]
    [InlineData("充值", "recharge_not_credited")]
    [InlineData("pay fail", "payment_failed")]
    [InlineData("coins balance", "recharge_not_credited")]
    [InlineData("LOG", "login_failed")]
    public void Rank_FindsIntentsByKeyNamesInBothLanguagesAndDescription(string query, string first) =>
        Assert.Equal(first, IntentSearch.Rank(Intents, query)[0].Key);

    [Fact]
    public void Rank_EveryWordMustMatch_AndPinnedIntentsLeadAnEmptySearch()
    {
        Assert.Empty(IntentSearch.Rank(Intents, "refund login"));
        Assert.Equal([3, 2, 1, 4], IntentSearch.Rank(Intents, "", pinned: [3, 2]).Select(i => i.Id));
        Assert.Equal([1, 2, 3, 4], IntentSearch.Rank(Intents, "  ").Select(i => i.Id));
    }

    [Fact]
    public async Task Typing_FiltersAndNumbersTheMatches_AndANumberChoosesOne()
    {
        var picker = Render();
        await picker.Find("#intent-search").InputAsync(new() { Value = "pay" });
        var options = picker.FindAll(".picker-option");
        Assert.Equal(["payment_failed", "recharge_not_credited", "refund_request"], options.Select(o => o.GetAttribute("data-key")));
        Assert.Equal(["1", "2", "3"], options.Select(o => o.QuerySelector(".picker-num")!.TextContent));
        Assert.Contains("is-highlighted", options[0].ClassName, StringComparison.Ordinal);

        Assert.True(await picker.InvokeAsync(() => picker.Instance.ChooseNumberAsync(2)));
        Assert.Equal("recharge_not_credited", Assert.Single(_chosen).Key);
        Assert.Contains("is-chosen", picker.Find("[data-key=recharge_not_credited]").ClassName, StringComparison.Ordinal);
        Assert.False(await picker.InvokeAsync(() => picker.Instance.ChooseNumberAsync(9)));
    }

    [Fact]
    public async Task Arrows_MoveTheHighlight_WithinTheMatches()
    {
        var picker = Render();
        await picker.InvokeAsync(() => picker.Instance.MoveAsync(1));
        await picker.InvokeAsync(() => picker.Instance.MoveAsync(10));
        Assert.Equal(4, picker.Instance.HighlightedId);
        await picker.InvokeAsync(() => picker.Instance.MoveAsync(-10));
        Assert.Equal(1, picker.Instance.HighlightedId);
        Assert.Equal("intent-search-option-1", picker.Find("#intent-search").GetAttribute("aria-activedescendant"));
    }

    [Fact]
    public async Task NoMatch_SaysWhatToTry_InChinese()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var picker = Render();
        await picker.Find("#intent-search").InputAsync(new() { Value = "zzzz" });
        Assert.Contains("没有匹配的意图", picker.Find("[data-testid=picker-no-match]").TextContent, StringComparison.Ordinal);
        Assert.Equal("搜索意图", picker.Find("#intent-search").GetAttribute("aria-label"));
    }

    private IRenderedComponent<IntentPicker> Render() => _context.Render<IntentPicker>(p => p
        .Add(x => x.Intents, Intents)
        .Add(x => x.OnChoose, intent => _chosen.Add(intent)));

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _previousUi;
        await _context.DisposeAsync();
    }

    private sealed class TestEnvironment : Microsoft.AspNetCore.Hosting.IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider WebRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        public string ApplicationName { get; set; } = "PuoAiOps.Web";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public string EnvironmentName { get; set; } = "Test";
    }
}
