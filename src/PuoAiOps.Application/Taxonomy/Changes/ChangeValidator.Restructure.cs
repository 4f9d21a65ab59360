using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Changes;

// Merge and split: the proposals that move labels between intents.
internal sealed partial class ChangeValidator
{
    private async Task<ValidatedChange> MergeAsync(MergeIntentsPayload p, CancellationToken ct)
    {
        var errors = new ErrorBag();
        if (p.SourceIds.Count == 0) errors.Add("sourceIds", TaxonomyRefusal.MergeWithoutSources);
        if (p.SourceIds.Distinct().Count() != p.SourceIds.Count) errors.Add("sourceIds", TaxonomyRefusal.MergeSourceTwice);
        if (p.SourceIds.Contains(p.TargetId)) errors.Add("sourceIds", TaxonomyRefusal.MergeTargetIsSource);
        errors.ThrowIfAny();

        var ids = p.SourceIds.Append(p.TargetId).ToList();
        var intents = await db.Intents.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        foreach (var id in ids)
        {
            var field = id == p.TargetId ? "targetId" : "sourceIds";
            if (!intents.TryGetValue(id, out var intent)) errors.Add(field, TaxonomyRefusal.IntentMissing, id);
            else if (intent.Status == IntentStatus.Deprecated) errors.Add(field, TaxonomyRefusal.IntentDeprecated, intent.Key);
        }
        errors.ThrowIfAny();

        var versions = new Dictionary<int, Guid>();
        foreach (var id in ids)
            versions[id] = Capture(intents[id], p.ExpectedVersions is not null && p.ExpectedVersions.TryGetValue(id, out var v) ? v : null);
        var sources = string.Join(", ", p.SourceIds.Select(id => intents[id].Key));
        return new(TaxonomyChangeKind.Merge, p with { ExpectedVersions = versions }, ChangeSummaries.Of(ChangeSummary.Merge, sources, intents[p.TargetId].Key));
    }

    private async Task<ValidatedChange> SplitAsync(SplitIntentPayload p, CancellationToken ct)
    {
        var source = await IntentAsync(p.SourceId, "sourceId", ct);
        var errors = new ErrorBag();
        if (source.Status == IntentStatus.Deprecated) errors.Add("sourceId", TaxonomyRefusal.IntentDeprecated, source.Key);
        if (p.NewIntents.Count < 2) errors.Add("newIntents", TaxonomyRefusal.SplitTooFew);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.NewIntents.Count; i++)
        {
            var draft = p.NewIntents[i];
            DraftRules.CheckDraft(draft, $"newIntents[{i}].", errors);
            if (!keys.Add(draft.Key)) errors.Add($"newIntents[{i}].key", TaxonomyRefusal.SplitKeyTwice, draft.Key);
            else if (Core.Taxonomy.TaxonomyKeys.IsSnakeCase(draft.Key)) await CheckKeyFreeAsync(draft.Key, $"newIntents[{i}].key", errors, ct);
        }
        if (!keys.Contains(p.DefaultTarget)) errors.Add("defaultTarget", TaxonomyRefusal.SplitDefaultTarget);
        foreach (var (questionId, target) in p.QuestionTargets.Where(q => !keys.Contains(q.Value)))
            errors.Add("questionTargets", TaxonomyRefusal.SplitQuestionTarget, questionId, target);
        for (var i = 0; i < p.KeywordRules.Count; i++)
        {
            var rule = p.KeywordRules[i];
            if (!keys.Contains(rule.Target)) errors.Add($"keywordRules[{i}].target", TaxonomyRefusal.SplitRuleTarget, rule.Target);
            if (rule.Keywords is null || rule.Keywords.Count == 0 || rule.Keywords.Any(string.IsNullOrWhiteSpace)) errors.Add($"keywordRules[{i}].keywords", TaxonomyRefusal.SplitRuleKeywords);
        }
        if (p.QuestionTargets.Count > 0)
        {
            var wanted = p.QuestionTargets.Keys.ToList();
            var found = await db.Questions.Where(q => wanted.Contains(q.Id)).Select(q => q.Id).ToListAsync(ct);
            foreach (var missing in wanted.Except(found).Take(20)) errors.Add("questionTargets", TaxonomyRefusal.QuestionMissing, missing);
        }
        if (p.DomainKey is not null) await CheckDomainAsync(p.DomainKey, null, "domainKey", errors, ct);
        errors.ThrowIfAny();
        return new(TaxonomyChangeKind.Split, p with { ExpectedVersion = Capture(source, p.ExpectedVersion) },
            ChangeSummaries.Of(ChangeSummary.Split, source.Key, string.Join(", ", p.NewIntents.Select(n => n.Key)), p.DefaultTarget));
    }

    private async Task<Intent> IntentAsync(int id, string field, CancellationToken ct) =>
        await db.Intents.AsNoTracking().Include(i => i.Domain).SingleOrDefaultAsync(i => i.Id == id, ct)
        ?? throw new ValidationException(field, CodedMessage.Of(TaxonomyRefusal.IntentMissing, id));

    /// <summary>The token to store: the current one, after checking the caller's (if given) still matches.</summary>
    private static Guid Capture(Intent intent, Guid? expected)
    {
        if (expected is { } e && e != intent.Version)
            throw new ConflictException(CodedMessage.Of(TaxonomyRefusal.IntentChanged, intent.Key), [intent.Key]);
        return intent.Version;
    }

    private async Task CheckKeyFreeAsync(string key, string field, ErrorBag errors, CancellationToken ct)
    {
        if (await db.Intents.AnyAsync(i => i.Key == key, ct)) errors.Add(field, TaxonomyRefusal.KeyExists, key);
        else if ((await PendingKeysAsync(ct)).TryGetValue(key, out var changeId))
            errors.Add(field, TaxonomyRefusal.KeyPending, key, changeId);
    }

    /// <summary>A replacement may name an existing intent, one a pending proposal creates, or one created alongside.</summary>
    private async Task<bool> KeyKnownAsync(string key, CancellationToken ct) =>
        keysAlongside?.Contains(key) == true
        || await db.Intents.AnyAsync(i => i.Key == key, ct)
        || (await PendingKeysAsync(ct)).ContainsKey(key);

    private async Task CheckDomainAsync(string key, NewDomain? definition, string field, ErrorBag errors, CancellationToken ct)
    {
        if (await db.Domains.AnyAsync(d => d.Key == key, ct)) return;
        if (definition is null || definition.Key != key)
        {
            errors.Add(field, TaxonomyRefusal.UnknownDomain, key);
            return;
        }
        errors.AddIf(field, Core.Taxonomy.TaxonomyKeys.DomainKeyProblem(key));
        DraftRules.CheckNewNames(definition.Names, "newDomain.names", errors);
    }

    private async Task<Dictionary<string, long>> PendingKeysAsync(CancellationToken ct)
    {
        if (_pendingKeys is not null) return _pendingKeys;
        var pending = await db.TaxonomyChanges.AsNoTracking()
            .Where(c => c.Status == ReviewStatus.Pending && (c.Kind == TaxonomyChangeKind.Add || c.Kind == TaxonomyChangeKind.Rename || c.Kind == TaxonomyChangeKind.Split))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Kind, c.Payload }).ToListAsync(ct);
        _pendingKeys = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var c in pending)
            foreach (var key in ChangeTargets.Of(PayloadJson.Deserialize(c.Kind, c.Payload)).NewKeys)
                _pendingKeys.TryAdd(key, c.Id);
        return _pendingKeys;
    }
}
