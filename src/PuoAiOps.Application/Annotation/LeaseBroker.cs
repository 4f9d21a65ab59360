using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Annotation;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// Hands out items under short leases. An item may be held by at most
/// (LabelsPerItem − LabelCount) annotators at once, so nobody works on a slot another will fill.
/// Candidates are read without locks; each is then taken with an insert-if-room statement inside a
/// write transaction. On PostgreSQL the transaction first row-locks the item, and since every lease
/// and label write on an item takes that lock, two annotators racing for the last slot are serialised
/// and the second one moves on to the next item. On SQLite the single writer makes it atomic anyway.
/// After a submit, the lease is taken inside the submit's own transaction (see <see cref="TakeFirstInTransactionAsync"/>).
/// </summary>
internal sealed class LeaseBroker(PuoDbContext db, TimeSpan leaseDuration)
{
    private const int CandidatesPerRound = 8;
    private const int MaxRounds = 10;

    /// <summary>
    /// The item this user already holds in the batch (open, not yet answered), its lease extended;
    /// otherwise the first item in batch order they may take. Null when nothing is left for them.
    /// </summary>
    public async Task<LeasedItem?> NextAsync(BatchAccess batch, string userId, DateTime now, bool holdsNoLease, CancellationToken ct)
    {
        if (holdsNoLease) return await AcquireAsync(batch, userId, now, dropOwnLeases: false, ct);
        var mine = await (
            from l in db.Leases
            join i in db.Items on l.ItemId equals i.Id
            where l.UserId == userId && i.BatchId == batch.BatchId
            select new
            {
                l.ItemId, l.ExpiresAt,
                Usable = i.Status == ItemStatus.Open
                         && !db.Labels.Any(x => x.ItemId == i.Id && x.UserId == userId)
                         && !db.Skips.Any(x => x.ItemId == i.Id && x.UserId == userId),
            }).ToListAsync(ct);
        if (mine.Where(l => l.Usable && l.ExpiresAt > now).MaxBy(l => l.ExpiresAt) is { } held)
        {
            var expires = now + leaseDuration;
            var extended = await db.Leases.Where(l => l.ItemId == held.ItemId && l.UserId == userId && l.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expires), ct);
            var view = extended == 0 ? null : await ItemView.Of(db, db.Items.Where(i => i.Id == held.ItemId)).FirstOrDefaultAsync(ct);
            if (view is not null) return new LeasedItem(view, expires);
        }
        return await AcquireAsync(batch, userId, now, dropOwnLeases: mine.Count > 0, ct);
    }

    /// <summary>Leases one given item (after an undo) if it still has room for this user.</summary>
    public async Task<LeasedItem?> TryLeaseItemAsync(BatchAccess batch, long itemId, string userId, DateTime now, CancellationToken ct)
    {
        if (await TryLeaseAsync(batch.BatchId, itemId, batch.LabelsPerItem, userId, now, dropOwnLeases: true, ct) is not { } expires)
            return null;
        var view = await ItemView.Of(db, db.Items.Where(i => i.Id == itemId)).FirstOrDefaultAsync(ct);
        return view is null ? null : new LeasedItem(view, expires);
    }

    /// <summary>Conflict when every attempt lost a race (extreme contention; the caller may simply retry).</summary>
    public async Task<LeasedItem?> AcquireAsync(BatchAccess batch, string userId, DateTime now, bool dropOwnLeases, CancellationToken ct)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var candidates = await CandidatesAsync(batch, userId, now, excludeItemId: null, ct);
            if (candidates.Count == 0) return null;
            if (await TakeAnyAsync(batch, candidates, userId, now, dropOwnLeases, ct) is { } leased) return leased;
            dropOwnLeases = false; // done, or rolled back with attempts that added no lease of ours
        }
        throw AnnotationException.Conflict(AnnotationRefusal.Busy);
    }

    /// <summary>
    /// SQLite: all candidates of a round in one write transaction. Every transaction waits for the single
    /// writer, and the others take items meanwhile, so one transaction per attempt would fall further behind
    /// the crowd with each try. PostgreSQL: one transaction per attempt, each holding one blocking row lock.
    /// </summary>
    private async Task<LeasedItem?> TakeAnyAsync(BatchAccess batch, IReadOnlyList<ItemView> candidates, string userId, DateTime now,
        bool dropOwnLeases, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
            return await WriteRetry.InTransactionAsync(db, async token =>
            {
                // A lease of ours on a candidate is renewed by the insert below, so nothing needs keeping.
                if (dropOwnLeases) await OwnLeases.DropAsync(db, batch.BatchId, userId, token);
                return await TakeFirstInTransactionAsync(candidates, batch.LabelsPerItem, userId, now, token);
            }, ct);
        foreach (var candidate in candidates)
        {
            if (await TryLeaseAsync(batch.BatchId, candidate.ItemId, batch.LabelsPerItem, userId, now, dropOwnLeases, ct) is { } expires)
                return new LeasedItem(candidate, expires);
            dropOwnLeases = false; // a failed attempt rolled back, but nothing else added a lease of ours
        }
        return null;
    }

    /// <summary>
    /// A few items this user may take, read without locks, in the order to try them. Everyone tries the
    /// head first (batch order is kept when nobody competes); after that each annotator continues from a
    /// different point of the window, so a crowd that lost the head does not race again for the second item.
    /// </summary>
    /// <param name="excludeItemId">The item being answered in the same transaction the lease will be taken in.</param>
    public async Task<IReadOnlyList<ItemView>> CandidatesAsync(BatchAccess batch, string userId, DateTime now, long? excludeItemId,
        CancellationToken ct)
    {
        var candidates = new List<ItemView>(CandidatesPerRound);
        await foreach (var view in CandidateQuery.Run(db, batch.BatchId, batch.LabelsPerItem, userId, now, excludeItemId ?? 0, CandidatesPerRound)
                           .WithCancellation(ct))
            candidates.Add(view);
        // The page data of the few candidates comes along, so the winner needs no second read.
        candidates.Sort((x, y) => x.Priority != y.Priority ? x.Priority.CompareTo(y.Priority) : x.ItemId.CompareTo(y.ItemId));
        if (candidates.Count <= 2) return candidates;
        var rest = candidates.Skip(1).ToList();
        var offset = (int)((ulong)StableRandom.Salt(userId) % (ulong)rest.Count);
        return [candidates[0], .. rest.Skip(offset), .. rest.Take(offset)];
    }

    /// <summary>
    /// Inside the caller's write transaction: leases the first candidate that still has room, one
    /// insert-if-room statement per try. Null when every candidate was taken meanwhile. On PostgreSQL the
    /// transaction already holds the answered item's row lock, so candidates locked by others are passed
    /// over (SKIP LOCKED) rather than waited for: waiting while holding a lock could deadlock two
    /// annotators who each want the item the other is answering.
    /// </summary>
    public async Task<LeasedItem?> TakeFirstInTransactionAsync(IReadOnlyList<ItemView> candidates, int max, string userId,
        DateTime now, CancellationToken ct)
    {
        foreach (var candidate in candidates)
        {
            if (!db.Database.IsSqlite())
            {
                var locked = await db.Database.SqlQuery<int>(
                    $"""SELECT 1 AS "Value" FROM "Items" WHERE "Id" = {candidate.ItemId} FOR UPDATE SKIP LOCKED""").ToListAsync(ct);
                if (locked.Count == 0) continue;
            }
            if (await InsertIfRoomAsync(candidate.ItemId, max, userId, now, ct) is { } expires)
                return new LeasedItem(candidate, expires);
        }
        return null;
    }

    private Task<DateTime?> TryLeaseAsync(long batchId, long itemId, int max, string userId, DateTime now, bool dropOwnLeases, CancellationToken ct) =>
        WriteRetry.InTransactionAsync<DateTime?>(db, async token =>
        {
            // PostgreSQL: lock the item row first. Every label and lease write on an item takes this
            // lock (label writes by updating the row), so the capacity check below sees all of them.
            // SQLite runs one writer at a time: the check and the insert are already atomic there.
            if (!db.Database.IsSqlite())
                await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Items" WHERE "Id" = {itemId} FOR UPDATE""", token);
            if (dropOwnLeases) await OwnLeases.DropAsync(db, batchId, userId, token, keepItemId: itemId);
            return await InsertIfRoomAsync(itemId, max, userId, now, token);
        }, ct);

    /// <summary>Insert-if-room in one statement; a lease this user already had on the item is renewed. Needs the item's lock on PostgreSQL.</summary>
    private async Task<DateTime?> InsertIfRoomAsync(long itemId, int max, string userId, DateTime now, CancellationToken ct)
    {
        var expires = now + leaseDuration;
        var open = nameof(ItemStatus.Open);
        var leased = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Leases" ("ItemId", "UserId", "ExpiresAt")
            SELECT {itemId}, {userId}, {expires}
            WHERE EXISTS (
                SELECT 1 FROM "Items" AS i
                WHERE i."Id" = {itemId} AND i."Status" = {open}
                  AND i."LabelCount" + (SELECT COUNT(*) FROM "Leases" AS l
                                        WHERE l."ItemId" = i."Id" AND l."UserId" <> {userId} AND l."ExpiresAt" > {now}) < {max}
                  AND NOT EXISTS (SELECT 1 FROM "Labels" AS x WHERE x."ItemId" = i."Id" AND x."UserId" = {userId})
                  AND NOT EXISTS (SELECT 1 FROM "Skips" AS k WHERE k."ItemId" = i."Id" AND k."UserId" = {userId}))
            ON CONFLICT ("ItemId", "UserId") DO UPDATE SET "ExpiresAt" = excluded."ExpiresAt"
            """, ct);
        return leased > 0 ? expires : null;
    }
}
