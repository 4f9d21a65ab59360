using System.Globalization;
using Bunit;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Components.Classification;

namespace PuoAiOps.Web.Tests.Classification;

/// <summary>The versions grid (bUnit over the fixture's database): rows from the server, the serving badge, promotion only for reviewers and admins.</summary>
public sealed class VersionsGridTests(ClassifierFixture console) : IClassFixture<ClassifierFixture>, IAsyncDisposable
{
    private readonly BunitContext _context = ClassifierComponentContext.Create(console);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Grid_ListsEveryVersionNewestFirst_WithPromoteOnlyWhenAllowed(bool canPromote)
    {
        var versions = await console.WithServiceAsync<ModelRegistry, IReadOnlyList<ModelVersionSummary>>(r => r.ListAsync());
        var promoted = new List<long>();
        var grid = _context.Render<VersionsGrid>(p => p
            .Add(c => c.Versions, versions)
            .Add(c => c.CanPromote, canPromote)
            .Add(c => c.OnPromote, v => promoted.Add(v.Id)));
        grid.WaitForAssertion(() => Assert.Equal(versions.Count, grid.FindAll("[data-version]").Count));
        Assert.Equal(versions.Select(v => v.Id.ToString(CultureInfo.InvariantCulture)), grid.FindAll("[data-version]").Select(r => r.GetAttribute("data-version")));
        var serving = Assert.Single(grid.FindAll("[data-version]"), r => r.QuerySelector("[data-testid=serving-badge]") is not null);
        Assert.Equal(versions.Single(v => v.IsServing).Id.ToString(CultureInfo.InvariantCulture), serving.GetAttribute("data-version"));
        var buttons = grid.FindAll("[data-testid=promote]");
        Assert.Equal(canPromote ? versions.Count - 1 : 0, buttons.Count);
        if (canPromote)
        {
            await buttons[0].ClickAsync(new());
            Assert.Equal([versions.First(v => !v.IsServing).Id], promoted);
        }
        Assert.NotNull(grid.Find("[data-testid=compare-picker]"));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
