using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Taxonomy;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>A proposal that passed validation: its concurrency tokens filled in, and a one-line summary for reviewers.</summary>
internal sealed record ValidatedChange(TaxonomyChangeKind Kind, ChangePayload Payload, CodedMessage Summary);

/// <summary>
/// Checks a proposal against the current taxonomy and the other pending proposals. Failing input
/// raises <see cref="ValidationException"/> (all field errors at once); a caller-supplied concurrency
/// token that no longer matches raises <see cref="ConflictException"/>.
/// </summary>
/// <param name="keysAlongside">Keys created by other proposals of the same batch (an import), which a replacement may name.</param>
internal sealed partial class ChangeValidator(PuoDbContext db, IReadOnlySet<string>? keysAlongside = null)
{
    private Dictionary<string, long>? _pendingKeys;

    public Task<ValidatedChange> ValidateAsync(ChangePayload payload, CancellationToken ct) => WithoutNulls(payload) switch
    {
        AddIntentPayload p => AddAsync(p, ct),
        RenameIntentPayload p => RenameAsync(p, ct),
        EditIntentPayload p => EditAsync(p, ct),
        MergeIntentsPayload p => MergeAsync(p, ct),
        SplitIntentPayload p => SplitAsync(p, ct),
        DeprecateIntentPayload p => DeprecateAsync(p, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(payload), payload.GetType().Name, null),
    };

    /// <summary>Payloads come from JSON, where a client may send null for an empty list; treat it as empty.</summary>
    private static ChangePayload WithoutNulls(ChangePayload payload) => payload switch
    {
        AddIntentPayload p => p with { Intent = p.Intent ?? new IntentDraft(), DomainKey = p.DomainKey ?? "" },
        MergeIntentsPayload p => p with { SourceIds = p.SourceIds ?? [] },
        SplitIntentPayload p => p with
        {
            NewIntents = (p.NewIntents ?? []).Select(n => n ?? new IntentDraft()).ToList(),
            QuestionTargets = p.QuestionTargets ?? [],
            KeywordRules = (p.KeywordRules ?? []).Select(r => r ?? new Core.Taxonomy.KeywordRule([], "")).ToList(),
            DefaultTarget = p.DefaultTarget ?? "",
        },
        _ => payload,
    };

    private async Task<ValidatedChange> AddAsync(AddIntentPayload p, CancellationToken ct)
    {
        var errors = new ErrorBag();
        DraftRules.CheckDraft(p.Intent, "intent.", errors);
        if (TaxonomyKeys.IsSnakeCase(p.Intent.Key)) await CheckKeyFreeAsync(p.Intent.Key, "intent.key", errors, ct);
        await CheckDomainAsync(p.DomainKey, p.NewDomain, "domainKey", errors, ct);
        if (p.ReplacedByKey is not null)
        {
            if (p.Status != IntentStatus.Deprecated) errors.Add("replacedByKey", TaxonomyRefusal.ReplacementNeedsDeprecated);
            else if (p.ReplacedByKey == p.Intent.Key) errors.Add("replacedByKey", TaxonomyRefusal.ReplacesItself);
            else if (!await KeyKnownAsync(p.ReplacedByKey, ct)) errors.Add("replacedByKey", TaxonomyRefusal.UnknownIntentKey, p.ReplacedByKey);
        }
        errors.ThrowIfAny();
        var name = DraftRules.DisplayName(p.Intent.Names);
        return new(TaxonomyChangeKind.Add, p, p.Status == IntentStatus.Active
            ? ChangeSummaries.Of(ChangeSummary.Add, p.DomainKey, p.Intent.Key, name)
            : ChangeSummaries.Of(ChangeSummary.AddAs, p.DomainKey, p.Intent.Key, name, ChangeSummaries.Status(p.Status)));
    }

    private async Task<ValidatedChange> RenameAsync(RenameIntentPayload p, CancellationToken ct)
    {
        var intent = await IntentAsync(p.IntentId, "intentId", ct);
        var errors = new ErrorBag();
        var parts = new List<CodedMessage>();
        if (p.NewKey is not null && p.NewKey != intent.Key)
        {
            errors.AddIf("newKey", TaxonomyKeys.IntentKeyProblem(p.NewKey));
            if (TaxonomyKeys.IsSnakeCase(p.NewKey)) await CheckKeyFreeAsync(p.NewKey, "newKey", errors, ct);
            parts.Add(ChangeSummaries.Of(ChangeSummary.RenameKey, intent.Key, p.NewKey));
        }
        if (p.Names is not null)
        {
            DraftRules.CheckNameChanges(p.Names, "names", errors);
            foreach (var (locale, name) in p.Names.Where(n => intent.Names.GetValueOrDefault(n.Key, "") != n.Value.Trim()))
                parts.Add(ChangeSummaries.Of(ChangeSummary.RenameName, locale, intent.Names.GetValueOrDefault(locale, ""), name.Trim()));
        }
        if (parts.Count == 0) errors.Add("names", TaxonomyRefusal.NothingToRename);
        errors.ThrowIfAny();
        return new(TaxonomyChangeKind.Rename, p with { ExpectedVersion = Capture(intent, p.ExpectedVersion) },
            ChangeSummaries.Of(ChangeSummary.Rename, intent.Key, ChangeSummaries.List(ChangeSummary.ListSemicolon, parts)));
    }

    private async Task<ValidatedChange> EditAsync(EditIntentPayload p, CancellationToken ct)
    {
        var intent = await IntentAsync(p.IntentId, "intentId", ct);
        var errors = new ErrorBag();
        var fields = new List<CodedMessage>();
        if (p.Names is not null)
        {
            DraftRules.CheckNameChanges(p.Names, "names", errors);
            if (!DraftRules.ApplyNameChanges(intent.Names, p.Names).OrderBy(k => k.Key).SequenceEqual(intent.Names.OrderBy(k => k.Key))) fields.Add(ChangeSummaries.Of(ChangeSummary.FieldNames));
        }
        Track(p.Description, intent.Description, "description", ChangeSummary.FieldDescription);
        Track(p.IncludeCriteria, intent.IncludeCriteria, "includeCriteria", ChangeSummary.FieldIncludeCriteria);
        Track(p.ExcludeCriteria, intent.ExcludeCriteria, "excludeCriteria", ChangeSummary.FieldExcludeCriteria);
        DraftRules.CheckExamples(p.Examples, "examples", errors);
        if (p.Examples is not null && !p.Examples.SequenceEqual(intent.Examples)) fields.Add(ChangeSummaries.Of(ChangeSummary.FieldExamples));
        if (p.GuideRef is not null)
        {
            errors.AddIf("guideRef", GuideReference.Problem(p.GuideRef));
            if (p.GuideRef != (intent.GuideRef ?? "")) fields.Add(ChangeSummaries.Of(ChangeSummary.FieldGuideRef));
        }
        if (p.DomainKey is not null && p.DomainKey != intent.Domain?.Key)
        {
            await CheckDomainAsync(p.DomainKey, p.NewDomain, "domainKey", errors, ct);
            fields.Add(ChangeSummaries.Of(ChangeSummary.FieldDomain, p.DomainKey));
        }
        if (p.Status is { } status && status != intent.Status)
        {
            if (status == IntentStatus.Deprecated) errors.Add("status", TaxonomyRefusal.DeprecateSeparately);
            fields.Add(ChangeSummaries.Of(ChangeSummary.FieldStatus, ChangeSummaries.Status(status)));
        }
        if (fields.Count == 0) errors.Add("intentId", TaxonomyRefusal.NothingToChange);
        errors.ThrowIfAny();
        return new(TaxonomyChangeKind.Edit, p with { ExpectedVersion = Capture(intent, p.ExpectedVersion) },
            ChangeSummaries.Of(ChangeSummary.Edit, intent.Key, ChangeSummaries.List(ChangeSummary.ListComma, fields)));

        void Track(string? proposed, string current, string field, ChangeSummary word)
        {
            DraftRules.CheckText(proposed, field, errors);
            if (proposed is not null && proposed != current) fields.Add(ChangeSummaries.Of(word));
        }
    }

    private async Task<ValidatedChange> DeprecateAsync(DeprecateIntentPayload p, CancellationToken ct)
    {
        var intent = await IntentAsync(p.IntentId, "intentId", ct);
        var errors = new ErrorBag();
        if (intent.Status == IntentStatus.Deprecated) errors.Add("intentId", TaxonomyRefusal.AlreadyDeprecated, intent.Key);
        string? replacement = null;
        if (p.ReplacedById is { } rid)
        {
            var r = await db.Intents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == rid, ct);
            if (r is null) errors.Add("replacedById", TaxonomyRefusal.IntentMissing, rid);
            else if (r.Id == intent.Id) errors.Add("replacedById", TaxonomyRefusal.ReplacesItself);
            else if (r.Status == IntentStatus.Deprecated) errors.Add("replacedById", TaxonomyRefusal.ReplacementDeprecated, r.Key);
            replacement = r?.Key;
        }
        else if (p.ReplacedByKey is not null)
        {
            if (p.ReplacedByKey == intent.Key) errors.Add("replacedByKey", TaxonomyRefusal.ReplacesItself);
            else if (!await KeyKnownAsync(p.ReplacedByKey, ct)) errors.Add("replacedByKey", TaxonomyRefusal.UnknownIntentKey, p.ReplacedByKey);
            replacement = p.ReplacedByKey;
        }
        errors.ThrowIfAny();
        return new(TaxonomyChangeKind.Deprecate, p with { ExpectedVersion = Capture(intent, p.ExpectedVersion) },
            replacement is null ? ChangeSummaries.Of(ChangeSummary.Deprecate, intent.Key) : ChangeSummaries.Of(ChangeSummary.DeprecateReplaced, intent.Key, replacement));
    }
}
