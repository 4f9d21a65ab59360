using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Classification.Batch;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Classification.Serving;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Classification;

namespace PuoAiOps.Application.Tests.Classifier;

public sealed class ServingAndBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServingClassifier_LoadsOnce_AndFollowsAPromotionMadeByAnotherInstance()
    {
        var clock = new ManualClock();
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 20, outOfScope: 8, unlabeled: 0, configure: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.Configure<ClassifierOptions>(o => o.ServingRefreshSeconds = 10);
        });
        var serving = bed.Services.GetRequiredService<ServingClassifier>();
        Assert.Null(await serving.GetAsync(Ct));
        Assert.Null(await serving.ClassifyAsync("my coins never arrived", Ct));

        var first = await bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest(), ClassifierTestBed.Curator, ct: Ct));
        var second = await bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest { Trainer = new TrainerOptions { C = 0.5f } }, ClassifierTestBed.Curator, ct: Ct));
        await bed.WithAsync<ModelRegistry, ModelVersionSummary>(r => r.PromoteAsync(first.Id, ClassifierTestBed.Reviewer, Ct));

        // Promoted here: picked up at once.
        var loaded = await serving.GetAsync(Ct);
        Assert.Equal(first.Id, loaded?.VersionId);
        Assert.Same(loaded, await serving.GetAsync(Ct));
        var prediction = await serving.ClassifyAsync("I paid but my coins never arrived, please help", Ct);
        Assert.Equal("recharge_not_credited", prediction?.Label);
        Assert.Equal(first.Id, prediction?.VersionId);

        // Promoted by another instance (its own services over the same database).
        await using (var other = OtherInstance(bed))
        await using (var scope = other.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ModelRegistry>().PromoteAsync(second.Id, ClassifierTestBed.Reviewer, Ct);

        Assert.Equal(first.Id, (await serving.GetAsync(Ct))?.VersionId);
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(second.Id, (await serving.GetAsync(Ct))?.VersionId);
        Assert.Equal(second.Id, serving.LoadedVersionId);
    }

    [Fact]
    public async Task BatchClassification_LongQuestions_AreClassifiedLikeShortOnes()
    {
        // Questions over 256 characters used to fail on whichever worker thread had not yet seen a long one.
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 20, outOfScope: 8, unlabeled: 6, configure: s =>
            s.Configure<ClassifierOptions>(o => o.BatchSize = 10));
        var longIds = new List<long>();
        await using (var db = bed.NewContext())
        {
            int[] lengths = [300, 4_000, 90_000];
            var questions = lengths.Select(length => new Question
            {
                Text = string.Concat(Enumerable.Repeat("my live stream keeps buffering ", length / 31 + 1))[..length],
                TextHash = $"long-{length}",
                Locale = "en",
            }).ToList();
            db.Questions.AddRange(questions);
            await db.SaveChangesAsync(Ct);
            longIds.AddRange(questions.Select(q => q.Id));
        }
        var version = await bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest(), ClassifierTestBed.Curator, ct: Ct));
        await bed.WithAsync<ModelRegistry, ModelVersionSummary>(r => r.PromoteAsync(version.Id, ClassifierTestBed.Reviewer, Ct));

        var result = await bed.WithAsync<BatchClassificationService, BatchClassificationResult>(b => b.RunAsync(ClassifierTestBed.Curator, ct: Ct));
        Assert.Equal(0, result.Failed);
        Assert.Equal(9, result.Questions);
        await using var check = bed.NewContext();
        var stored = await check.Questions.AsNoTracking().Where(q => longIds.Contains(q.Id)).ToListAsync(Ct);
        Assert.All(stored, q =>
        {
            Assert.NotNull(q.PredictedConfidence);
            Assert.Equal(bed.IntentIds["stream_lag"], q.PredictedIntentId);
        });
    }

    [Fact]
    public async Task BatchClassification_StoresPredictionsOnUnlabeledQuestionsOnly_AndFeedsUncertainFirstBatches()
    {
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 20, outOfScope: 8, unlabeled: 25, configure: s =>
            s.Configure<ClassifierOptions>(o => o.BatchSize = 10));
        await Assert.ThrowsAsync<PuoAiOps.Application.Common.ValidationException>(() =>
            bed.WithAsync<BatchClassificationService, BatchClassificationResult>(b => b.RunAsync(ClassifierTestBed.Curator, ct: Ct)));

        var version = await bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest(), ClassifierTestBed.Curator, ct: Ct));
        await bed.WithAsync<ModelRegistry, ModelVersionSummary>(r => r.PromoteAsync(version.Id, ClassifierTestBed.Reviewer, Ct));
        var result = await bed.WithAsync<BatchClassificationService, BatchClassificationResult>(b => b.RunAsync(ClassifierTestBed.Curator, ct: Ct));
        Assert.Equal(25, result.Questions);
        Assert.Equal(version.Id, result.VersionId);

        await using var db = bed.NewContext();
        var unlabeled = await db.Questions.AsNoTracking().Where(q => q.FinalIntentId == null && !q.FinalOutOfScope).ToListAsync(Ct);
        Assert.All(unlabeled, q =>
        {
            Assert.Equal(version.Id, q.PredictedByModelId);
            Assert.NotNull(q.PredictedConfidence);
        });
        // The unlabeled questions were written from the intents' phrases: most predictions name the right intent.
        var right = unlabeled.Count(q => q.PredictedIntentId == bed.IntentIds[bed.Truth[q.Text]]);
        Assert.True(right >= 20, $"{right} of 25 right");
        Assert.Equal(0, await db.Questions.CountAsync(q => (q.FinalIntentId != null || q.FinalOutOfScope) && q.PredictedByModelId != null, Ct));
        Assert.Equal(ModelAudit.BatchClassified, (await db.AuditLog.AsNoTracking().OrderBy(a => a.Id).LastAsync(Ct)).Action);

        // Annotation batches in "most uncertain first" order start with the least confident predictions.
        var items = await new BatchSelection(db).SelectAsync(new CreateBatchRequest { Name = "next", Order = BatchOrder.MostUncertainFirst }, Ct);
        var first = items.OrderBy(i => i.Priority).First();
        Assert.Equal(unlabeled.Min(q => q.PredictedConfidence), unlabeled.Single(q => q.Id == first.QuestionId).PredictedConfidence);
    }

    private static ServiceProvider OtherInstance(ClassifierTestBed bed)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions();
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, bed.Options));
        services.AddClassificationServices();
        return services.BuildServiceProvider();
    }
}
