using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Web.Components.Classification;

namespace PuoAiOps.Web.Tests.Classification;

/// <summary>The train form (bUnit): a setting out of range is refused at its field, in the reader's language, and nothing is queued.</summary>
public sealed class TrainCardTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;
    private readonly List<TrainInput> _queued = [];

    public TrainCardTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
        _context.Services.AddSingleton<PuoAiOps.Web.Localization.MessageWords>();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task Train_WithDefaults_QueuesTheNameAndNote()
    {
        var card = Render(labeled: 40);
        card.Find("#train-name").Change("nightly");
        await card.Find("[data-testid=train-button]").ClickAsync(new());
        Assert.Equal("nightly", Assert.Single(_queued).Name);
        Assert.Null(_queued[0].C);
    }

    [Fact]
    public async Task Train_WithCOutOfRange_ShowsTheRangeAtTheField_AndQueuesNothing()
    {
        var card = Render(labeled: 40);
        await card.Find(".mud-expand-panel-header").ClickAsync(new());
        card.Find("#train-c").Change("500");
        await card.Find("[data-testid=train-button]").ClickAsync(new());
        Assert.Contains("Enter a number from 0.01 to 100", card.Markup, StringComparison.Ordinal);
        Assert.Empty(_queued);
    }

    [Fact]
    public async Task Train_InChinese_SaysTheRangeInChinese()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var card = Render(labeled: 40);
        await card.Find(".mud-expand-panel-header").ClickAsync(new());
        card.Find("#train-test").Change("0.9");
        await card.Find("[data-testid=train-button]").ClickAsync(new());
        Assert.Contains("请输入", card.Markup, StringComparison.Ordinal);
        Assert.Empty(_queued);
    }

    [Fact]
    public void Train_WithoutLabels_IsDisabled()
    {
        var card = Render(labeled: 0);
        Assert.True(card.Find("[data-testid=train-button]").HasAttribute("disabled"));
    }

    private IRenderedComponent<TrainCard> Render(int labeled) => _context.Render<TrainCard>(p => p
        .Add(c => c.Labeled, labeled)
        .Add(c => c.TestShare, 0.2)
        .Add(c => c.OnTrain, input => _queued.Add(input)));

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _previousUi;
        await _context.DisposeAsync();
    }
}
