using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>
/// Decides what happens to the reply scripts of intents that go away. A script moves to the new
/// intent when that intent has no script in the same locale and channel yet (sources in the order given win);
/// otherwise it is retired: kept on the deprecated intent (its history stays readable and nothing
/// is deleted), unpublished, and its draft/in-review/approved versions marked Retired. The new
/// intent's own script is never touched: it is the one reviewers already approved for that intent.
/// </summary>
internal static class ScriptPlanner
{
    public static async Task<List<ScriptImpact>> PlanAsync(PuoDbContext db, IReadOnlyList<int> sourceIds, int targetId,
        IReadOnlyDictionary<int, string> keys, CancellationToken ct)
    {
        var ids = sourceIds.Append(targetId).ToList();
        var scripts = await db.Scripts.AsNoTracking().Where(s => ids.Contains(s.IntentId))
            .Select(s => new { s.Id, s.IntentId, s.Locale, s.Channel, s.Title, s.PublishedVersionId }).ToListAsync(ct);
        var taken = scripts.Where(s => s.IntentId == targetId).ToDictionary(s => (s.Locale, s.Channel), s => s.Id);

        var plan = new List<ScriptImpact>();
        foreach (var sourceId in sourceIds)
            foreach (var s in scripts.Where(s => s.IntentId == sourceId).OrderBy(s => s.Locale, StringComparer.Ordinal).ThenBy(s => s.Channel, StringComparer.Ordinal))
            {
                var conflict = taken.TryGetValue((s.Locale, s.Channel), out var other) ? other : (long?)null;
                plan.Add(new ScriptImpact(s.Id, s.Locale, s.Title, s.PublishedVersionId is not null, keys[sourceId], keys[targetId],
                    conflict is null ? ScriptAction.Move : ScriptAction.Retire, conflict));
                if (conflict is null) taken[(s.Locale, s.Channel)] = s.Id;
            }
        return plan;
    }

    public static async Task ApplyAsync(PuoDbContext db, IReadOnlyList<ScriptImpact> plan, int targetId, CancellationToken ct)
    {
        if (plan.Count == 0) return;
        var ids = plan.Select(p => p.ScriptId).ToList();
        var scripts = await db.Scripts.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var retired = new List<long>();
        foreach (var step in plan)
        {
            var script = scripts[step.ScriptId];
            if (step.Action == ScriptAction.Move) script.IntentId = targetId;
            else
            {
                script.PublishedVersionId = null;
                retired.Add(script.Id);
            }
        }
        await db.SaveChangesAsync(ct);
        if (retired.Count > 0)
            await db.ScriptVersions
                .Where(v => retired.Contains(v.ScriptId) && (v.Status == ScriptVersionStatus.Draft || v.Status == ScriptVersionStatus.InReview || v.Status == ScriptVersionStatus.Approved))
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, ScriptVersionStatus.Retired), ct);
    }
}
