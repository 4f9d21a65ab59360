using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Classification.Data;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Annotation;
using PuoAiOps.Core.Classification;
using PuoAiOps.Core.Messages;
using PuoAiOps.Application.Classification.Jobs;

namespace PuoAiOps.Application.Classification.Evaluation;

/// <summary>
/// k-fold cross-validation of an offline version's settings on today's labels: how much its score
/// depends on which questions happened to land in the test part. Folds are stratified by label and
/// keyed by question id; each fold is scored by a model trained on the others.
/// </summary>
public sealed class CrossValidationService(PuoDbContext db, IOptions<ClassifierOptions> options, TimeProvider clock)
{
    private static readonly long FoldSalt = StableRandom.Salt("cv-fold");

    public async Task<CrossValidationResult> RunAsync(long versionId, Actor actor, IJobProgress? progress = null, CancellationToken ct = default)
    {
        ClassifierPermissions.RequireTrainer(actor);
        var version = await db.ModelVersions.AsNoTracking().Where(m => m.Id == versionId)
            .Select(m => new { m.Kind, m.Settings, m.Name }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(CodedMessage.Of(ClassificationRefusal.VersionMissing, versionId));
        if (version.Kind != ModelKind.Offline) throw new ValidationException("version", CodedMessage.Of(ClassificationRefusal.CrossValidationOfflineOnly));
        var settings = ModelSettings.FromJson(version.Settings);
        var trainer = (settings.Trainer ?? new TrainerOptions()) with { MaxThreads = Environment.ProcessorCount };
        var k = options.Value.CrossValidationFolds;

        var data = await new TrainingDataLoader(db).LoadAsync(ct);
        TrainingGuard.EnsureEnough(data, Math.Max(options.Value.MinLabeledQuestions, k * 2));
        var fold = AssignFolds(data.Questions, k, settings.Split.Seed);
        var scores = new List<FoldScore>();
        for (var f = 0; f < k; f++)
        {
            await (progress?.ReportAsync((double)f / k, CodedMessage.Of(ClassificationJobMessage.FoldTraining, f + 1, k), ct) ?? Task.CompletedTask);
            var train = data.Questions.Where((_, i) => fold[i] != f).ToList();
            var test = data.Questions.Where((_, i) => fold[i] == f).ToList();
            if (test.Count == 0) continue;
            var model = await Task.Run(() => IntentTrainer.Train(ModelTrainingService.ToTexts(train), null, trainer, ct).Model, ct);
            var outputs = await new OfflineIntentClassifier(0, model).ClassifyAsync(test.Select(q => q.Text).ToList(), null, ct);
            var report = EvaluationCalculator.Evaluate(test.Select(q => q.Label).ToList(), outputs, TrainingDataLoader.OutOfScopeLabel, model.Threshold);
            scores.Add(new FoldScore(f + 1, test.Count, report.Accuracy, report.MacroF1));
        }

        var result = new CrossValidationResult(k, IntentTrainer.DataHash(ModelTrainingService.ToTexts(data.Questions)), data.Questions.Count, scores, clock.GetUtcNow().UtcDateTime);
        var version2 = await db.ModelVersions.FirstAsync(m => m.Id == versionId, ct);
        version2.Metrics = EvaluationJson.Write(EvaluationJson.Read(version2.Metrics) with { CrossValidation = result });
        db.AuditLog.Add(ModelAudit.Entry(actor, ModelAudit.CrossValidated, versionId,
            CodedMessage.Of(AuditDetail.CrossValidated, version.Name, k, result.MeanAccuracy, result.SdAccuracy), result.At));
        await db.SaveChangesAsync(ct);
        await (progress?.ReportAsync(1, CodedMessage.Of(ClassificationJobMessage.CrossValidationDone, k), ct) ?? Task.CompletedTask);
        return result;
    }

    /// <summary>Within each label, questions ranked by a seeded hash of their id are dealt round the folds.</summary>
    internal static int[] AssignFolds(IReadOnlyList<LabeledQuestion> questions, int k, int seed)
    {
        var fold = new int[questions.Count];
        foreach (var group in Enumerable.Range(0, questions.Count).GroupBy(i => questions[i].Label, StringComparer.Ordinal))
        {
            var rank = 0;
            foreach (var i in group.OrderBy(i => StableRandom.Hash(seed, FoldSalt, questions[i].Id)).ThenBy(i => questions[i].Id))
                fold[i] = rank++ % k;
        }
        return fold;
    }
}
