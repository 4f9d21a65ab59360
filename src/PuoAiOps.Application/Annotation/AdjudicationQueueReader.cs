using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// Where a reviewer stands in the adjudication queue: the case at a position, the cases they may
/// decide (<see cref="Total"/>) and those waiting that they labeled themselves (<see cref="HiddenOwn"/>).
/// </summary>
public sealed record AdjudicationPosition(AdjudicationCase? Case, int Total, int HiddenOwn, int Skip, long? BatchFilter);

/// <summary>The reads of the adjudication page, one case at a time; the decisions are <see cref="AdjudicationService"/>'s.</summary>
public sealed class AdjudicationQueueReader(AdjudicationService adjudication, PuoDbContext db)
{
    /// <summary>The case at <paramref name="skip"/> in the reviewer's queue, wrapping to the first when past the end.</summary>
    public async Task<AdjudicationPosition> AtAsync(string reviewerId, long? batchId, int skip, CancellationToken ct)
    {
        skip = Math.Max(0, skip);
        var page = await adjudication.QueueAsync(reviewerId, batchId, skip, 1, ct);
        if (page.Items.Count == 0 && skip > 0)
        {
            skip = 0;
            page = await adjudication.QueueAsync(reviewerId, batchId, 0, 1, ct);
        }
        var waiting = db.Items.AsNoTracking().Where(i => i.Status == ItemStatus.NeedsAdjudication);
        if (batchId is { } b) waiting = waiting.Where(i => i.BatchId == b);
        var all = await waiting.CountAsync(ct);
        return new AdjudicationPosition(page.Items.Count > 0 ? page.Items[0] : null, page.Total, Math.Max(0, all - page.Total), skip, batchId);
    }

    /// <summary>A given case (after a refused decision), with the queue counts around it.</summary>
    public async Task<AdjudicationPosition> ForItemAsync(string reviewerId, long itemId, long? batchId, int skip, CancellationToken ct)
    {
        var position = await AtAsync(reviewerId, batchId, skip, ct);
        return position with { Case = await adjudication.GetAsync(itemId, ct) };
    }
}
