using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// Hands out items under short leases. An item may be held by at most
/// (LabelsPerItem − LabelCount) annotators at once, so nobody works on a slot another will fill.
/// Candidates are read without locks; each is then re-checked inside a write transaction that first
/// updates the item's row (bumping <see cref="AnnotationItem.Version"/>). On PostgreSQL that update
/// row-locks the item, and since every lease and label write on an item starts the same way, two
/// annotators racing for the last slot are serialised and the second one moves on to the next item.
/// On SQLite the write transaction is exclusive anyway.
/// </summary>
internal sealed class LeaseBroker(PuoDbContext db, TimeSpan leaseDuration)
{
    private const int CandidatesPerRound = 8;
    private const int MaxRounds = 10;

    /// <summary>The item this user already holds in the batch (still open, not yet answered), with its lease extended.</summary>
    public async Task<(long ItemId, DateTime ExpiresAt)?> HeldAsync(long batchId, string userId, DateTime now, CancellationToken ct)
    {
        var held = await (
            from l in db.Leases
            join i in db.Items on l.ItemId equals i.Id
            where l.UserId == userId && i.BatchId == batchId && l.ExpiresAt > now && i.Status == ItemStatus.Open
                  && !db.Labels.Any(x => x.ItemId == i.Id && x.UserId == userId)
                  && !db.Skips.Any(x => x.ItemId == i.Id && x.UserId == userId)
            orderby l.ExpiresAt descending
            select (long?)l.ItemId).FirstOrDefaultAsync(ct);
        if (held is not { } itemId) return null;

        var expires = now + leaseDuration;
        var extended = await db.Leases.Where(l => l.ItemId == itemId && l.UserId == userId && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expires), ct);
        return extended == 0 ? null : (itemId, expires);
    }

    /// <summary>
    /// Leases the first item in batch order this user may work on. Null when there is none;
    /// <c>Conflict</c> when every attempt lost a race (extreme contention; the caller may retry).
    /// </summary>
    public async Task<(long ItemId, DateTime ExpiresAt)?> AcquireAsync(BatchAccess batch, string userId, DateTime now, CancellationToken ct)
    {
        var max = batch.LabelsPerItem;
        for (var round = 0; round < MaxRounds; round++)
        {
            var candidates = await db.Items.AsNoTracking()
                .Where(i => i.BatchId == batch.BatchId && i.Status == ItemStatus.Open && i.LabelCount < max)
                .Where(i => !db.Labels.Any(l => l.ItemId == i.Id && l.UserId == userId))
                .Where(i => !db.Skips.Any(s => s.ItemId == i.Id && s.UserId == userId))
                .Where(i => i.LabelCount + db.Leases.Count(l => l.ItemId == i.Id && l.UserId != userId && l.ExpiresAt > now) < max)
                .OrderBy(i => i.Priority).ThenBy(i => i.Id)
                .Select(i => i.Id)
                .Take(CandidatesPerRound)
                .ToListAsync(ct);
            if (candidates.Count == 0) return null;
            foreach (var id in candidates)
                if (await TryLeaseAsync(batch.BatchId, id, max, userId, now, ct) is { } expires)
                    return (id, expires);
        }
        throw AnnotationException.Conflict("Many annotators are asking for items at the same moment; please try again.");
    }

    /// <summary>Leases one given item (after an undo) if it still has room for this user.</summary>
    public Task<DateTime?> TryLeaseItemAsync(BatchAccess batch, long itemId, string userId, DateTime now, CancellationToken ct) =>
        TryLeaseAsync(batch.BatchId, itemId, batch.LabelsPerItem, userId, now, ct);

    private Task<DateTime?> TryLeaseAsync(long batchId, long itemId, int max, string userId, DateTime now, CancellationToken ct) =>
        WriteRetry.InTransactionAsync<DateTime?>(db, async token =>
        {
            // Touch the item first: on PostgreSQL that row-locks it until commit, and every other lease
            // or label on this item touches it first too, so the capacity check below cannot go stale.
            var version = Guid.NewGuid();
            var open = await db.Items
                .Where(i => i.Id == itemId && i.Status == ItemStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, version), token);
            if (open == 0) return null;
            var hasRoom = await db.Items
                .Where(i => i.Id == itemId
                            && i.LabelCount + db.Leases.Count(l => l.ItemId == i.Id && l.UserId != userId && l.ExpiresAt > now) < max
                            && !db.Labels.Any(l => l.ItemId == i.Id && l.UserId == userId)
                            && !db.Skips.Any(x => x.ItemId == i.Id && x.UserId == userId))
                .AnyAsync(token);
            if (!hasRoom) return null;

            // One live lease per user and batch: whatever this user held here before is stale now.
            await db.Leases
                .Where(l => l.UserId == userId && (l.ItemId == itemId || db.Items.Any(i => i.Id == l.ItemId && i.BatchId == batchId)))
                .ExecuteDeleteAsync(token);
            var expires = now + leaseDuration;
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"Leases\" (\"ItemId\", \"UserId\", \"ExpiresAt\") VALUES ({itemId}, {userId}, {expires})", token);
            return (DateTime?)expires;
        }, ct);
}
