using PuoAiOps.Architecture.Tests.Fixtures;

namespace PuoAiOps.Architecture.Tests;

/// <summary>
/// The checks of <see cref="LayerTests"/> run over this test assembly, whose fixtures break the rules
/// on purpose: each way of using EF must be reported, and plain LINQ over entities must not.
/// </summary>
public sealed class CheckerTests
{
    private static readonly string Fixtures = typeof(InjectsDbContext).Assembly.Location;
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<Metadata.TypeRef>>> Users =
        new(() => LayerRules.EntityFrameworkUsers(Fixtures));

    [Theory]
    [InlineData(typeof(InjectsDbContext), LayerRules.DbContextType)]
    [InlineData(typeof(PageWithInjectedDbContext), LayerRules.DbContextType)]
    [InlineData(typeof(HoldsDbSet), "Microsoft.EntityFrameworkCore.DbSet`1")]
    [InlineData(typeof(CallsEfExtension), "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions")]
    [InlineData(typeof(QueriesInAsyncMethod), "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions")]
    [InlineData(typeof(ResolvesDbContextInLambda), LayerRules.DbContextType)]
    [InlineData(typeof(CatchesEfException), "Microsoft.EntityFrameworkCore.DbUpdateException")]
    public void EntityFrameworkUsers_ReportsEachWayOfUsingEf(Type fixture, string efType)
    {
        Assert.True(Users.Value.TryGetValue(fixture.FullName!, out var used), $"{fixture.Name} was not reported.");
        Assert.Contains(used, t => t.FullName == efType);
    }

    [Fact]
    public void EntityFrameworkUsers_LeavesPlainLinqOverEntitiesAlone() =>
        Assert.False(Users.Value.ContainsKey(typeof(UsesEntitiesWithoutEf).FullName!));

    [Fact]
    public void ForbiddenReferences_ReportsAReferenceToAnotherLayer()
    {
        // This assembly references the layers it checks, so the Core rule must fire on it.
        var found = LayerRules.ForbiddenReferences(Fixtures, LayerRules.IsOurs);
        Assert.Contains("PuoAiOps.Application", found);
        Assert.Contains("PuoAiOps.Web", found);
    }

    [Fact]
    public void ForbiddenReferences_NamesTheCommandLineAssemblyAsAHost() =>
        Assert.True(LayerRules.IsHostOrCli("puo") && LayerRules.IsHostOrCli("PuoAiOps.Web") && !LayerRules.IsHostOrCli("PuoAiOps.Core"));
}
