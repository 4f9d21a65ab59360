using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PuoAiOps.Application.Profile;
using PuoAiOps.Web.Components.Profile;

namespace PuoAiOps.Web.Tests.Shell;

/// <summary>The profile form on its own (bUnit): messages at the field, in the reader's language, and nothing saved while a field is wrong.</summary>
public sealed class ProfileFormTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;
    private readonly List<ProfileChange> _saved = [];

    public ProfileFormTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        // MudSelect's list opens in a popover, which needs its provider on the page.
        _context.Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task Save_WithABlankName_ShowsTheMessageAtTheField_AndSavesNothing()
    {
        var form = RenderForm(new ProfileFormModel { DisplayName = "   " });
        await form.Find("[data-testid=save]").ClickAsync(new());
        var field = Field(form, "#display-name");
        Assert.Contains("Enter a display name.", field.TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-input-error", field.InnerHtml, StringComparison.Ordinal);
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task Save_WithATooLongName_SaysTheLimit()
    {
        var form = RenderForm(new ProfileFormModel { DisplayName = new string('x', ProfileRules.MaxDisplayNameLength + 1) });
        await form.Find("[data-testid=save]").ClickAsync(new());
        Assert.Contains($"Use at most {ProfileRules.MaxDisplayNameLength} characters.", Field(form, "#display-name").TextContent, StringComparison.Ordinal);
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task Save_InChinese_ShowsTheChineseMessage()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var form = RenderForm(new ProfileFormModel { DisplayName = "" });
        await form.Find("[data-testid=save]").ClickAsync(new());
        Assert.Contains("请输入显示名称。", Field(form, "#display-name").TextContent, StringComparison.Ordinal);
        Assert.Contains("保存", form.Find("[data-testid=save]").TextContent, StringComparison.Ordinal);
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task Save_WithValidFields_PassesTheChange_WithNullForFollowTheBrowser()
    {
        var form = RenderForm(new ProfileFormModel { DisplayName = "  Lin Wei ", Culture = ProfileForm.BrowserChoice });
        await form.Find("[data-testid=save]").ClickAsync(new());
        Assert.Equal([new ProfileChange("  Lin Wei ", null)], _saved);
        Assert.DoesNotContain("mud-input-error", form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ServerErrors_AreShownAtTheirField()
    {
        var form = _context.Render<ProfileForm>(p => p
            .Add(f => f.Model, new ProfileFormModel { DisplayName = "Lin", Culture = "zh-CN" })
            .Add(f => f.ServerErrors, new Dictionary<string, ProfileError> { [ProfileRules.CultureField] = ProfileError.CultureNotSupported }));
        Assert.Contains("Pick one of the listed languages.", Field(form, "[data-testid=culture]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<ProfileForm> RenderForm(ProfileFormModel model) =>
        _context.Render<ProfileForm>(p => p
            .Add(f => f.Model, model)
            .Add(f => f.OnSave, EventCallback.Factory.Create<ProfileChange>(this, c => _saved.Add(c))));

    /// <summary>The input's whole field: label, input and the message under it.</summary>
    private static AngleSharp.Dom.IElement Field(IRenderedComponent<ProfileForm> form, string inputSelector) =>
        form.FindAll(".mud-input-control").Single(c => c.QuerySelector(inputSelector) is not null);

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _previousUi;
        // MudBlazor's services are IAsyncDisposable only.
        await _context.DisposeAsync();
    }
}
