using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PuoAiOps.Web.Components.Grading;

namespace PuoAiOps.Web.Tests.Metrics;

/// <summary>The LLM judge button on the grading page: enabled only with an LLM and a sample, with the reason when not; absent for other roles.</summary>
public sealed class JudgeCardTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;

    public JudgeCardTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
        _context.Services.AddSingleton<PuoAiOps.Web.Localization.MessageWords>();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    private IRenderedComponent<JudgeCard> Render(bool canRun, bool available, bool hasSample, Action? onRun = null) =>
        _context.Render<JudgeCard>(p => p
            .Add(c => c.CanRun, canRun).Add(c => c.Available, available).Add(c => c.HasSample, hasSample).Add(c => c.Period, "2026-W49")
            .Add(c => c.OnRun, () => onRun?.Invoke()));

    [Fact]
    public void RunButton_WithAnLlmAndASample_IsEnabled_AndStartsTheJudge()
    {
        var clicked = 0;
        var card = Render(canRun: true, available: true, hasSample: true, () => clicked++);
        var button = card.Find("[data-testid=judge-run]");
        Assert.False(button.HasAttribute("disabled"));
        Assert.Contains("2026-W49", button.TextContent, StringComparison.Ordinal);
        button.Click();
        Assert.Equal(1, clicked);
        Assert.Empty(card.FindAll("[data-testid=judge-unavailable]"));
    }

    [Fact]
    public void RunButton_WithoutAnLlm_IsDisabled_AndSaysWhy_InEitherLanguage()
    {
        var card = Render(canRun: true, available: false, hasSample: true);
        Assert.True(card.Find("[data-testid=judge-run]").HasAttribute("disabled"));
        Assert.Contains("No LLM is configured", card.Find("[data-testid=judge-unavailable]").TextContent, StringComparison.Ordinal);

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var zh = Render(canRun: true, available: false, hasSample: true);
        Assert.Contains("未配置 LLM", zh.Find("[data-testid=judge-unavailable]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RunButton_WithoutASample_IsDisabled_AndForOtherRoles_IsNotShown()
    {
        var noSample = Render(canRun: true, available: true, hasSample: false);
        Assert.True(noSample.Find("[data-testid=judge-run]").HasAttribute("disabled"));
        Assert.Contains("2026-W49", noSample.Find("[data-testid=judge-no-sample]").TextContent, StringComparison.Ordinal);

        var viewer = Render(canRun: false, available: true, hasSample: true);
        Assert.Empty(viewer.FindAll("[data-testid=judge-run]"));
    }

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _previousUi;
        await _context.DisposeAsync();
    }
}
