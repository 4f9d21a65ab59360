using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// Stores one label in one short transaction. The count goes up with a conditional UPDATE
/// (<c>LabelCount = LabelCount + 1 WHERE LabelCount &lt; max AND Status = Open</c>), never read-modify-write,
/// so concurrent submits can neither lose an increment nor push an item past its label count; the
/// unique (ItemId, UserId) index keeps one label per person even when the same person races themself.
/// </summary>
internal static class LabelWriter
{
    public static Task<(long LabelId, ItemStatus Status)> WriteAsync(PuoDbContext db, ItemContext item, string userId, LabelInput label,
        DateTime now, CancellationToken ct) =>
        WriteRetry.InTransactionAsync(db, token => WriteInTransactionAsync(db, item, userId, label, now, token), ct);

    /// <summary>The same inside the caller's write transaction, which must roll back when this throws.</summary>
    public static async Task<(long LabelId, ItemStatus Status)> WriteInTransactionAsync(PuoDbContext db, ItemContext item, string userId,
        LabelInput label, DateTime now, CancellationToken token)
    {
        var version = Guid.NewGuid();
        var counted = await db.Items
            .Where(i => i.Id == item.ItemId && i.Status == ItemStatus.Open && i.LabelCount < item.LabelsPerItem)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LabelCount, i => i.LabelCount + 1).SetProperty(i => i.Version, version), token);
        if (counted == 0)
            throw AnnotationException.Conflict("This item already has all the labels it needs; your answer was not stored. Take the next item.");

        var row = new AnnotationLabel
        {
            ItemId = item.ItemId,
            QuestionId = item.QuestionId,
            UserId = userId,
            IntentId = label.OutOfScope ? null : label.IntentId,
            OutOfScope = label.OutOfScope,
            Unclear = label.Unclear,
            MultipleIntents = label.MultipleIntents,
            Note = string.IsNullOrWhiteSpace(label.Note) ? null : label.Note.Trim(),
            DurationMs = label.DurationMs,
            CreatedAt = now,
        };
        db.Labels.Add(row);
        try
        {
            await db.SaveChangesAsync(token);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw AnnotationException.Conflict("You have already labeled this item.");
        }
        db.ChangeTracker.Clear();

        await OwnLeases.DropAsync(db, item.BatchId, userId, token);
        // Label rows and LabelCount change together in every transaction, so the rows tell the count.
        var labels = await db.Labels.AsNoTracking().Where(l => l.ItemId == item.ItemId)
            .Select(l => new LabelChoice(l.IntentId, l.OutOfScope)).ToListAsync(token);
        var status = labels.Count >= item.LabelsPerItem ? await ItemResolver.ResolveAsync(db, item, labels, token) : ItemStatus.Open;
        return (row.Id, status);
    }
}
