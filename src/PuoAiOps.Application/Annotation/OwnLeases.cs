using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// An annotator holds at most one live lease per batch. Answering or skipping an item releases every
/// lease they had in the batch (a second browser tab's reservation included: its later submit still
/// works, it simply no longer blocks the slot), so the next item can be taken without looking first.
/// </summary>
internal static class OwnLeases
{
    public static Task<int> DropAsync(PuoDbContext db, long batchId, string userId, CancellationToken ct, long? keepItemId = null) =>
        db.Leases
            .Where(l => l.UserId == userId && l.ItemId != keepItemId && db.Items.Any(i => i.Id == l.ItemId && i.BatchId == batchId))
            .ExecuteDeleteAsync(ct);
}
