using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// The first open items of a batch this user may take, with their page data (the shape of
/// <see cref="ItemView.Of"/>, spelled out because a compiled query cannot call it). Compiled once:
/// it runs on every queue call, and EF's per-call work on an uncompiled tree this size (parameter
/// extraction, the query-cache lookup that compares whole trees) was a large share of the call's CPU.
/// The batch index is walked in order; "not labeled / not skipped by me" and the lease count are probes.
/// </summary>
internal static class CandidateQuery
{
    private static readonly PerModel<Func<PuoDbContext, long, int, string, DateTime, long, int, IAsyncEnumerable<ItemView>>> Compiled = new(() =>
        EF.CompileAsyncQuery((PuoDbContext db, long batchId, int max, string userId, DateTime now, long excludeItemId, int take) =>
            from i in db.Items
                .Where(i => i.BatchId == batchId && i.Status == ItemStatus.Open && i.LabelCount < max && i.Id != excludeItemId)
                .Where(i => !db.Labels.Any(l => l.ItemId == i.Id && l.UserId == userId))
                .Where(i => !db.Skips.Any(s => s.ItemId == i.Id && s.UserId == userId))
                .Where(i => i.LabelCount + db.Leases.Count(l => l.ItemId == i.Id && l.UserId != userId && l.ExpiresAt > now) < max)
                .OrderBy(i => i.Priority).ThenBy(i => i.Id)
                .Take(take)
            join q in db.Questions on i.QuestionId equals q.Id
            join s in db.Intents on q.PredictedIntentId equals s.Id into suggested
            from s in suggested.DefaultIfEmpty()
            select new ItemView(i.Id, i.BatchId, i.QuestionId, i.Priority, q.Text, q.Locale, q.Channel, q.CreatedAt, q.PredictedConfidence,
                s == null ? null : s.Id, s == null ? null : s.Key, s == null ? null : s.Names)));

    /// <param name="excludeItemId">0 for none (identity keys start at 1).</param>
    public static IAsyncEnumerable<ItemView> Run(PuoDbContext db, long batchId, int labelsPerItem, string userId, DateTime now,
        long excludeItemId, int take) =>
        Compiled.For(db)(db, batchId, labelsPerItem, userId, now, excludeItemId, take);
}
