using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Demo.Storage;

/// <summary>
/// Deletes every demo record, top-level rows by their IsDemo flag and child rows through the
/// schema's cascades. Rows outside the demo that merely point at demo rows are kept: foreign keys
/// declared SET NULL clear themselves, and the few references without a foreign key are cleared here.
/// </summary>
internal static class DemoRemover
{
    public static async Task<DemoRemoveResult> RemoveAsync(PuoDbContext db, CancellationToken ct)
    {
        await ThrowIfBlockedAsync(db, ct);

        var demoIntents = db.Intents.Where(i => i.IsDemo).Select(i => (int?)i.Id);
        var demoVersions = db.ScriptVersions.Where(v => db.Scripts.Any(s => s.Id == v.ScriptId && s.IsDemo)).Select(v => (long?)v.Id);
        var outsideTurns = db.Turns.Where(t => db.Conversations.Any(c => c.Id == t.ConversationId && !c.IsDemo));
        await outsideTurns.Where(t => demoIntents.Contains(t.IntentId)).ExecuteUpdateAsync(s => s.SetProperty(t => t.IntentId, (int?)null), ct);
        await outsideTurns.Where(t => demoVersions.Contains(t.ScriptVersionId)).ExecuteUpdateAsync(s => s.SetProperty(t => t.ScriptVersionId, (long?)null), ct);

        await db.AgentReplies.Where(r => r.IsDemo).ExecuteDeleteAsync(ct);
        var batches = await db.Batches.Where(b => b.IsDemo).ExecuteDeleteAsync(ct);
        var conversations = await db.Conversations.Where(c => c.IsDemo).ExecuteDeleteAsync(ct);
        var questions = await db.Questions.Where(q => q.IsDemo).ExecuteDeleteAsync(ct);
        var scripts = await db.Scripts.Where(s => s.IsDemo).ExecuteDeleteAsync(ct);
        var documents = await db.Documents.Where(d => d.IsDemo).ExecuteDeleteAsync(ct);
        await db.RetrievalSuites.Where(s => s.IsDemo).ExecuteDeleteAsync(ct);
        var models = await db.ModelVersions.Where(m => m.IsDemo).ExecuteDeleteAsync(ct);
        var intents = await db.Intents.Where(i => i.IsDemo).ExecuteDeleteAsync(ct);
        var domains = await db.Domains.Where(d => d.IsDemo).ExecuteDeleteAsync(ct);
        // What the demo's own people did while it was seeded (trained, promoted...) is demo history,
        // and would otherwise name versions that no longer exist. Real users' entries stay.
        await db.AuditLog.Where(a => db.Users.Any(u => u.IsDemo && u.Id == a.ActorId)).ExecuteDeleteAsync(ct);
        var users = await db.Users.Where(u => u.IsDemo).ExecuteDeleteAsync(ct);
        // Rollups are derived and an incremental build cannot see deletions: drop them and rebuild from scratch next time.
        await db.MetricRollups.ExecuteDeleteAsync(ct);
        await db.MetricUserDays.ExecuteDeleteAsync(ct);
        await db.MetricReuseCounts.ExecuteDeleteAsync(ct);
        await db.Settings.Where(s => s.Key == Metrics.RollupBuilder.WatermarkKey).ExecuteDeleteAsync(ct);
        return new DemoRemoveResult(domains, intents, documents, scripts, questions, conversations, batches, users, models, TimeSpan.Zero);
    }

    /// <summary>
    /// Work done outside the demo on demo intents (labels, gold answers, rulings, scripts, intents in a
    /// demo domain) would lose its meaning or violate a foreign key, so removal stops and says why.
    /// </summary>
    private static async Task ThrowIfBlockedAsync(PuoDbContext db, CancellationToken ct)
    {
        var demoIntents = db.Intents.Where(i => i.IsDemo).Select(i => (int?)i.Id);
        var outsideItems = db.Items.Where(i =>
            !db.Batches.Any(b => b.Id == i.BatchId && b.IsDemo) && !db.Questions.Any(q => q.Id == i.QuestionId && q.IsDemo));

        var blockers = new List<string>();
        var labels = await db.Labels.CountAsync(l => demoIntents.Contains(l.IntentId) && outsideItems.Any(i => i.Id == l.ItemId), ct);
        if (labels > 0) blockers.Add($"{labels} annotation label(s)");
        var gold = await outsideItems.CountAsync(i => demoIntents.Contains(i.GoldIntentId), ct);
        if (gold > 0) blockers.Add($"{gold} gold item(s)");
        var rulings = await db.Adjudications.CountAsync(a => demoIntents.Contains(a.IntentId) && outsideItems.Any(i => i.Id == a.ItemId), ct);
        if (rulings > 0) blockers.Add($"{rulings} adjudication(s)");
        var scripts = await db.Scripts.CountAsync(s => !s.IsDemo && demoIntents.Contains(s.IntentId), ct);
        if (scripts > 0) blockers.Add($"{scripts} reply script(s)");
        var intents = await db.Intents.CountAsync(i => !i.IsDemo && db.Domains.Any(d => d.Id == i.DomainId && d.IsDemo), ct);
        if (intents > 0) blockers.Add($"{intents} intent(s) in demo domains");

        if (blockers.Count > 0)
            throw new DemoRemovalBlockedException(
                $"The demo workspace cannot be removed: {string.Join(", ", blockers)} created outside the demo use demo intents or domains. " +
                "Move them to non-demo intents first (or delete them); nothing was removed.");
    }
}
