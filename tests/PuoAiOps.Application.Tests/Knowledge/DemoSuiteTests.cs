using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Knowledge.Suites;
using PuoAiOps.Application.Tests.Demo;
using PuoAiOps.Application.Tests.Infrastructure;
using static PuoAiOps.Application.Tests.Knowledge.KnowledgeTestBed;

namespace PuoAiOps.Application.Tests.Knowledge;

public sealed class DemoSuiteTests
{
    private const string RetrievalSuiteBuilderName = "Demo SOPs";

    [Fact]
    public async Task DemoSuite_IsSeededWithTheDemo_AndPassesOnTheKeywordIndex()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        await using (var db = workspace.NewContext())
            await new DemoWorkspace(db, clock: new FixedClock()).SeedAsync(Ct);
        await using var bed = await CreateOnAsync(workspace);
        await bed.WithAsync(sp => sp.GetRequiredService<ReindexService>().ReindexAsync(Ct));

        var run = await bed.WithAsync(async sp =>
        {
            var suites = sp.GetRequiredService<RetrievalSuiteService>();
            var suite = Assert.Single(await suites.ListAsync(Ct));
            Assert.Equal((RetrievalSuiteBuilderName, 16), (suite.Name, suite.Queries));
            return await suites.RunAsync(suite.Id, "curator-1", ct: Ct);
        });

        Assert.True(run.AllPassed, $"{run.Passed} of {run.Queries} passed");
        Assert.Equal("keyword", run.Mode);
        Assert.True(run.RecallAt1 >= 0.8, $"recall@1 {run.RecallAt1}");
    }

    [Fact]
    public async Task DemoRemoval_RemovesTheDemoSuite()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        await using var db = workspace.NewContext();
        var demo = new DemoWorkspace(db, clock: new FixedClock());
        await demo.SeedAsync(Ct);
        Assert.Equal(16, await db.RetrievalTestQueries.CountAsync(Ct));

        await demo.RemoveAsync(Ct);

        Assert.False(await db.RetrievalSuites.AnyAsync(Ct));
        Assert.False(await db.RetrievalTestQueries.AnyAsync(Ct));
    }
}
