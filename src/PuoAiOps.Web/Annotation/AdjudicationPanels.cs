using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Annotation;

/// <summary>One disagreement for a reviewer to settle, and where it sits in their queue.</summary>
public sealed record AdjudicationPanelModel
{
    public AdjudicationCase? Case { get; init; }

    /// <summary>Items this reviewer may decide (the filter applied).</summary>
    public int Total { get; init; }

    /// <summary>Items waiting that this reviewer labeled as an annotator: another reviewer must decide them.</summary>
    public int HiddenOwn { get; init; }

    /// <summary>Position of <see cref="Case"/> in the queue (cases put off with "later" are passed over).</summary>
    public int Skip { get; init; }

    public long? BatchFilter { get; init; }

    public string? Notice { get; init; }
    public string? Warning { get; init; }
    public string? Error { get; init; }
    public AdjudicationForm? Draft { get; init; }
}

/// <summary>The decision form as posted by the page.</summary>
public sealed class AdjudicationForm
{
    public int? IntentId { get; set; }
    public bool OutOfScope { get; set; }
    public string? Reason { get; set; }
    public long? Batch { get; set; }
    public int Skip { get; set; }

    public AdjudicationInput ToInput() => new(OutOfScope ? null : IntentId, OutOfScope, Reason ?? "");
}

/// <summary>Builds the adjudication panel (page load and every htmx answer).</summary>
public sealed class AdjudicationPanels(AdjudicationService adjudication, PuoDbContext db)
{
    /// <summary>The case at <paramref name="skip"/> in the reviewer's queue, wrapping to the first when past the end.</summary>
    public async Task<AdjudicationPanelModel> AtAsync(string reviewerId, long? batchId, int skip, CancellationToken ct)
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
        return new AdjudicationPanelModel
        {
            Case = page.Items.Count > 0 ? page.Items[0] : null, Total = page.Total, HiddenOwn = Math.Max(0, all - page.Total), Skip = skip, BatchFilter = batchId,
        };
    }

    /// <summary>A given case (after a refused decision), with the queue counts around it.</summary>
    public async Task<AdjudicationPanelModel> ForItemAsync(string reviewerId, long itemId, long? batchId, int skip, CancellationToken ct)
    {
        var model = await AtAsync(reviewerId, batchId, skip, ct);
        return model with { Case = await adjudication.GetAsync(itemId, ct) };
    }
}
