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
    [InlineData(typeof(RegistersIdentityEfStores), "Microsoft.Extensions.DependencyInjection.IdentityEntityFrameworkBuilderExtensions")]
    public void EntityFrameworkUsers_ReportsEachWayOfUsingEf(Type fixture, string efType)
    {
        Assert.True(Users.Value.TryGetValue(fixture.FullName!, out var used), $"{fixture.Name} was not reported.");
        Assert.Contains(used, t => t.FullName == efType);
    }

    /// <summary>
    /// The very rule <see cref="LayerTests.Web_UsesNoEntityFramework"/> applies to the Web assembly, applied to
    /// an assembly with planted violations: it must fail there (and name them), or its passing on Web means nothing.
    /// </summary>
    [Fact]
    public void WebRule_FailsOnAnAssemblyWithAPlantedViolation()
    {
        var violations = LayerRules.WebRuleViolations(Fixtures);
        Assert.NotEmpty(violations);
        Assert.Contains(typeof(InjectsDbContext).FullName!, violations.Keys);
        Assert.Contains(typeof(RegistersIdentityEfStores).FullName!, violations.Keys);
        Assert.DoesNotContain(typeof(UsesEntitiesWithoutEf).FullName!, violations.Keys);
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

    /// <summary>
    /// The encoder rule over the fixtures: a type that wires the encoder in is reported unless it is the
    /// composition root the rule names, so <see cref="LayerTests.Web_UsesTheEncodersOnlyInItsCompositionRoot"/> can fail.
    /// </summary>
    [Fact]
    public void EncoderRule_ReportsEveryUserButTheCompositionRoot()
    {
        var root = typeof(WiresEncoderAsCompositionRoot).FullName!;
        var violations = LayerRules.EncoderRuleViolations(Fixtures, root);
        Assert.Contains(typeof(InjectsEncoder).FullName!, violations.Keys);
        Assert.Contains(typeof(CallsAddEncodersOutsideTheRoot).FullName!, violations.Keys);
        Assert.DoesNotContain(root, violations.Keys);
        Assert.Contains(root, LayerRules.EncoderUsers(Fixtures).Keys);
    }
}
