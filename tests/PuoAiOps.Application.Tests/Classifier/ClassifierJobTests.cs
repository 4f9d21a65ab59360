using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Jobs;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Tests.Classifier;

public sealed class ClassifierJobTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TrainJob_RunsInTheBackground_ReportsProgress_AndNamesTheNewVersion()
    {
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 20, outOfScope: 8, unlabeled: 0);
        var (job, created) = await bed.WithAsync<ClassifierJobService, (BackgroundJob, bool)>(j => j.TrainAsync(new TrainRequest { Name = "nightly" }, ClassifierTestBed.Curator, Ct));
        Assert.True(created);
        var (again, createdAgain) = await bed.WithAsync<ClassifierJobService, (BackgroundJob, bool)>(j => j.TrainAsync(new TrainRequest(), ClassifierTestBed.Reviewer, Ct));
        Assert.False(createdAgain);
        Assert.Equal(job.Id, again.Id);
        Assert.Equal(JobStatus.Queued, job.Status);

        Assert.Equal(1, await bed.Services.GetRequiredService<JobRunner>().DrainAsync(Ct));
        await using var db = bed.NewContext();
        var done = await db.Jobs.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(1, done.Progress);
        Assert.NotNull(done.FinishedAt);
        Assert.StartsWith("Trained nightly: accuracy", done.Message, StringComparison.Ordinal);
        var version = await db.ModelVersions.AsNoTracking().SingleAsync(Ct);
        Assert.Contains($"\"versionId\":{version.Id}", done.Result, StringComparison.Ordinal);
        Assert.Equal("u-curator", version.TrainedById);
    }

    [Fact]
    public async Task FailedJob_KeepsAMessageForPeople()
    {
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 1, outOfScope: 0, unlabeled: 0);
        await bed.WithAsync<ClassifierJobService, (BackgroundJob, bool)>(j => j.TrainAsync(new TrainRequest(), ClassifierTestBed.Curator, Ct));
        await bed.Services.GetRequiredService<JobRunner>().DrainAsync(Ct);
        await using var db = bed.NewContext();
        var failed = await db.Jobs.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Contains("Label more questions first", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lease_IsWonByOneInstanceOnly_AndAnExpiredLeaseIsTakenOver()
    {
        var clock = new ManualClock();
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 1, outOfScope: 0, unlabeled: 0, configure: s => s.AddSingleton<TimeProvider>(clock));
        await bed.WithAsync<ClassifierJobService, (BackgroundJob, bool)>(j => j.BatchClassifyAsync(ClassifierTestBed.Curator, Ct));
        string[] kinds = [ClassifierJobKinds.BatchClassify];
        var lease = TimeSpan.FromSeconds(30);

        await using var scopeA = bed.Services.CreateAsyncScope();
        await using var scopeB = bed.Services.CreateAsyncScope();
        var a = scopeA.ServiceProvider.GetRequiredService<JobQueue>();
        var b = scopeB.ServiceProvider.GetRequiredService<JobQueue>();
        var won = await a.TryLeaseAsync("instance-a", lease, kinds, Ct);
        Assert.NotNull(won);
        Assert.Null(await b.TryLeaseAsync("instance-b", lease, kinds, Ct));
        Assert.True(await a.HeartbeatAsync(won.Id, "instance-a", lease, 0.5, CodedMessage.Of(JobMessage.Started), Ct));

        clock.Advance(TimeSpan.FromSeconds(31));
        var taken = await b.TryLeaseAsync("instance-b", lease, kinds, Ct);
        Assert.Equal(won.Id, taken?.Id);
        Assert.False(await a.HeartbeatAsync(won.Id, "instance-a", lease, 0.6, CodedMessage.Of(JobMessage.Started), Ct));
        Assert.False(await a.CompleteAsync(won.Id, "instance-a", new JobOutcome(null, CodedMessage.Of(JobMessage.Started)), Ct));
        Assert.True(await b.CompleteAsync(won.Id, "instance-b", new JobOutcome(null, CodedMessage.Of(JobMessage.Started)), Ct));
    }

    [Fact]
    public async Task CrossValidationJob_StoresFoldScoresWithTheVersion()
    {
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 15, outOfScope: 6, unlabeled: 0);
        var version = await bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest(), ClassifierTestBed.Curator, ct: Ct));
        await bed.WithAsync<ClassifierJobService, (BackgroundJob, bool)>(j => j.CrossValidateAsync(version.Id, ClassifierTestBed.Reviewer, Ct));
        await bed.Services.GetRequiredService<JobRunner>().DrainAsync(Ct);

        var detail = await bed.WithAsync<ModelRegistry, ModelVersionDetail?>(r => r.GetAsync(version.Id, Ct));
        var cv = detail!.Report.CrossValidation;
        Assert.NotNull(cv);
        Assert.Equal(5, cv.Folds);
        Assert.Equal(5, cv.Scores.Count);
        Assert.Equal(5 * 15 + 6, cv.Scores.Sum(s => s.Test));
        Assert.InRange(cv.MeanAccuracy, 0.5, 1);
        Assert.Equal(detail.Report.Accuracy, version.Accuracy);
        Assert.Contains(ModelAudit.CrossValidated, await bed.WithAsync<Persistence.PuoDbContext, List<string>>(db => db.AuditLog.Select(a => a.Action).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Folds_AreStratifiedAndStable()
    {
        var questions = Enumerable.Range(1, 50).Select(i => new Application.Classification.Data.LabeledQuestion(i, $"q{i}", i % 2 == 0 ? "a" : "b")).ToList();
        var folds = CrossValidationService.AssignFolds(questions, 5, 42);
        Assert.Equal(folds, CrossValidationService.AssignFolds(questions.AsEnumerable().Reverse().Reverse().ToList(), 5, 42));
        foreach (var f in Enumerable.Range(0, 5))
        {
            Assert.Equal(5, questions.Where((q, i) => folds[i] == f && q.Label == "a").Count());
            Assert.Equal(5, questions.Where((q, i) => folds[i] == f && q.Label == "b").Count());
        }
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Enqueue_IsRefusedForRolesOutsideTheContentArea()
    {
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 1, outOfScope: 0, unlabeled: 0);
        await Assert.ThrowsAsync<ForbiddenException>(() => bed.WithAsync<ClassifierJobService, (BackgroundJob, bool)>(j => j.TrainAsync(new TrainRequest(), ClassifierTestBed.Annotator, Ct)));
        await Assert.ThrowsAsync<ForbiddenException>(() => bed.WithAsync<ClassifierJobService, (BackgroundJob, bool)>(j => j.BatchClassifyAsync(ClassifierTestBed.Viewer, Ct)));
        await Assert.ThrowsAsync<ValidationException>(() => bed.WithAsync<ClassifierJobService, (BackgroundJob, bool)>(j => j.EvaluateLlmAsync(null, ClassifierTestBed.Curator, Ct)));
    }
}
