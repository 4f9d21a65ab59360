using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// Stores one label in one short transaction. The count goes up with a conditional UPDATE
/// (<c>LabelCount = LabelCount + 1 WHERE LabelCount &lt; max AND Status = Open</c>), never read-modify-write,
/// so concurrent submits can neither lose an increment nor push an item past its label count, and slots other
/// annotators hold live leases on are not free (a label needs a lease, or a slot nobody else reserved); the
/// unique (ItemId, UserId) index keeps one label per person even when the same person races themself.
/// The statements are plain SQL (RETURNING on both providers): this runs inside the write lock on every
/// submit, and the change tracker and LINQ translation cost more there than the statements themselves.
/// </summary>
internal static class LabelWriter
{
    public static Task<(long LabelId, ItemStatus Status)> WriteAsync(PuoDbContext db, ItemContext item, string userId, LabelInput label,
        DateTime now, CancellationToken ct) =>
        WriteRetry.InTransactionAsync(db, token => WriteInTransactionAsync(db, item, userId, label, now, token), ct);

    /// <summary>The same inside the caller's write transaction, which must roll back when this throws.</summary>
    public static async Task<(long LabelId, ItemStatus Status)> WriteInTransactionAsync(PuoDbContext db, ItemContext item, string userId,
        LabelInput label, DateTime now, CancellationToken ct)
    {
        var version = Guid.NewGuid();
        var open = nameof(ItemStatus.Open);
        // PostgreSQL: lock the item row in a statement of its own, so the UPDATE below starts after every lease
        // write on the item has committed and its lease count sees them (one statement reads one snapshot).
        if (!db.Database.IsSqlite())
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Items" WHERE "Id" = {item.ItemId} FOR UPDATE""", ct);
        // Room for this label = slots not filled and not reserved by someone else's live lease: a label may not
        // take the slot another annotator holds, or that annotator's submit would fail on an item leased to them.
        var counted = await db.Database.SqlQuery<int>($"""
            UPDATE "Items" SET "LabelCount" = "LabelCount" + 1, "Version" = {version}
            WHERE "Id" = {item.ItemId} AND "Status" = {open}
              AND "LabelCount" + (SELECT COUNT(*) FROM "Leases" AS l
                                  WHERE l."ItemId" = {item.ItemId} AND l."UserId" <> {userId} AND l."ExpiresAt" > {now}) < {item.LabelsPerItem}
            RETURNING "LabelCount" AS "Value"
            """).ToListAsync(ct);
        if (counted.Count == 0) throw await NoRoomAsync(db, item, ct);

        var labelId = await InsertAsync(db, item, userId, label, now, ct);
        await OwnLeases.DropAsync(db, item.BatchId, userId, ct);
        // Label rows and LabelCount change together in every transaction, so the count tells when the item is full.
        if (counted[0] < item.LabelsPerItem) return (labelId, ItemStatus.Open);
        var labels = new List<LabelChoice>(item.LabelsPerItem);
        await foreach (var choice in LabelsOf.For(db)(db, item.ItemId).WithCancellation(ct)) labels.Add(choice);
        return (labelId, await ItemResolver.ResolveAsync(db, item, labels, ct));
    }

    /// <summary>Why the conditional update found no room: the item is full, or its free slots are leased to others.</summary>
    private static async Task<AnnotationException> NoRoomAsync(PuoDbContext db, ItemContext item, CancellationToken ct)
    {
        var state = await db.Items.AsNoTracking().Where(i => i.Id == item.ItemId)
            .Select(i => new { i.Status, i.LabelCount }).FirstAsync(ct);
        return state.Status != ItemStatus.Open || state.LabelCount >= item.LabelsPerItem
            ? AnnotationException.Conflict(AnnotationRefusal.ItemFull)
            : AnnotationException.Conflict(AnnotationRefusal.ItemReserved);
    }

    // Compiled once: it runs inside the write lock for every item that fills up.
    private static readonly PerModel<Func<PuoDbContext, long, IAsyncEnumerable<LabelChoice>>> LabelsOf = new(() =>
        EF.CompileAsyncQuery((PuoDbContext db, long itemId) =>
            db.Labels.AsNoTracking().Where(l => l.ItemId == itemId).Select(l => new LabelChoice(l.IntentId, l.OutOfScope))));

    private static async Task<long> InsertAsync(PuoDbContext db, ItemContext item, string userId, LabelInput label, DateTime now,
        CancellationToken ct)
    {
        int? intentId = label.OutOfScope ? null : label.IntentId;
        var note = string.IsNullOrWhiteSpace(label.Note) ? null : label.Note.Trim();
        try
        {
            var ids = await db.Database.SqlQuery<long>($"""
                INSERT INTO "Labels" ("ItemId", "QuestionId", "UserId", "IntentId", "OutOfScope", "Unclear", "MultipleIntents", "Note", "DurationMs", "CreatedAt")
                VALUES ({item.ItemId}, {item.QuestionId}, {userId}, {intentId}, {label.OutOfScope}, {label.Unclear}, {label.MultipleIntents},
                        {note}, {label.DurationMs}, {now})
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
            return ids[0];
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw AnnotationException.Conflict(AnnotationRefusal.AlreadyLabeled);
        }
    }
}
