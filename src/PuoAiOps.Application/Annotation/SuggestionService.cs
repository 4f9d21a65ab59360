using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// The model's guess for one item, outside the queue's own answers. A batch with suggestions switched off
/// exists to get judgements the model did not anchor, so there the guess is shown only once the caller's
/// label for the item is stored: the rule is here, not in a page, so every caller (page, API, script) gets it.
/// </summary>
public sealed class SuggestionService(PuoDbContext db)
{
    /// <summary>The guess (null when the model made none); NotFound when the item is not in one of the caller's batches.</summary>
    public async Task<IntentSuggestion?> ForItemAsync(long batchId, long itemId, string userId, CancellationToken ct = default)
    {
        var row = await db.Items.AsNoTracking()
            .Where(i => i.Id == itemId && i.BatchId == batchId && db.BatchAnnotators.Any(a => a.BatchId == batchId && a.UserId == userId))
            .Select(i => new
            {
                i.Batch!.ShowSuggestions,
                Labeled = db.Labels.Any(l => l.ItemId == i.Id && l.UserId == userId),
                i.Question!.PredictedConfidence,
                Intent = db.Intents.Where(x => x.Id == i.Question.PredictedIntentId).Select(x => new { x.Id, x.Key, x.Names }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct)
            ?? throw AnnotationException.NotFound(AnnotationRefusal.ItemNotInYourBatches, itemId);
        if (!row.ShowSuggestions && !row.Labeled)
            throw AnnotationException.Forbidden(AnnotationRefusal.SuggestionAfterLabel);
        return row.Intent is null ? null : new IntentSuggestion(new IntentRef(row.Intent.Id, row.Intent.Key, row.Intent.Names), row.PredictedConfidence);
    }
}
