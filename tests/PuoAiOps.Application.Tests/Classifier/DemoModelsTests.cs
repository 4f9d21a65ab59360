using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Tests.Demo;

namespace PuoAiOps.Application.Tests.Classifier;

public sealed class DemoModelsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoSeed_GetsTwoVersions_TheBetterServing_AndRemovalTakesThemAway()
    {
        await using var database = await DemoTestDatabase.CreateAsync();
        await using (var db = database.Open())
            await new DemoWorkspace(db, clock: new FixedClock()).SeedAsync(Ct);

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddOptions();
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, new DatabaseOptions { DataDir = database.Directory }));
        services.AddSingleton<TimeProvider>(new FixedClock());
        services.AddClassificationServices();
        await using var provider = services.BuildServiceProvider();

        DemoModelsResult result;
        await using (var scope = provider.CreateAsyncScope())
            result = await scope.ServiceProvider.GetRequiredService<DemoModels>().EnsureAsync(Ct);
        TestContext.Current.SendDiagnosticMessage($"demo models: {result.Elapsed.TotalSeconds:0.0} s, {result.Classified} questions classified");
        Assert.True(result.Trained);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(60), $"took {result.Elapsed}");

        await using (var scope = provider.CreateAsyncScope())
        {
            var versions = await scope.ServiceProvider.GetRequiredService<ModelRegistry>().ListAsync(Ct);
            Assert.Equal(2, versions.Count);
            Assert.All(versions, v => Assert.True(v.IsDemo));
            var baseline = versions.Single(v => v.Name == "baseline");
            var current = versions.Single(v => v.Name == "all-labels");
            Assert.True(current.TrainCount > baseline.TrainCount * 2);
            Assert.Equal(current.TestCount, baseline.TestCount);
            Assert.True(current.MacroF1 > baseline.MacroF1, $"{current.MacroF1} vs {baseline.MacroF1}");
            Assert.True(current.IsServing);
            Assert.Equal(baseline.Id, (await scope.ServiceProvider.GetRequiredService<ModelRegistry>().RollbackTargetAsync(Ct))?.Id);
            Assert.Equal("Chen Jie (demo curator)", current.TrainedBy);
            Assert.Equal("Priya Natarajan (demo reviewer)", current.PromotedBy);
            Assert.True(current.TrainedAt < FixedClock.Default.UtcDateTime.AddDays(-5));

            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            var unlabeled = await db.Questions.CountAsync(q => q.FinalIntentId == null && !q.FinalOutOfScope, Ct);
            Assert.Equal(unlabeled, result.Classified);
            Assert.Equal(unlabeled, await db.Questions.CountAsync(q => q.PredictedByModelId == current.Id, Ct));
            Assert.False((await scope.ServiceProvider.GetRequiredService<DemoModels>().EnsureAsync(Ct)).Trained);
        }

        await using (var db = database.Open())
        {
            var removed = await new DemoWorkspace(db).RemoveAsync(Ct);
            Assert.Equal(2, removed.ModelVersions);
            Assert.Equal(0, await db.ModelVersions.CountAsync(Ct));
        }
    }
}
