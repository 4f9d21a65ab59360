using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// The annotator's hot path: next item, submit, skip, undo. Every call is a few indexed queries and
/// one or two short write transactions; all state is in the database, so any web instance can serve
/// any annotator. Expected failures are <see cref="AnnotationException"/>s (see <see cref="AnnotationError"/>).
/// </summary>
public sealed class QueueService(PuoDbContext db, IOptions<AnnotationOptions> options, TimeProvider clock, ILogger<QueueService> logger)
{
    public const int MaxSkipReasonLength = 500;

    private readonly LeaseBroker _leases = new(db, options.Value.LeaseDuration);

    /// <summary>
    /// The item this annotator should label next, leased to them; the same item again while they hold it.
    /// Null when nothing is left for them in the batch.
    /// </summary>
    public async Task<QueueItem?> NextAsync(long batchId, string userId, CancellationToken ct = default)
    {
        await using var connection = await ConnectionScope.OpenAsync(db, ct);
        var access = await BatchAccessAsync(batchId, userId, ct);
        return await NextCoreAsync(access, userId, ct);
    }

    public async Task<SubmitResult> SubmitAsync(long itemId, string userId, LabelInput label, CancellationToken ct = default)
    {
        await using var connection = await ConnectionScope.OpenAsync(db, ct);
        return await SubmitCoreAsync(itemId, userId, label, ct);
    }

    /// <summary>
    /// Submit and fetch the next item in one call (one round-trip for the page). The candidates are read
    /// first, without locks; the label and the next lease are then written in one transaction, so under
    /// load every call takes the write lock once and holds it only for the writes.
    /// </summary>
    public async Task<SubmitAndNextResult> SubmitAndNextAsync(long itemId, string userId, LabelInput label, CancellationToken ct = default)
    {
        await using var connection = await ConnectionScope.OpenAsync(db, ct);
        var item = await CheckedForSubmitAsync(itemId, userId, label, ct);
        var now = Now();
        var candidates = await _leases.CandidatesAsync(item.Access, userId, now, excludeItemId: itemId, ct);
        var (labelId, status, leased) = await WriteRetry.InTransactionAsync(db, async token =>
        {
            var (labelId, status) = await LabelWriter.WriteInTransactionAsync(db, item, userId, label, now, token);
            // The label write dropped this user's leases in the batch, so the new lease needs no clean-up.
            var leased = await _leases.TakeFirstInTransactionAsync(candidates, item.LabelsPerItem, userId, now, token);
            return (labelId, status, leased);
        }, ct);
        if (status != ItemStatus.Open) AnnotationLog.ItemResolved(logger, itemId, status);
        // Every candidate was taken meanwhile (or there were none): look again, as a plain Next would.
        leased ??= await _leases.AcquireAsync(item.Access, userId, Now(), dropOwnLeases: false, ct);
        return new SubmitAndNextResult(new SubmitResult(labelId, itemId),
            leased?.View.ToQueueItem(item.ShowSuggestions, leased.ExpiresAt));
    }

    /// <summary>Set an item aside with a reason; it is not offered to this annotator again.</summary>
    public async Task SkipAsync(long itemId, string userId, string reason, CancellationToken ct = default)
    {
        await using var connection = await ConnectionScope.OpenAsync(db, ct);
        await SkipCoreAsync(itemId, userId, reason, ct);
    }

    public async Task<QueueItem?> SkipAndNextAsync(long itemId, string userId, string reason, CancellationToken ct = default)
    {
        await using var connection = await ConnectionScope.OpenAsync(db, ct);
        var item = await SkipCoreAsync(itemId, userId, reason, ct);
        return await NextCoreAsync(item.Access, userId, ct, holdsNoLease: !item.SkippedByUser);
    }

    /// <summary>
    /// Takes back this annotator's most recent label in the batch and hands the item back to them.
    /// A complete item re-opens (its consensus final label is withdrawn); an adjudicated one cannot be undone.
    /// Null when the annotator has no label in the batch.
    /// </summary>
    public async Task<UndoResult?> UndoLastAsync(string userId, long batchId, CancellationToken ct = default)
    {
        await using var connection = await ConnectionScope.OpenAsync(db, ct);
        var access = await BatchAccessAsync(batchId, userId, ct);
        var last = await (
            from l in db.Labels
            join i in db.Items on l.ItemId equals i.Id
            where l.UserId == userId && i.BatchId == batchId
            orderby l.CreatedAt descending, l.Id descending
            select new { LabelId = l.Id, l.ItemId, i.QuestionId, i.IsGold }).FirstOrDefaultAsync(ct);
        if (last is null) return null;

        await WriteRetry.InTransactionAsync(db, async token =>
        {
            // Touch the row first: on PostgreSQL this locks it, so the status read next cannot go stale before commit.
            var version = Guid.NewGuid();
            await db.Items.Where(i => i.Id == last.ItemId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, version), token);
            var status = await db.Items.Where(i => i.Id == last.ItemId).Select(i => i.Status).FirstAsync(token);
            if (status == ItemStatus.Adjudicated)
                throw AnnotationException.Conflict(AnnotationRefusal.UndoAfterAdjudication);
            if (await db.Labels.Where(l => l.Id == last.LabelId).ExecuteDeleteAsync(token) == 0)
                throw AnnotationException.Conflict(AnnotationRefusal.AlreadyUndone);
            await db.Items.Where(i => i.Id == last.ItemId && i.LabelCount > 0).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.LabelCount, i => i.LabelCount - 1)
                .SetProperty(i => i.Status, ItemStatus.Open), token);
            if (status == ItemStatus.Complete && !last.IsGold)
                await db.Questions.Where(q => q.Id == last.QuestionId && q.FinalLabelSource == FinalLabelSources.Consensus)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(q => q.FinalIntentId, (int?)null)
                        .SetProperty(q => q.FinalOutOfScope, false)
                        .SetProperty(q => q.FinalLabelSource, (string?)null), token);
            return status;
        }, ct);

        var now = Now();
        var next = await _leases.TryLeaseItemAsync(access, last.ItemId, userId, now, ct) is { } leased
            ? leased.View.ToQueueItem(access.ShowSuggestions, leased.ExpiresAt)
            : await NextCoreAsync(access, userId, ct);
        return new UndoResult(last.ItemId, next);
    }

    /// <param name="holdsNoLease">True right after a submit or skip, which dropped this user's leases in the batch.</param>
    private async Task<QueueItem?> NextCoreAsync(BatchAccess access, string userId, CancellationToken ct, bool holdsNoLease = false) =>
        await _leases.NextAsync(access, userId, Now(), holdsNoLease, ct) is { } leased
            ? leased.View.ToQueueItem(access.ShowSuggestions, leased.ExpiresAt)
            : null;

    private async Task<SubmitResult> SubmitCoreAsync(long itemId, string userId, LabelInput label, CancellationToken ct)
    {
        var item = await CheckedForSubmitAsync(itemId, userId, label, ct);
        var (labelId, status) = await LabelWriter.WriteAsync(db, item, userId, label, Now(), ct);
        if (status != ItemStatus.Open) AnnotationLog.ItemResolved(logger, itemId, status);
        return new SubmitResult(labelId, itemId);
    }

    /// <summary>The item, once the label is valid and the caller may still label it (the write re-checks the count).</summary>
    private async Task<ItemContext> CheckedForSubmitAsync(long itemId, string userId, LabelInput label, CancellationToken ct)
    {
        ValidateLabel(label);
        var item = await ItemContextAsync(itemId, userId, ct, label.IntentId);
        if (label.IntentId is { } intentId && item.LabelIntentStatus is not (IntentStatus.Active or IntentStatus.Draft))
            throw AnnotationException.Invalid(item.LabelIntentStatus is null
                ? AnnotationRefusal.IntentMissing
                : AnnotationRefusal.IntentDeprecated, intentId);
        if (item.LabeledByUser) throw AnnotationException.Conflict(AnnotationRefusal.AlreadyLabeled);
        if (item.Status != ItemStatus.Open)
            throw AnnotationException.Conflict(AnnotationRefusal.ItemFull);
        return item;
    }

    private async Task<ItemContext> SkipCoreAsync(long itemId, string userId, string reason, CancellationToken ct)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0) throw AnnotationException.Invalid(AnnotationRefusal.SkipReasonRequired);
        if (trimmed.Length > MaxSkipReasonLength) throw AnnotationException.Invalid(AnnotationRefusal.SkipReasonTooLong, MaxSkipReasonLength);
        var item = await ItemContextAsync(itemId, userId, ct);
        if (item.LabeledByUser) throw AnnotationException.Conflict(AnnotationRefusal.SkipAfterLabel);
        if (item.SkippedByUser) return item;

        await WriteRetry.InTransactionAsync(db, async token =>
        {
            db.Skips.Add(new AnnotationSkip { ItemId = itemId, UserId = userId, Reason = trimmed, CreatedAt = Now() });
            await db.SaveChangesAsync(token);
            db.ChangeTracker.Clear();
            return await OwnLeases.DropAsync(db, item.BatchId, userId, token);
        }, ct);
        return item;
    }

    /// <summary>The item, its batch and the caller's relation to both, in one query; NotFound/Forbidden/Conflict as needed.</summary>
    private async Task<ItemContext> ItemContextAsync(long itemId, string userId, CancellationToken ct, int? intentId = null)
    {
        var item = await ItemContextQuery.For(db)(db, itemId, userId, intentId ?? 0, ct)
            ?? throw AnnotationException.NotFound(AnnotationRefusal.ItemMissing, itemId);
        if (!item.Assigned) throw AnnotationException.Forbidden(AnnotationRefusal.NotAssignedToItem);
        EnsureOpen(item.BatchStatus);
        return item;
    }

    // Compiled once: it runs on every submit and skip. Intent ids start at 1, so 0 asks about no intent.
    private static readonly PerModel<Func<PuoDbContext, long, string, int, CancellationToken, Task<ItemContext?>>> ItemContextQuery = new(() =>
        EF.CompileAsyncQuery((PuoDbContext db, long itemId, string userId, int intentId, CancellationToken ct) =>
            db.Items.AsNoTracking()
                .Where(i => i.Id == itemId)
                .Select(i => new ItemContext(i.Id, i.BatchId, i.QuestionId, i.IsGold, i.Status, i.Batch!.LabelsPerItem, i.Batch.Status,
                    i.Batch.ShowSuggestions,
                    db.BatchAnnotators.Any(a => a.BatchId == i.BatchId && a.UserId == userId),
                    db.Labels.Any(l => l.ItemId == i.Id && l.UserId == userId),
                    db.Skips.Any(s => s.ItemId == i.Id && s.UserId == userId),
                    db.Intents.Where(x => x.Id == intentId).Select(x => (IntentStatus?)x.Status).FirstOrDefault()))
                .FirstOrDefault()));

    private async Task<BatchAccess> BatchAccessAsync(long batchId, string userId, CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking()
            .Where(b => b.Id == batchId)
            .Select(b => new { b.LabelsPerItem, b.Status, b.ShowSuggestions, Assigned = db.BatchAnnotators.Any(a => a.BatchId == b.Id && a.UserId == userId) })
            .FirstOrDefaultAsync(ct)
            ?? throw AnnotationException.NotFound(AnnotationRefusal.BatchMissing, batchId);
        if (!batch.Assigned) throw AnnotationException.Forbidden(AnnotationRefusal.NotAssignedToBatch);
        EnsureOpen(batch.Status);
        return new BatchAccess(batchId, batch.LabelsPerItem, batch.ShowSuggestions);
    }

    private static void ValidateLabel(LabelInput label)
    {
        LabelValue.Validate(label.IntentId, label.OutOfScope);
        if (label.DurationMs < 0) throw AnnotationException.Invalid(AnnotationRefusal.NegativeDuration);
        if (label.Note is { Length: > LabelInput.MaxNoteLength }) throw AnnotationException.Invalid(AnnotationRefusal.NoteTooLong, LabelInput.MaxNoteLength);
    }

    private static void EnsureOpen(BatchStatus status)
    {
        if (status != BatchStatus.Open)
            throw AnnotationException.Conflict(status == BatchStatus.Paused ? AnnotationRefusal.BatchPaused : AnnotationRefusal.BatchClosed);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
