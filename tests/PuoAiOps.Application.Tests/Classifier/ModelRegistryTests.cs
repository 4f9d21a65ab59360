using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Classification.Data;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Classification;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Tests.Classifier;

public sealed class ModelRegistryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Train_StoresVersionWithDataHashLabelsSettingsMetricsAndModel()
    {
        await using var bed = await ClassifierTestBed.CreateAsync();
        var summary = await bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest { Note = "first try" }, ClassifierTestBed.Curator, ct: Ct));

        await using var db = bed.NewContext();
        var stored = await db.ModelVersions.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(summary.Id, stored.Id);
        Assert.Equal(ModelKind.Offline, stored.Kind);
        Assert.Equal("offline-1", stored.Name);
        Assert.Equal("u-curator", stored.TrainedById);
        Assert.False(stored.IsServing);
        Assert.Equal(ClassifierTestBed.Phrases.Keys.Append("oos").Order(StringComparer.Ordinal), stored.Labels.Order(StringComparer.Ordinal));

        var data = await new TrainingDataLoader(db).LoadAsync(Ct);
        Assert.Equal(5 * 40 + 16, data.Questions.Count);
        Assert.Equal(IntentTrainer.DataHash(data.Questions.Select(q => new LabeledText(q.Text, q.Label)).ToList()), stored.DataHash);

        var settings = ModelSettings.FromJson(stored.Settings);
        Assert.Equal("Cora Curator", settings.TrainedBy);
        Assert.Equal("first try", settings.Note);
        Assert.Equal(0.2, settings.Split.TestShare);
        Assert.NotNull(settings.Trainer);

        var report = EvaluationJson.Read(stored.Metrics);
        Assert.Equal(data.Questions.Count, report.TrainCount + report.ValidationCount + report.TestCount);
        Assert.InRange(report.TestCount, 35, 50);
        Assert.True(report.Accuracy > 0.8, $"accuracy {report.Accuracy}");
        Assert.Equal(report.TestCount, report.PerLabel.Sum(l => l.Support));
        Assert.Equal(report.TestCount, report.Confusion.Counts.Sum(row => row.Sum()));
        Assert.Equal(10, report.Histogram.Count);
        Assert.Contains(report.Curve, p => Math.Abs(p.Threshold - report.Threshold) < 1e-3);
        Assert.NotNull(report.OutOfScopeRecall);
        Assert.Equal(40 - 8 - 4, report.TrainingLabelCounts["stream_lag"]);
        Assert.NotNull(stored.Blob);
        Assert.True(stored.Blob.Length > 100);

        var audit = await db.AuditLog.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(ModelAudit.Trained, audit.Action);
        Assert.Equal(stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), audit.EntityId);
        Assert.Equal("Cora Curator", audit.ActorName);
    }

    [Fact]
    public async Task StoredModel_DecodesToTheModelThatWasEvaluated()
    {
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 24, outOfScope: 10, unlabeled: 0);
        var summary = await bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest(), ClassifierTestBed.Reviewer, ct: Ct));
        await using var db = bed.NewContext();
        var stored = await db.ModelVersions.AsNoTracking().SingleAsync(m => m.Id == summary.Id, Ct);
        var model = IntentModel.FromBytes(stored.Blob!);

        var data = await new TrainingDataLoader(db).LoadAsync(Ct);
        var test = DataSplit.Create(data.Questions, ModelSettings.FromJson(stored.Settings).Split).Test;
        var outputs = await new OfflineIntentClassifier(stored.Id, model).ClassifyAsync(test.Select(q => q.Text).ToList(), null, Ct);
        var again = EvaluationCalculator.Evaluate(test.Select(q => q.Label).ToList(), outputs, "oos", model.Threshold);
        var report = EvaluationJson.Read(stored.Metrics);
        Assert.Equal(report.Accuracy, again.Accuracy, 10);
        Assert.Equal(report.MacroF1, again.MacroF1, 10);
        Assert.Equal(report.Threshold, model.Threshold, 6);
    }

    [Fact]
    public async Task StoredBlob_IsTheModelsOwnFormat_AndDamageIsRefused()
    {
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 24, outOfScope: 10, unlabeled: 0);
        var summary = await bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest(), ClassifierTestBed.Reviewer, ct: Ct));
        await using var db = bed.NewContext();
        var blob = (await db.ModelVersions.AsNoTracking().SingleAsync(m => m.Id == summary.Id, Ct)).Blob!;

        Assert.Equal(blob, IntentModel.FromBytes(blob).ToBytes());
        var damaged = (byte[])blob.Clone();
        damaged[damaged.Length / 2] ^= 0x5A;
        Assert.Throws<InvalidDataException>(() => IntentModel.FromBytes(damaged));
        Assert.Throws<InvalidDataException>(() => IntentModel.FromBytes([1, 2, 3, 4, 5, 6]));
    }

    [Fact]
    public async Task Train_IsRefused_ForAnnotatorsAndViewers_AndWithTooFewLabels()
    {
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 2, outOfScope: 0, unlabeled: 0);
        foreach (var actor in new[] { ClassifierTestBed.Annotator, ClassifierTestBed.Viewer })
        {
            var forbidden = await Assert.ThrowsAsync<ForbiddenException>(() => bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest(), actor, ct: Ct)));
            Assert.Equal(CodedMessage.Of(ClassificationRefusal.OnlyTrainers), forbidden.Code);
        }
        var tooFew = await Assert.ThrowsAsync<ValidationException>(() => bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest(), ClassifierTestBed.Curator, ct: Ct)));
        Assert.Contains("at least 20 questions", tooFew.Message, StringComparison.Ordinal);
        Assert.Equal(ClassificationRefusal.TooFewQuestions, tooFew.Code!.Code);
        Assert.Equal(20, tooFew.Code.Args[0]);
        Assert.Equal(0, await bed.CountAsync(db => db.ModelVersions.CountAsync(Ct)));
    }

    [Fact]
    public async Task Train_IsRefusedWithAReadableMessage_WhenAnIntentUsesTheOutOfScopeKey()
    {
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 10, outOfScope: 4, unlabeled: 0);
        await using (var db = bed.NewContext())
            await db.Intents.Where(i => i.Key == "stream_lag").ExecuteUpdateAsync(s => s.SetProperty(i => i.Key, "oos"), Ct);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest(), ClassifierTestBed.Curator, ct: Ct)));
        Assert.Equal(CodedMessage.Of(ClassificationRefusal.ReservedKey, "oos"), refused.Code);
        Assert.Contains("'oos', which is reserved", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await bed.CountAsync(db => db.ModelVersions.CountAsync(Ct)));
    }

    [Fact]
    public async Task Promote_KeepsExactlyOneServing_AndRollbackReturnsToThePreviousOne()
    {
        var clock = new ManualClock();
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 20, outOfScope: 8, unlabeled: 0, configure: s => s.AddSingleton<TimeProvider>(clock));
        var first = await bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest(), ClassifierTestBed.Curator, ct: Ct));
        var second = await bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest { Trainer = new TrainerOptions { C = 0.5f } }, ClassifierTestBed.Curator, ct: Ct));

        var curator = await Assert.ThrowsAsync<ForbiddenException>(() => bed.WithAsync<ModelRegistry, ModelVersionSummary>(r => r.PromoteAsync(first.Id, ClassifierTestBed.Curator, Ct)));
        Assert.Equal(CodedMessage.Of(ClassificationRefusal.OnlyPromoters), curator.Code);
        var noPrevious = await Assert.ThrowsAsync<ValidationException>(() => bed.WithAsync<ModelRegistry, ModelVersionSummary>(r => r.RollbackAsync(ClassifierTestBed.Reviewer, Ct)));
        Assert.Equal(CodedMessage.Of(ClassificationRefusal.NoEarlierVersion), noPrevious.Code);

        var promoted = await bed.WithAsync<ModelRegistry, ModelVersionSummary>(r => r.PromoteAsync(first.Id, ClassifierTestBed.Reviewer, Ct));
        Assert.True(promoted.IsServing);
        Assert.Equal(first.Id, await bed.WithAsync<ModelRegistry, long?>(r => r.ServingIdAsync(Ct)));
        clock.Advance(TimeSpan.FromMinutes(1)); // promotion times must differ for the rollback order
        await bed.WithAsync<ModelRegistry, ModelVersionSummary>(r => r.PromoteAsync(second.Id, ClassifierTestBed.Reviewer, Ct));
        Assert.Equal(1, await bed.CountAsync(db => db.ModelVersions.CountAsync(m => m.IsServing, Ct)));
        Assert.Equal(first.Id, (await bed.WithAsync<ModelRegistry, ModelVersionSummary?>(r => r.RollbackTargetAsync(Ct)))?.Id);

        var rolledBack = await bed.WithAsync<ModelRegistry, ModelVersionSummary>(r => r.RollbackAsync(ClassifierTestBed.Reviewer, Ct));
        Assert.Equal(first.Id, rolledBack.Id);
        Assert.Equal(first.Id, await bed.WithAsync<ModelRegistry, long?>(r => r.ServingIdAsync(Ct)));
        Assert.Equal(1, await bed.CountAsync(db => db.ModelVersions.CountAsync(m => m.IsServing, Ct)));
        // The withdrawn version leaves the promotion history: rolling back again would go further back, not flip.
        Assert.Null(await bed.WithAsync<ModelRegistry, ModelVersionSummary?>(r => r.RollbackTargetAsync(Ct)));
        Assert.Null((await bed.WithAsync<ModelRegistry, ModelVersionDetail?>(r => r.GetAsync(second.Id, Ct)))!.Summary.PromotedAt);

        await using var db = bed.NewContext();
        var actions = await db.AuditLog.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal([ModelAudit.Trained, ModelAudit.Trained, ModelAudit.Promoted, ModelAudit.Promoted, ModelAudit.RolledBack], actions);
        var list = await bed.WithAsync<ModelRegistry, IReadOnlyList<ModelVersionSummary>>(r => r.ListAsync(Ct));
        Assert.Equal([second.Id, first.Id], list.Select(v => v.Id));
        var serving = list.Single(v => v.IsServing);
        Assert.Equal("Cora Curator", serving.TrainedBy);
        Assert.Equal("Rex Reviewer", serving.PromotedBy);
    }

    [Fact]
    public async Task Compare_ReportsPerLabelDeltas()
    {
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 20, outOfScope: 8, unlabeled: 0);
        var small = await bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(
            new TrainRequest { Split = new SplitSettings { TrainingShare = 0.3 } }, ClassifierTestBed.Curator, ct: Ct));
        var full = await bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest(), ClassifierTestBed.Curator, ct: Ct));
        Assert.True(small.TrainCount < full.TrainCount);
        Assert.Equal(small.TestCount, full.TestCount);

        var comparison = await bed.WithAsync<ModelRegistry, ModelComparison?>(r => r.CompareAsync(small.Id, full.Id, Ct));
        Assert.NotNull(comparison);
        Assert.True(comparison.SameData);
        Assert.Equal(6, comparison.PerLabel.Count);
        foreach (var delta in comparison.PerLabel)
            Assert.Equal(delta.B!.F1 - delta.A!.F1, delta.F1Delta!.Value, 10);
        Assert.Null(await bed.WithAsync<ModelRegistry, ModelComparison?>(r => r.CompareAsync(small.Id, 999, Ct)));
    }
}
