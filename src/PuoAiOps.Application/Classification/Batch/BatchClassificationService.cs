using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Classification.Data;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Classification.Serving;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Application.Classification.Jobs;

namespace PuoAiOps.Application.Classification.Batch;

/// <summary>What a batch run did.</summary>
public sealed record BatchClassificationResult(long VersionId, int Questions, int OutOfScope, int Failed, int LowConfidence, double MeanConfidence, TimeSpan Elapsed);

/// <summary>
/// Runs the serving model over the questions that have no final label and stores its prediction
/// (<c>PredictedIntentId</c>, <c>PredictedConfidence</c>, <c>PredictedByModelId</c>), one short
/// transaction per chunk. Annotation batches ordered "most uncertain first" then start from the
/// questions the model is least sure about. An out-of-scope prediction stores no intent, its confidence kept.
/// </summary>
public sealed class BatchClassificationService(
    PuoDbContext db,
    ServingClassifier serving,
    IOptions<ClassifierOptions> options,
    TimeProvider clock,
    ILogger<BatchClassificationService> logger)
{
    /// <summary>Below this confidence a prediction counts as low-confidence in the result.</summary>
    public const double LowConfidence = 0.5;

    public async Task<BatchClassificationResult> RunAsync(Actor actor, IJobProgress? progress = null, CancellationToken ct = default)
    {
        ClassifierPermissions.RequireTrainer(actor);
        var classifier = await serving.GetAsync(ct)
            ?? throw new ValidationException("version", CodedMessage.Of(ClassificationRefusal.NothingServes));
        var started = Stopwatch.GetTimestamp();
        var intentIds = await db.Intents.AsNoTracking().ToDictionaryAsync(i => i.Key, i => i.Id, StringComparer.Ordinal, ct);
        var unlabeled = db.Questions.AsNoTracking().Where(q => q.FinalIntentId == null && !q.FinalOutOfScope);
        var total = await unlabeled.CountAsync(ct);
        int done = 0, oos = 0, failed = 0, low = 0;
        var confidenceSum = 0.0;
        long lastId = 0;
        while (true)
        {
            var chunk = await unlabeled.Where(q => q.Id > lastId).OrderBy(q => q.Id).Take(options.Value.BatchSize)
                .Select(q => new { q.Id, q.Text }).ToListAsync(ct);
            if (chunk.Count == 0) break;
            lastId = chunk[^1].Id;
            var outputs = await classifier.ClassifyAsync(chunk.Select(q => q.Text).ToList(), null, ct);
            var rows = chunk.Select((q, i) => (q.Id, Output: outputs[i])).ToList();
            await WriteRetry.InTransactionAsync(db, async token =>
            {
                foreach (var (id, output) in rows)
                {
                    var question = new Question { Id = id };
                    db.Questions.Attach(question);
                    question.PredictedIntentId = intentIds.TryGetValue(output.Label, out var intentId) ? intentId : null;
                    question.PredictedConfidence = output.Failed ? null : Math.Round(output.Confidence, 6);
                    question.PredictedByModelId = classifier.VersionId;
                    var entry = db.Entry(question);
                    entry.Property(q => q.PredictedIntentId).IsModified = true;
                    entry.Property(q => q.PredictedConfidence).IsModified = true;
                    entry.Property(q => q.PredictedByModelId).IsModified = true;
                }
                await db.SaveChangesAsync(token);
                db.ChangeTracker.Clear();
                return 0;
            }, ct);

            foreach (var (_, output) in rows)
            {
                if (output.Failed) { failed++; continue; }
                if (output.Label == TrainingDataLoader.OutOfScopeLabel) oos++;
                if (output.Confidence < LowConfidence) low++;
                confidenceSum += output.Confidence;
            }
            done += chunk.Count;
            if (progress is not null) await progress.ReportAsync(total == 0 ? 1 : (double)done / total, CodedMessage.Of(ClassificationJobMessage.BatchProgress, done, total), ct);
        }

        var result = new BatchClassificationResult(classifier.VersionId, done, oos, failed, low,
            done - failed == 0 ? 0 : confidenceSum / (done - failed), Stopwatch.GetElapsedTime(started));
        db.AuditLog.Add(ModelAudit.Entry(actor, ModelAudit.BatchClassified, classifier.VersionId,
            CodedMessage.Of(AuditDetail.BatchClassified, done, low, LowConfidence, oos),
            clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        ClassificationLog.BatchClassified(logger, classifier.VersionId, done, result.Elapsed.TotalMilliseconds);
        return result;
    }
}
