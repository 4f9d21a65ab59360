using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using MudBlazor.Services;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Web.Components.Scripts;

namespace PuoAiOps.Web.Tests.Scripts;

/// <summary>The script page's owner field (bUnit): editors pick among eligible owners, everyone else reads the name.</summary>
public sealed class OwnerPickerTests : IAsyncDisposable
{
    private static readonly ScriptPerson[] Eligible = [new("u-ada", "Ada Admin"), new("u-carl", "Carl Curator")];

    private readonly BunitContext _context = new();
    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;
    private readonly List<string> _picked = [];

    public OwnerPickerTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task Editor_SeesTheOwnerInASelect_AndPickingAnotherPersonAsksForTheChange()
    {
        var cut = Render(canEdit: true, ownerId: "u-carl", ownerName: "Carl Curator");
        var select = cut.FindComponent<MudSelect<string>>();
        Assert.Equal("Carl Curator", select.Instance.GetState(x => x.Text));
        Assert.Contains("An active Curator or Admin.", cut.Markup, StringComparison.Ordinal);

        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("u-carl")); // the same owner: nothing to do
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("u-ada"));
        Assert.Equal(["u-ada"], _picked);
        Assert.Empty(cut.FindAll("[data-testid=owner]"));
    }

    [Fact]
    public void Editor_StillSeesAnOwnerWhoIsNoLongerEligible()
    {
        var cut = Render(canEdit: true, ownerId: "u-gone", ownerName: "Gus Former");
        Assert.Equal("Gus Former", cut.FindComponent<MudSelect<string>>().Instance.GetState(x => x.Text));
    }

    [Fact]
    public void Reader_SeesTheOwnerAsAChip_WithoutASelect_InChinese()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var cut = Render(canEdit: false, ownerId: "u-carl", ownerName: "Carl Curator");
        Assert.Empty(cut.FindComponents<MudSelect<string>>());
        Assert.Equal("负责人: Carl Curator", cut.Find("[data-testid=owner]").TextContent.Trim());
    }

    private IRenderedComponent<OwnerPicker> Render(bool canEdit, string ownerId, string ownerName) =>
        _context.Render<OwnerPicker>(p => p
            .Add(c => c.OwnerId, ownerId).Add(c => c.OwnerName, ownerName).Add(c => c.Owners, Eligible).Add(c => c.CanEdit, canEdit)
            .Add(c => c.OnChange, EventCallback.Factory.Create<string>(this, id => _picked.Add(id))));

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _previousUi;
        await _context.DisposeAsync();
    }
}
