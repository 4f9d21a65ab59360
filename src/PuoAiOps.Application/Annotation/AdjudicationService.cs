using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// Reviewers settle the items annotators disagreed on. A reviewer never judges an item they labeled
/// themselves. Role checks (Reviewer) belong to the calling endpoint's policy.
/// </summary>
public sealed class AdjudicationService(PuoDbContext db, TimeProvider clock, ILogger<AdjudicationService> logger)
{
    public const int MaxPageSize = 100;

    /// <summary>Items waiting for adjudication that this reviewer may decide (not labeled by them), oldest first.</summary>
    public async Task<AdjudicationPage> QueueAsync(string reviewerId, long? batchId = null, int skip = 0, int take = 20, CancellationToken ct = default)
    {
        take = Math.Clamp(take, 1, MaxPageSize);
        var query = db.Items.AsNoTracking()
            .Where(i => i.Status == ItemStatus.NeedsAdjudication && !db.Labels.Any(l => l.ItemId == i.Id && l.UserId == reviewerId));
        if (batchId is { } b) query = query.Where(i => i.BatchId == b);
        var total = await query.CountAsync(ct);
        var ids = await query.OrderBy(i => i.Id).Skip(Math.Max(0, skip)).Take(take).Select(i => i.Id).ToListAsync(ct);
        return new AdjudicationPage(total, await CasesAsync(ids, ct));
    }

    /// <summary>One item with its labels, for the decision page.</summary>
    public async Task<AdjudicationCase> GetAsync(long itemId, CancellationToken ct = default) =>
        (await CasesAsync([itemId], ct)).SingleOrDefault() ?? throw AnnotationException.NotFound(AnnotationRefusal.ItemMissing, itemId);

    public async Task<AdjudicationResult> AdjudicateAsync(long itemId, string reviewerId, AdjudicationInput decision, CancellationToken ct = default)
    {
        LabelValue.Validate(decision.IntentId, decision.OutOfScope);
        var reason = decision.Reason?.Trim() ?? "";
        if (reason.Length == 0) throw AnnotationException.Invalid(AnnotationRefusal.ReasonRequired);
        if (reason.Length > AdjudicationInput.MaxReasonLength)
            throw AnnotationException.Invalid(AnnotationRefusal.ReasonTooLong, AdjudicationInput.MaxReasonLength);

        var item = await db.Items.AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => new { i.QuestionId, i.Status, LabeledByReviewer = db.Labels.Any(l => l.ItemId == i.Id && l.UserId == reviewerId) })
            .FirstOrDefaultAsync(ct)
            ?? throw AnnotationException.NotFound(AnnotationRefusal.ItemMissing, itemId);
        if (item.LabeledByReviewer)
            throw AnnotationException.Forbidden(AnnotationRefusal.OwnItem);
        if (decision.IntentId is { } intentId && !await db.Intents.AnyAsync(i => i.Id == intentId, ct))
            throw AnnotationException.Invalid(AnnotationRefusal.IntentMissing, intentId);
        if (item.Status != ItemStatus.NeedsAdjudication) throw NotWaiting(item.Status);

        var id = await WriteRetry.InTransactionAsync(db, async token =>
        {
            var version = Guid.NewGuid();
            var claimed = await db.Items.Where(i => i.Id == itemId && i.Status == ItemStatus.NeedsAdjudication)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ItemStatus.Adjudicated).SetProperty(i => i.Version, version), token);
            if (claimed == 0) throw NotWaiting(ItemStatus.Adjudicated);

            var row = new Adjudication
            {
                ItemId = itemId, ReviewerId = reviewerId, IntentId = decision.OutOfScope ? null : decision.IntentId,
                OutOfScope = decision.OutOfScope, Reason = reason, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Adjudications.Add(row);
            await db.SaveChangesAsync(token);
            db.ChangeTracker.Clear();
            await db.Questions.Where(q => q.Id == item.QuestionId).ExecuteUpdateAsync(s => s
                .SetProperty(q => q.FinalIntentId, row.IntentId)
                .SetProperty(q => q.FinalOutOfScope, row.OutOfScope)
                .SetProperty(q => q.FinalLabelSource, FinalLabelSources.Adjudicated), token);
            return row.Id;
        }, ct);
        AnnotationLog.Adjudicated(logger, itemId);
        return new AdjudicationResult(id, itemId, item.QuestionId);
    }

    private static AnnotationException NotWaiting(ItemStatus status) => AnnotationException.Conflict(status == ItemStatus.Adjudicated
        ? AnnotationRefusal.AlreadyAdjudicated
        : AnnotationRefusal.NotWaitingForAdjudication);

    private async Task<List<AdjudicationCase>> CasesAsync(List<long> itemIds, CancellationToken ct)
    {
        if (itemIds.Count == 0) return [];
        var items = await db.Items.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Id, i.BatchId, BatchName = i.Batch!.Name, i.QuestionId, i.Question!.Text, i.Question.Locale,
                i.Question.PredictedIntentId, i.Question.PredictedConfidence })
            .ToListAsync(ct);
        var labels = await (
            from l in db.Labels.AsNoTracking()
            where itemIds.Contains(l.ItemId)
            join u in db.Users on l.UserId equals u.Id into users
            from u in users.DefaultIfEmpty()
            orderby l.CreatedAt, l.Id
            select new { l.ItemId, l.UserId, DisplayName = u == null ? null : u.DisplayName, UserName = u == null ? null : u.UserName,
                l.IntentId, l.OutOfScope, l.Unclear, l.MultipleIntents, l.Note, l.CreatedAt }).ToListAsync(ct);
        var intentIds = labels.Where(l => l.IntentId != null).Select(l => l.IntentId!.Value)
            .Concat(items.Where(i => i.PredictedIntentId != null).Select(i => i.PredictedIntentId!.Value)).Distinct().ToList();
        var intents = await IntentLookup.LoadAsync(db, intentIds, ct);

        return items.OrderBy(i => itemIds.IndexOf(i.Id)).Select(i => new AdjudicationCase(i.Id, i.BatchId, i.BatchName, i.QuestionId,
            i.Text, i.Locale, i.PredictedIntentId is { } p ? intents.Of(p, false) : null, i.PredictedConfidence,
            labels.Where(l => l.ItemId == i.Id).Select(l => new GivenLabel(l.UserId,
                string.IsNullOrWhiteSpace(l.DisplayName) ? l.UserName ?? l.UserId : l.DisplayName,
                intents.Of(l.IntentId, l.OutOfScope), l.Unclear, l.MultipleIntents, l.Note,
                DateTime.SpecifyKind(l.CreatedAt, DateTimeKind.Utc))).ToList())).ToList();
    }
}
