using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Classification.Data;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Classification;
using PuoAiOps.Application.Classification.Jobs;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Classification.Registry;

/// <summary>
/// Trains a new offline version from the workspace's final labels: split (train / validation for
/// calibration / held-out test), fit, evaluate on the test part, store metrics and the model in one write.
/// </summary>
public sealed class ModelTrainingService(PuoDbContext db, IOptions<ClassifierOptions> options, TimeProvider clock, ILogger<ModelTrainingService> logger)
{
    public async Task<ModelVersionSummary> TrainAsync(TrainRequest request, Actor actor, IJobProgress? progress = null, CancellationToken ct = default)
    {
        ClassifierPermissions.RequireTrainer(actor);
        var split = request.Split ?? options.Value.DefaultSplit;
        if (split.Problems().FirstOrDefault() is { } splitError) throw new ValidationException("split", splitError);
        await Report(progress, 0.02, CodedMessage.Of(ClassificationJobMessage.ReadingLabels), ct);
        var data = await new TrainingDataLoader(db).LoadAsync(ct);
        TrainingGuard.EnsureEnough(data, options.Value.MinLabeledQuestions);
        var parts = DataSplit.Create(data.Questions, split);
        TrainingGuard.EnsureTestable(parts);

        var trainer = (request.Trainer ?? new TrainerOptions()) with
        {
            OutOfScopeLabel = TrainingDataLoader.OutOfScopeLabel,
            MaxThreads = Environment.ProcessorCount,
        };
        var train = ToTexts(parts.Train);
        var validation = ToTexts(parts.Validation);
        await Report(progress, 0.1, CodedMessage.Of(ClassificationJobMessage.TrainingOn, parts.Train.Count, data.Labels.Count), ct);
        IntentTrainingResult trained;
        try
        {
            trained = await Task.Run(() => IntentTrainer.Train(train, validation, trainer, ct), ct);
        }
        catch (ArgumentException ex)
        {
            // The setting's name only: the trainer's own sentence is English and goes no further than the exception chain.
            throw new ValidationException("trainer", CodedMessage.Of(ClassificationRefusal.TrainerSettingRange, ex.ParamName ?? "?"));
        }

        await Report(progress, 0.7, CodedMessage.Of(ClassificationJobMessage.EvaluatingOn, parts.Test.Count), ct);
        var clockStart = Stopwatch.GetTimestamp();
        var classifier = new OfflineIntentClassifier(0, trained.Model);
        var outputs = await classifier.ClassifyAsync(parts.Test.Select(q => q.Text).ToList(), null, ct);
        var report = EvaluationCalculator.Evaluate(parts.Test.Select(q => q.Label).ToList(), outputs, TrainingDataLoader.OutOfScopeLabel, trained.Model.Threshold) with
        {
            TrainCount = parts.Train.Count,
            ValidationCount = parts.Validation.Count,
            TrainSeconds = trained.Report.TotalSeconds,
            EvaluateSeconds = Stopwatch.GetElapsedTime(clockStart).TotalSeconds,
            TrainingLabelCounts = trained.Report.Labels.ToDictionary(l => l.Label, l => l.Count, StringComparer.Ordinal),
        };

        await Report(progress, 0.85, CodedMessage.Of(ClassificationJobMessage.StoringModel), ct);
        var blob = trained.Model.ToBytes();
        var settings = new ModelSettings { TrainedBy = actor.DisplayName, Split = split, Trainer = trainer with { MaxThreads = 1 }, Note = Trim(request.Note) };
        var name = Trim(request.Name) ?? await VersionNames.NextAsync(db, ModelKind.Offline, ct);
        var labels = trained.Model.Labels.Append(TrainingDataLoader.OutOfScopeLabel).Distinct(StringComparer.Ordinal).ToList();
        var version = await VersionWriter.StoreAsync(db, new ModelVersion
        {
            Kind = ModelKind.Offline,
            Name = name,
            DataHash = IntentTrainer.DataHash(ToTexts(data.Questions)),
            Labels = labels,
            Settings = settings.ToJson(),
            Metrics = EvaluationJson.Write(report),
            TrainedById = actor.UserId,
            TrainedAt = clock.GetUtcNow().UtcDateTime,
            Blob = blob,
            IsDemo = request.IsDemo,
        }, actor, ModelAudit.Trained,
            CodedMessage.Of(AuditDetail.Trained, name, parts.Train.Count, parts.Test.Count, report.Accuracy, report.MacroF1), ct);
        ClassificationLog.VersionStored(logger, version.Id, "offline", report.Accuracy, report.MacroF1, report.TestCount);
        await Report(progress, 1, CodedMessage.Of(ClassificationJobMessage.Stored, name), ct);
        return (await new ModelVersionReader(db).SummaryAsync(version.Id, ct))!;
    }

    internal static List<LabeledText> ToTexts(IEnumerable<LabeledQuestion> questions) => questions.Select(q => new LabeledText(q.Text, q.Label)).ToList();

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 120)];

    private static Task Report(IJobProgress? progress, double fraction, CodedMessage message, CancellationToken ct) =>
        progress?.ReportAsync(fraction, message, ct) ?? Task.CompletedTask;
}
