using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Changes;

// Merge and split: migrate every label reference, settle the scripts, deprecate what went away.
internal sealed partial class ChangeApplier
{
    private async Task<CodedMessage> MergeAsync(TaxonomyChange change, MergeIntentsPayload p, CancellationToken ct)
    {
        var intents = new Dictionary<int, Intent>();
        foreach (var id in p.SourceIds.Append(p.TargetId))
            intents[id] = await LoadAsync(change, id, p.ExpectedVersions?.GetValueOrDefault(id), ct);
        var deprecated = intents.Values.FirstOrDefault(i => i.Status == IntentStatus.Deprecated);
        if (deprecated is not null)
            throw new ConflictException(CodedMessage.Of(TaxonomyRefusal.DeprecatedSinceProposal, deprecated.Key, change.Id), [deprecated.Key]);

        var keys = intents.ToDictionary(i => i.Key, i => i.Value.Key);
        var scripts = await ScriptPlanner.PlanAsync(db, p.SourceIds, p.TargetId, keys, ct);
        await ScriptPlanner.ApplyAsync(db, scripts, p.TargetId, ct);
        var moved = await new ReferenceMigrator(db).MoveAllAsync(p.SourceIds, p.TargetId, ct);
        foreach (var id in p.SourceIds)
        {
            intents[id].Status = IntentStatus.Deprecated;
            intents[id].ReplacedById = p.TargetId;
            Touch(intents[id]);
        }
        await db.SaveChangesAsync(ct);
        return CodedMessage.Of(AuditDetail.IntentsMerged, moved, scripts.Count(s => s.Action == ScriptAction.Move), scripts.Count(s => s.Action == ScriptAction.Retire));
    }

    private async Task<CodedMessage> SplitAsync(TaxonomyChange change, SplitIntentPayload p, CancellationToken ct)
    {
        var source = await LoadAsync(change, p.SourceId, p.ExpectedVersion, ct);
        if (source.Status == IntentStatus.Deprecated)
            throw new ConflictException(CodedMessage.Of(TaxonomyRefusal.DeprecatedSinceProposal, source.Key, change.Id), [source.Key]);
        var domain = p.DomainKey is null
            ? await db.Domains.SingleAsync(d => d.Id == source.DomainId, ct)
            : await DomainAsync(p.DomainKey, null, ct);

        var created = new Dictionary<string, Intent>(StringComparer.Ordinal);
        foreach (var draft in p.NewIntents)
        {
            await EnsureKeyFreeAsync(draft.Key, ct);
            created[draft.Key] = NewIntent(draft, domain, IntentStatus.Active);
            db.Intents.Add(created[draft.Key]);
        }
        await db.SaveChangesAsync(ct);

        // Plan inside the transaction, so what moves is exactly what references the source now.
        var plan = await SplitPlan.BuildAsync(db, p, ct);
        var migrator = new ReferenceMigrator(db);
        var moved = ReferenceCounts.None;
        foreach (var (key, intent) in created.Where(c => c.Key != p.DefaultTarget))
        {
            moved += await migrator.MoveQuestionsAsync(source.Id, intent.Id, plan.Questions.Where(q => q.Value.Target == key).Select(q => q.Key).ToList(), ct);
            moved += await migrator.MoveConversationsAsync(source.Id, intent.Id,
                plan.Conversations.Where(c => c.Value == key).Select(c => c.Key).ToList(),
                plan.Turns.Where(t => t.Value == key).Select(t => t.Key).ToList(), ct);
        }
        var fallback = created[p.DefaultTarget];
        moved += await migrator.MoveAllAsync([source.Id], fallback.Id, ct);

        // Scripts answer "the rest": they follow the default target, which starts with no scripts of its own.
        var keys = new Dictionary<int, string> { [source.Id] = source.Key, [fallback.Id] = fallback.Key };
        var scripts = await ScriptPlanner.PlanAsync(db, [source.Id], fallback.Id, keys, ct);
        await ScriptPlanner.ApplyAsync(db, scripts, fallback.Id, ct);

        source.Status = IntentStatus.Deprecated;
        source.ReplacedById = fallback.Id;
        Touch(source);
        await db.SaveChangesAsync(ct);
        return CodedMessage.Of(AuditDetail.IntentSplit, string.Join(",", created.Values.Select(i => i.Id)), moved, scripts.Count);
    }
}
