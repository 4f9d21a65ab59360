using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Classification.Batch;
using PuoAiOps.Application.Classification.Jobs;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Tests.Classifier;

/// <summary>The registry's SQL (blob-less listing, one-statement promotion, leases, batched updates) on PostgreSQL.</summary>
public sealed class PostgresClassifierTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TrainJob_PromoteRollbackAndBatch_WorkOnPostgres()
    {
        var clock = new ManualClock();
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 15, outOfScope: 6, unlabeled: 12, provider: DatabaseProvider.Postgres, configure: s => s.AddSingleton<TimeProvider>(clock));
        await bed.WithAsync<ClassifierJobService, (BackgroundJob, bool)>(j => j.TrainAsync(new TrainRequest { Name = "pg-one" }, ClassifierTestBed.Curator, Ct));
        Assert.Equal(1, await bed.Services.GetRequiredService<JobRunner>().DrainAsync(Ct));
        var second = await bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest(), ClassifierTestBed.Curator, ct: Ct));

        var list = await bed.WithAsync<ModelRegistry, IReadOnlyList<ModelVersionSummary>>(r => r.ListAsync(Ct));
        Assert.Equal(2, list.Count);
        Assert.All(list, v => Assert.True(v.BlobBytes > 0));
        var first = list.Single(v => v.Name == "pg-one");

        await bed.WithAsync<ModelRegistry, ModelVersionSummary>(r => r.PromoteAsync(first.Id, ClassifierTestBed.Reviewer, Ct));
        clock.Advance(TimeSpan.FromMinutes(1)); // promotion times must differ for the rollback order
        await bed.WithAsync<ModelRegistry, ModelVersionSummary>(r => r.PromoteAsync(second.Id, ClassifierTestBed.Reviewer, Ct));
        await bed.WithAsync<ModelRegistry, ModelVersionSummary>(r => r.RollbackAsync(ClassifierTestBed.Reviewer, Ct));
        Assert.Equal(first.Id, await bed.WithAsync<ModelRegistry, long?>(r => r.ServingIdAsync(Ct)));

        var result = await bed.WithAsync<BatchClassificationService, BatchClassificationResult>(b => b.RunAsync(ClassifierTestBed.Curator, ct: Ct));
        Assert.Equal(12, result.Questions);
        await using var db = bed.NewContext();
        Assert.Equal(12, await db.Questions.CountAsync(q => q.PredictedByModelId == first.Id && q.PredictedConfidence != null, Ct));
        Assert.Equal(JobStatus.Succeeded, (await db.Jobs.SingleAsync(Ct)).Status);
    }
}
