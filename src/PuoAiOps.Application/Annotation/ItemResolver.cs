using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>What one label chose: an intent or out-of-scope.</summary>
internal readonly record struct LabelChoice(int? IntentId, bool OutOfScope);

/// <summary>
/// Settles an item once it has all its labels: unanimous → Complete, and the question gets its
/// final label (source "consensus"); split → NeedsAdjudication. Gold items only ever become
/// Complete: their answer is already known, they exist to score annotators, and their question's
/// final label is never overwritten by the annotators being scored.
/// Runs inside the submitting transaction, after the item row was updated (and so locked).
/// </summary>
internal static class ItemResolver
{
    public static async Task<ItemStatus> ResolveAsync(PuoDbContext db, ItemContext item, IReadOnlyList<LabelChoice> labels, CancellationToken ct)
    {
        var agreed = labels.Select(l => LabelValue.Key(l.IntentId, l.OutOfScope)).Distinct().Count() == 1;
        var status = item.IsGold || agreed ? ItemStatus.Complete : ItemStatus.NeedsAdjudication;

        // Plain SQL: this runs inside the write lock for every item that fills up.
        var version = Guid.NewGuid();
        var newStatus = status.ToString();
        var open = nameof(ItemStatus.Open);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "Items" SET "Status" = {newStatus}, "Version" = {version} WHERE "Id" = {item.ItemId} AND "Status" = {open}
            """, ct);

        if (agreed && !item.IsGold)
        {
            var final = labels[0];
            int? intentId = final.OutOfScope ? null : final.IntentId;
            var source = FinalLabelSources.Consensus;
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "Questions" SET "FinalIntentId" = {intentId}, "FinalOutOfScope" = {final.OutOfScope}, "FinalLabelSource" = {source}
                WHERE "Id" = {item.QuestionId}
                """, ct);
        }
        return status;
    }
}
