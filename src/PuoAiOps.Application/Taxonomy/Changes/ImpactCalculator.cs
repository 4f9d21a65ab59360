using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>What approving a proposal would touch: counts per table, scripts per locale with conflicts, sample questions.</summary>
internal sealed class ImpactCalculator(PuoDbContext db)
{
    private const int SamplesPerGroup = 5;

    public async Task<TaxonomyImpact> ForAsync(ChangePayload payload, CancellationToken ct) => payload switch
    {
        MergeIntentsPayload p => await MergeAsync(p, ct),
        SplitIntentPayload p => await SplitAsync(p, ct),
        DeprecateIntentPayload p => await InPlaceAsync(TaxonomyChangeKind.Deprecate, p.IntentId,
            ImpactNote.DeprecateMovesNothing, ct),
        RenameIntentPayload p => await InPlaceAsync(TaxonomyChangeKind.Rename, p.IntentId, ImpactNote.RenameMovesNothing, ct),
        EditIntentPayload p => await InPlaceAsync(TaxonomyChangeKind.Edit, p.IntentId, ImpactNote.EditMovesNothing, ct),
        AddIntentPayload p => new TaxonomyImpact(TaxonomyChangeKind.Add, [], [p.Intent.Key], ReferenceCounts.None, [], [], [], [CodedMessage.Of(ImpactNote.NewIntent)]),
        _ => throw new ArgumentOutOfRangeException(nameof(payload), payload.GetType().Name, null),
    };

    private async Task<TaxonomyImpact> MergeAsync(MergeIntentsPayload p, CancellationToken ct)
    {
        var keys = await KeysAsync(p.SourceIds.Append(p.TargetId), ct);
        var groups = new List<ImpactGroup>();
        var samples = new List<ImpactSample>();
        foreach (var id in p.SourceIds)
        {
            groups.Add(new ImpactGroup(keys[id], await CountAsync(id, ct)));
            var questions = await db.Questions.AsNoTracking().Where(q => q.FinalIntentId == id).OrderBy(q => q.Id)
                .Take(SamplesPerGroup).Select(q => new { q.Id, q.Text }).ToListAsync(ct);
            samples.AddRange(questions.Select(q => new ImpactSample(q.Id, q.Text, keys[id], keys[p.TargetId], "Merge")));
        }
        var scripts = await ScriptPlanner.PlanAsync(db, p.SourceIds, p.TargetId, keys, ct);
        var notes = scripts.Where(s => s.Action == ScriptAction.Retire)
            .Select(s => CodedMessage.Of(ImpactNote.ScriptRetired, s.ScriptId, s.Locale, s.FromIntentKey, s.ConflictsWithScriptId ?? 0, s.ToIntentKey))
            .ToList();
        return new TaxonomyImpact(TaxonomyChangeKind.Merge, p.SourceIds.Select(id => keys[id]).ToList(), [keys[p.TargetId]],
            groups.Aggregate(ReferenceCounts.None, (a, g) => a + g.Counts), groups, scripts, samples, notes);
    }

    private async Task<TaxonomyImpact> SplitAsync(SplitIntentPayload p, CancellationToken ct)
    {
        var keys = await KeysAsync([p.SourceId], ct);
        var plan = await SplitPlan.BuildAsync(db, p, ct);
        var counts = plan.CountsByTarget();
        var groups = p.NewIntents.Select(n => new ImpactGroup(n.Key, counts.GetValueOrDefault(n.Key, ReferenceCounts.None))).ToList();
        var samples = p.NewIntents.SelectMany(n => plan.Questions
                .Where(q => q.Value.Target == n.Key && plan.QuestionTexts.ContainsKey(q.Key))
                .OrderBy(q => q.Key).Take(SamplesPerGroup)
                .Select(q => new ImpactSample(q.Key, plan.QuestionTexts[q.Key], keys[p.SourceId], n.Key, q.Value.Reason.ToString())))
            .ToList();

        // The default target does not exist yet; the plan only needs the source's scripts and a label for them.
        var scriptKeys = new Dictionary<int, string>(keys) { [0] = p.DefaultTarget };
        var scripts = await ScriptPlanner.PlanAsync(db, [p.SourceId], 0, scriptKeys, ct);
        var notes = new List<CodedMessage>();
        var unmatched = p.QuestionTargets.Keys.Count(id => !plan.Questions.ContainsKey(id));
        if (unmatched > 0) notes.Add(CodedMessage.Of(ImpactNote.MappedQuestionsIgnored, unmatched, keys[p.SourceId]));
        var emptyTargets = groups.Where(g => g.Counts.Total == 0).Select(g => g.IntentKey).ToList();
        if (emptyTargets.Count > 0 && plan.Questions.Count > 0) notes.Add(CodedMessage.Of(ImpactNote.TargetsWithoutLabels, string.Join(", ", emptyTargets)));
        return new TaxonomyImpact(TaxonomyChangeKind.Split, [keys[p.SourceId]], p.NewIntents.Select(n => n.Key).ToList(),
            groups.Aggregate(ReferenceCounts.None, (a, g) => a + g.Counts), groups, scripts, samples, notes);
    }

    private async Task<TaxonomyImpact> InPlaceAsync(TaxonomyChangeKind kind, int intentId, ImpactNote note, CancellationToken ct)
    {
        var keys = await KeysAsync([intentId], ct);
        var counts = await CountAsync(intentId, ct);
        return new TaxonomyImpact(kind, [keys[intentId]], [], counts, [new ImpactGroup(keys[intentId], counts)], [], [], [CodedMessage.Of(note)]);
    }

    private Task<ReferenceCounts> CountAsync(int id, CancellationToken ct) => ReferenceCounter.CountAsync(db, id, ct);

    private async Task<Dictionary<int, string>> KeysAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var found = await db.Intents.AsNoTracking().Where(i => list.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Key, ct);
        var missing = list.Where(id => !found.ContainsKey(id)).ToList();
        if (missing.Count > 0) throw new Common.NotFoundException($"Intent {missing[0]} does not exist.");
        return found;
    }
}
