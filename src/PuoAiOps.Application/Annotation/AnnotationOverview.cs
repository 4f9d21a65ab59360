using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Annotation;

/// <summary>One annotator's work in one batch, as the annotation home page shows it on the batch card.</summary>
public readonly record struct OwnBatchCounts(int Labeled, int Skipped);

/// <summary>The counts of the annotation home page that the batch and adjudication services do not give.</summary>
public sealed class AnnotationOverview(PuoDbContext db)
{
    /// <summary>Questions with a final label from consensus or adjudication: what a label export holds.</summary>
    public Task<int> FinalLabelsAsync(CancellationToken ct = default) =>
        db.Questions.CountAsync(q => q.FinalLabelSource == FinalLabelSources.Consensus || q.FinalLabelSource == FinalLabelSources.Adjudicated, ct);

    /// <summary>The user's labels and skips per batch in two grouped queries (not one progress call per batch); every batch given has an entry.</summary>
    public async Task<IReadOnlyDictionary<long, OwnBatchCounts>> OwnCountsAsync(string userId, IEnumerable<long> batchIds, CancellationToken ct = default)
    {
        var labels = await (from l in db.Labels where l.UserId == userId join i in db.Items on l.ItemId equals i.Id
                            group l by i.BatchId into g select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var skips = await (from s in db.Skips where s.UserId == userId join i in db.Items on s.ItemId equals i.Id
                           group s by i.BatchId into g select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return batchIds.Distinct().ToDictionary(id => id, id => new OwnBatchCounts(labels.GetValueOrDefault(id), skips.GetValueOrDefault(id)));
    }
}
