using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>Creates annotation batches from a question filter and lists them with their progress.</summary>
public sealed class BatchService(PuoDbContext db, TimeProvider clock, ILogger<BatchService> logger)
{
    public const int MaxLabelsPerItem = 10;
    public const double MaxGoldShare = 0.5;

    public async Task<BatchSummary> CreateAsync(CreateBatchRequest request, string? createdById, CancellationToken ct = default)
    {
        var annotators = request.AnnotatorIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        Validate(request);
        var known = await db.Users.AsNoTracking().Where(u => annotators.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        if (known.Count != annotators.Count)
            throw AnnotationException.Invalid(AnnotationRefusal.UnknownAnnotators, annotators.Count - known.Count);

        var items = await new BatchSelection(db).SelectAsync(request, ct);
        var batch = new AnnotationBatch
        {
            Name = request.Name.Trim(),
            Filter = JsonSerializer.Serialize(request.Filter, JsonSerializerOptions.Web),
            LabelsPerItem = request.LabelsPerItem,
            GoldShare = request.GoldShare,
            Order = request.Order,
            ShowSuggestions = request.ShowSuggestions,
            CreatedById = createdById,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Annotators = annotators.Select(id => new BatchAnnotator { UserId = id }).ToList(),
        };
        await WriteRetry.InTransactionAsync(db, async token =>
        {
            db.Batches.Add(batch);
            await db.SaveChangesAsync(token);
            db.ChangeTracker.Clear();
            await ItemBulkInsert.InsertAsync(db, batch.Id, items, token);
            return batch.Id;
        }, ct);
        AnnotationLog.BatchCreated(logger, batch.Id, items.Count, items.Count(i => i.IsGold));
        return await GetAsync(batch.Id, ct);
    }

    /// <summary>All batches, or only those <paramref name="annotatorId"/> is assigned to; newest first.</summary>
    public async Task<IReadOnlyList<BatchSummary>> ListAsync(string? annotatorId = null, CancellationToken ct = default)
    {
        var query = db.Batches.AsNoTracking();
        if (annotatorId is not null)
            query = query.Where(b => db.BatchAnnotators.Any(a => a.BatchId == b.Id && a.UserId == annotatorId));
        var batches = await query.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).ToListAsync(ct);
        return await SummariseAsync(batches, ct);
    }

    public async Task<BatchSummary> GetAsync(long batchId, CancellationToken ct = default)
    {
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct)
            ?? throw AnnotationException.NotFound(AnnotationRefusal.BatchMissing, batchId);
        return (await SummariseAsync([batch], ct))[0];
    }

    /// <summary>Open, pause or close a batch; paused and closed batches hand out no items.</summary>
    public async Task SetStatusAsync(long batchId, BatchStatus status, CancellationToken ct = default)
    {
        var changed = await db.Batches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, status), ct);
        if (changed == 0) throw AnnotationException.NotFound(AnnotationRefusal.BatchMissing, batchId);
    }

    /// <summary>What one annotator has done in a batch, beside the batch's own progress.</summary>
    public async Task<AnnotatorProgress> ProgressAsync(long batchId, string userId, CancellationToken ct = default)
    {
        var batch = await GetAsync(batchId, ct);
        if (!batch.AnnotatorIds.Contains(userId, StringComparer.Ordinal))
            throw AnnotationException.Forbidden(AnnotationRefusal.NotAssignedToBatch);
        var labeled = await db.Labels.CountAsync(l => l.UserId == userId && db.Items.Any(i => i.Id == l.ItemId && i.BatchId == batchId), ct);
        var skipped = await db.Skips.CountAsync(s => s.UserId == userId && db.Items.Any(i => i.Id == s.ItemId && i.BatchId == batchId), ct);
        return new AnnotatorProgress(batchId, labeled, skipped, batch.Progress.Items, batch.Progress.Done);
    }

    private async Task<IReadOnlyList<BatchSummary>> SummariseAsync(List<AnnotationBatch> batches, CancellationToken ct)
    {
        var ids = batches.Select(b => b.Id).ToList();
        var counts = await db.Items.AsNoTracking()
            .Where(i => ids.Contains(i.BatchId))
            .GroupBy(i => new { i.BatchId, i.Status })
            .Select(g => new { g.Key.BatchId, g.Key.Status, Count = g.Count(), Gold = g.Count(i => i.IsGold), Labels = g.Sum(i => (long)i.LabelCount) })
            .ToListAsync(ct);
        var annotators = await db.BatchAnnotators.AsNoTracking().Where(a => ids.Contains(a.BatchId)).ToListAsync(ct);

        return batches.Select(b =>
        {
            var rows = counts.Where(c => c.BatchId == b.Id).ToList();
            int Of(ItemStatus s) => rows.Where(r => r.Status == s).Sum(r => r.Count);
            var total = rows.Sum(r => r.Count);
            var progress = new BatchProgress(total, rows.Sum(r => r.Gold), Of(ItemStatus.Open), Of(ItemStatus.Complete),
                Of(ItemStatus.NeedsAdjudication), Of(ItemStatus.Adjudicated), rows.Sum(r => r.Labels), (long)total * b.LabelsPerItem);
            var users = annotators.Where(a => a.BatchId == b.Id).Select(a => a.UserId).Order(StringComparer.Ordinal).ToList();
            return new BatchSummary(b.Id, b.Name, b.Status, b.LabelsPerItem, b.GoldShare, b.Order, b.ShowSuggestions,
                b.CreatedAt, b.CreatedById, users, progress);
        }).ToList();
    }

    private static void Validate(CreateBatchRequest request)
    {
        var errors = BatchRequestRules.Check(request);
        if (errors.Count > 0) throw new AnnotationException(AnnotationError.Invalid, BatchRequestRules.Describe(errors[0].Error, request));
    }
}
