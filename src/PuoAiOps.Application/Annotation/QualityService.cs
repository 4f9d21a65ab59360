using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>Agreement per batch and per intent, most confused intents, and each annotator's speed and accuracy.</summary>
public sealed class QualityService(PuoDbContext db)
{
    public async Task<BatchQualityReport> BatchReportAsync(long batchId, CancellationToken ct = default)
    {
        var batch = await db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => new { b.Name, b.LabelsPerItem }).FirstOrDefaultAsync(ct)
            ?? throw AnnotationException.NotFound(AnnotationRefusal.BatchMissing, batchId);

        var labelRows = await (
            from l in db.Labels.AsNoTracking()
            join i in db.Items on l.ItemId equals i.Id
            where i.BatchId == batchId
            select new { l.ItemId, l.UserId, l.IntentId, l.OutOfScope, l.CreatedAt, l.DurationMs }).ToListAsync(ct);
        var labels = labelRows.Select(l => new QualityLabel(l.ItemId, l.UserId, LabelValue.Key(l.IntentId, l.OutOfScope), l.CreatedAt, l.DurationMs)).ToList();
        var items = await ItemsAsync(batchId, labels, ct);
        var skips = await db.Skips.AsNoTracking()
            .Where(s => db.Items.Any(i => i.Id == s.ItemId && i.BatchId == batchId))
            .GroupBy(s => s.UserId).Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Count, ct);

        var byItem = labels.GroupBy(l => l.ItemId).Select(g => (IReadOnlyList<QualityLabel>)g.ToList()).ToList();
        var keys = labels.Select(l => l.Key).Where(k => k != LabelValue.OutOfScopeKey).Distinct().ToList();
        var intents = await IntentLookup.LoadAsync(db, keys, ct);

        var perIntent = QualityCalculator.PerIntent(byItem, batch.LabelsPerItem)
            .Select(x => new IntentAgreement(intents.OfKey(x.Key), x.Labels, x.Items, x.Specific, x.Cohen, x.Fleiss, x.Alpha))
            .ToList();
        var confused = QualityCalculator.Confused(byItem)
            .Select(p => new ConfusedIntents(intents.OfKey(p.First), intents.OfKey(p.Second), p.Count))
            .ToList();
        var annotators = await AnnotatorsAsync(batchId, labels, items, skips, ct);

        return new BatchQualityReport(batchId, batch.Name, batch.LabelsPerItem, items.Count, labels.Count,
            QualityCalculator.Agreement(byItem, batch.LabelsPerItem), perIntent, confused, annotators);
    }

    /// <summary>Gold answers, and the final answer of settled items: the adjudication, or the consensus the labels reached.</summary>
    private async Task<Dictionary<long, QualityItem>> ItemsAsync(long batchId, List<QualityLabel> labels, CancellationToken ct)
    {
        var rows = await db.Items.AsNoTracking().Where(i => i.BatchId == batchId)
            .Select(i => new { i.Id, i.IsGold, i.GoldIntentId, i.GoldOutOfScope, i.Status })
            .ToListAsync(ct);
        var adjudicated = await db.Adjudications.AsNoTracking()
            .Where(a => db.Items.Any(i => i.Id == a.ItemId && i.BatchId == batchId))
            .Select(a => new { a.ItemId, a.IntentId, a.OutOfScope })
            .ToDictionaryAsync(a => a.ItemId, a => LabelValue.Key(a.IntentId, a.OutOfScope), ct);
        var labelsByItem = labels.ToLookup(l => l.ItemId);

        return rows.ToDictionary(r => r.Id, r =>
        {
            int? final = r.Status switch
            {
                ItemStatus.Adjudicated when adjudicated.TryGetValue(r.Id, out var a) => a,
                ItemStatus.Complete when labelsByItem[r.Id].Select(l => l.Key).Distinct().ToList() is [var only] => only,
                _ => null,
            };
            return new QualityItem(r.Id, r.IsGold, r.IsGold ? LabelValue.Key(r.GoldIntentId, r.GoldOutOfScope) : null, final);
        });
    }

    private async Task<List<AnnotatorQuality>> AnnotatorsAsync(long batchId, List<QualityLabel> labels, Dictionary<long, QualityItem> items,
        Dictionary<string, int> skips, CancellationToken ct)
    {
        var assigned = await db.BatchAnnotators.AsNoTracking().Where(a => a.BatchId == batchId).Select(a => a.UserId).ToListAsync(ct);
        var userIds = assigned.Concat(labels.Select(l => l.UserId)).Concat(skips.Keys).Distinct(StringComparer.Ordinal).ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName })
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName, ct);
        var byUser = labels.ToLookup(l => l.UserId, StringComparer.Ordinal);

        return userIds.Select(id =>
        {
            var own = byUser[id].ToList();
            var (perHour, gold, final) = QualityCalculator.ForAnnotator(own, items);
            return new AnnotatorQuality(id, names.GetValueOrDefault(id) ?? id, own.Count, skips.GetValueOrDefault(id), perHour, gold, final);
        }).OrderBy(a => a.DisplayName, StringComparer.CurrentCulture).ToList();
    }
}
