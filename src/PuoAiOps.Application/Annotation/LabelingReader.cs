using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Annotation;

/// <summary>What the labeling page shows one annotator: the item (null: nothing left), progress, where the question came from and what surrounds it.</summary>
public sealed record LabelingState(long BatchId, AnnotatorProgress Progress, QueueItem? Item, string? Source, QuestionContext Context, string? Blocked = null);

/// <summary>Reads for the labeling page; the writes are <see cref="QueueService"/>'s.</summary>
public sealed class LabelingReader(QueueService queue, BatchService batches, QuestionContextService context, PuoDbContext db)
{
    /// <summary>The item the annotator holds or gets next; a paused or closed batch gives a blocked state.</summary>
    public async Task<LabelingState> CurrentAsync(long batchId, string userId, CancellationToken ct)
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

    /// <summary>The state around <paramref name="item"/> (null: nothing left), with the annotator's progress.</summary>
    public async Task<LabelingState> ForAsync(long batchId, string userId, QueueItem? item, CancellationToken ct)
    {
        var progress = await batches.ProgressAsync(batchId, userId, ct);
        var source = item is null ? null
            : await db.Questions.AsNoTracking().Where(q => q.Id == item.QuestionId).Select(q => q.Source).FirstOrDefaultAsync(ct);
        var around = item is null ? QuestionContext.None : await context.ForQuestionAsync(item.QuestionId, ct);
        return new LabelingState(batchId, progress, item, source, around);
    }

    /// <summary>Whether the item is part of the batch in the URL (the queue service checks the caller's access).</summary>
    public Task<bool> ItemInBatchAsync(long itemId, long batchId, CancellationToken ct) =>
        db.Items.AsNoTracking().AnyAsync(i => i.Id == itemId && i.BatchId == batchId, ct);
}
