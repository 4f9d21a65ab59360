using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>Counts the rows that point at one intent, table by table (the intent page and the impact preview).</summary>
internal static class ReferenceCounter
{
    public static async Task<ReferenceCounts> CountAsync(PuoDbContext db, int intentId, CancellationToken ct)
    {
        int? id = intentId;
        return new ReferenceCounts(
            Labels: await db.Labels.CountAsync(l => l.IntentId == id, ct),
            FinalLabels: await db.Questions.CountAsync(q => q.FinalIntentId == id, ct),
            Predictions: await db.Questions.CountAsync(q => q.PredictedIntentId == id, ct),
            GoldItems: await db.Items.CountAsync(x => x.GoldIntentId == id, ct),
            Adjudications: await db.Adjudications.CountAsync(a => a.IntentId == id, ct),
            Conversations: await db.Conversations.CountAsync(c => c.IntentId == id, ct),
            Turns: await db.Turns.CountAsync(t => t.IntentId == id, ct));
    }
}
