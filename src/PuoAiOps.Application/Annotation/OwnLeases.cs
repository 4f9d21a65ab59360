using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// An annotator holds at most one live lease per batch. Answering or skipping an item releases every
/// lease they had in the batch (a second browser tab's reservation included: its later submit still
/// works, it simply no longer blocks the slot), so the next item can be taken without looking first.
/// Plain SQL because it runs inside the write lock on every submit.
/// </summary>
internal static class OwnLeases
{
    public static Task<int> DropAsync(PuoDbContext db, long batchId, string userId, CancellationToken ct, long? keepItemId = null)
    {
        var keep = keepItemId ?? 0; // identity keys start at 1
        return db.Database.ExecuteSqlAsync($"""
            DELETE FROM "Leases"
            WHERE "UserId" = {userId} AND "ItemId" <> {keep}
              AND EXISTS (SELECT 1 FROM "Items" AS i WHERE i."Id" = "Leases"."ItemId" AND i."BatchId" = {batchId})
            """, ct);
    }
}
