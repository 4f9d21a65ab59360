using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Web.Annotation;

/// <summary>Builds the labeling page's item panel for one annotator (page load and every htmx answer).</summary>
public sealed class LabelPanels(QueueService queue, BatchService batches, QuestionContextService context, PuoDbContext db)
{
    /// <summary>The item the annotator holds or gets next; a paused or closed batch gives a blocked panel.</summary>
    public async Task<LabelPanelModel> CurrentAsync(long batchId, string userId, CancellationToken ct)
    {
        try
        {
            return await ForAsync(batchId, userId, await queue.NextAsync(batchId, userId, ct), ct);
        }
        catch (AnnotationException ex) when (ex.Error == AnnotationError.Conflict)
        {
            return await ForAsync(batchId, userId, null, ct) with { Blocked = ex.Message };
        }
    }

    /// <summary>The panel for <paramref name="item"/> (null: nothing left), with the annotator's progress.</summary>
    public async Task<LabelPanelModel> ForAsync(long batchId, string userId, QueueItem? item, CancellationToken ct)
    {
        var progress = await batches.ProgressAsync(batchId, userId, ct);
        var source = item is null ? null
            : await db.Questions.AsNoTracking().Where(q => q.Id == item.QuestionId).Select(q => q.Source).FirstOrDefaultAsync(ct);
        var around = item is null ? QuestionContext.None : await context.ForQuestionAsync(item.QuestionId, ct);
        return new LabelPanelModel { BatchId = batchId, Progress = progress, Item = item, Source = source, Context = around };
    }

    /// <summary>Whether the item is part of the batch in the URL (the service checks the caller's access).</summary>
    public Task<bool> ItemInBatchAsync(long itemId, long batchId, CancellationToken ct) =>
        db.Items.AsNoTracking().AnyAsync(i => i.Id == itemId && i.BatchId == batchId, ct);
}
