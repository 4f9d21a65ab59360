using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Web.Components.Annotation;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>The new-batch form on its own (bUnit): BatchRequestRules' messages at their fields, in the reader's language; nothing sent while one is wrong.</summary>
public sealed class NewBatchFormTests : IAsyncDisposable
{
    private static readonly IReadOnlyList<AnnotatorChoice> Annotators = [new("a1", "Ana", "ana@example.test"), new("b2", "Ben", "ben@example.test")];

    private readonly BunitContext _context = new();
    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;
    private readonly List<CreateBatchRequest> _sent = [];

    public NewBatchFormTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Render<MudPopoverProvider>();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    [Fact]
    public async Task Create_WithoutNameOrAnnotators_ShowsBothMessagesAtTheirFields_AndSendsNothing()
    {
        var form = Render(new BatchFormModel());
        await form.Find("[data-testid=create-batch]").ClickAsync(new());
        Assert.Contains("Give the batch a name.", Field(form, "#batch-name").TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose at least one annotator.", form.Find("[data-testid=annotators-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task Create_WithMoreLabelsPerItemThanAnnotators_SaysSoAtLabelsPerItem()
    {
        var model = new BatchFormModel { Name = "Too few", LabelsPerItem = 2, GoldPercent = 80 };
        model.AnnotatorIds.Add("a1");
        var form = Render(model);
        await form.Find("[data-testid=create-batch]").ClickAsync(new());
        Assert.Contains("Each item needs 2 labels from different people, but only 1 annotators are chosen.", Field(form, "#batch-labels").TextContent, StringComparison.Ordinal);
        Assert.Contains("The gold share is a percentage from 0 to 50.", Field(form, "#batch-gold").TextContent, StringComparison.Ordinal);
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task Create_InChinese_ShowsTheChineseMessage()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var form = Render(new BatchFormModel());
        await form.Find("[data-testid=create-batch]").ClickAsync(new());
        Assert.Contains("请为批次命名。", Field(form, "#batch-name").TextContent, StringComparison.Ordinal);
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task Create_WithValidFields_SendsTheRequest_WithSharesAndAnInclusiveEndDay()
    {
        var model = new BatchFormModel { Name = "  March payments ", LabelsPerItem = 2, GoldPercent = 10, ConfidenceBelowPercent = 60,
            From = new DateTime(2026, 3, 1), To = new DateTime(2026, 3, 31) };
        model.AnnotatorIds.Add("b2");
        model.AnnotatorIds.Add("a1");
        var form = Render(model);
        await form.Find("[data-testid=create-batch]").ClickAsync(new());
        var request = Assert.Single(_sent);
        Assert.Equal("March payments", request.Name);
        Assert.Equal(["a1", "b2"], request.AnnotatorIds);
        Assert.Equal((0.1, 0.6), (request.GoldShare, request.Filter.ConfidenceBelow));
        Assert.Equal(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), request.Filter.To);
        Assert.Empty(BatchRequestRules.Check(request));
    }

    private IRenderedComponent<NewBatchForm> Render(BatchFormModel model) => _context.Render<NewBatchForm>(p => p
        .Add(x => x.Model, model)
        .Add(x => x.Annotators, Annotators)
        .Add(x => x.OnCreate, request => _sent.Add(request)));

    /// <summary>The input control around the field with this input id (where MudBlazor shows its message).</summary>
    private static AngleSharp.Dom.IElement Field(IRenderedComponent<NewBatchForm> form, string inputSelector) =>
        form.Find(inputSelector).Closest(".mud-input-control") ?? throw new InvalidOperationException("no input control around " + inputSelector);

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _previousUi;
        await _context.DisposeAsync();
    }
}
