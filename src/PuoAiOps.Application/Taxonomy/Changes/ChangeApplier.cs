using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>
/// Applies one approved proposal inside the caller's transaction. Everything the world may have
/// changed since the proposal (an intent's concurrency token, a key taken, a domain gone) is a
/// <see cref="ConflictException"/>: the reviewer rejects the proposal and the curator proposes again.
/// </summary>
internal sealed partial class ChangeApplier(PuoDbContext db)
{
    public Task<CodedMessage> ApplyAsync(TaxonomyChange change, ChangePayload payload, CancellationToken ct) => payload switch
    {
        AddIntentPayload p => AddAsync(p, ct),
        RenameIntentPayload p => RenameAsync(change, p, ct),
        EditIntentPayload p => EditAsync(change, p, ct),
        MergeIntentsPayload p => MergeAsync(change, p, ct),
        SplitIntentPayload p => SplitAsync(change, p, ct),
        DeprecateIntentPayload p => DeprecateAsync(change, p, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(payload), payload.GetType().Name, null),
    };

    private async Task<CodedMessage> AddAsync(AddIntentPayload p, CancellationToken ct)
    {
        await EnsureKeyFreeAsync(p.Intent.Key, ct);
        var domain = await DomainAsync(p.DomainKey, p.NewDomain, ct);
        int? replacedBy = p.ReplacedByKey is null ? null : (await IntentByKeyAsync(p.ReplacedByKey, ct)).Id;
        var intent = NewIntent(p.Intent, domain, p.Status);
        intent.ReplacedById = replacedBy;
        db.Intents.Add(intent);
        await db.SaveChangesAsync(ct);
        return CodedMessage.Of(AuditDetail.IntentCreated, intent.Id);
    }

    private async Task<CodedMessage> RenameAsync(TaxonomyChange change, RenameIntentPayload p, CancellationToken ct)
    {
        var intent = await LoadAsync(change, p.IntentId, p.ExpectedVersion, ct);
        if (p.NewKey is not null && p.NewKey != intent.Key)
        {
            await EnsureKeyFreeAsync(p.NewKey, ct);
            intent.Key = p.NewKey;
        }
        if (p.Names is not null) intent.Names = DraftRules.ApplyNameChanges(intent.Names, p.Names);
        Touch(intent);
        await db.SaveChangesAsync(ct);
        return CodedMessage.Of(AuditDetail.IntentRenamed, intent.Id);
    }

    private async Task<CodedMessage> EditAsync(TaxonomyChange change, EditIntentPayload p, CancellationToken ct)
    {
        var intent = await LoadAsync(change, p.IntentId, p.ExpectedVersion, ct);
        if (p.Names is not null) intent.Names = DraftRules.ApplyNameChanges(intent.Names, p.Names);
        if (p.Description is not null) intent.Description = p.Description;
        if (p.IncludeCriteria is not null) intent.IncludeCriteria = p.IncludeCriteria;
        if (p.ExcludeCriteria is not null) intent.ExcludeCriteria = p.ExcludeCriteria;
        if (p.Examples is not null) intent.Examples = [.. p.Examples];
        if (p.GuideRef is not null) intent.GuideRef = p.GuideRef.Length == 0 ? null : p.GuideRef;
        if (p.DomainKey is not null) intent.DomainId = (await DomainAsync(p.DomainKey, p.NewDomain, ct)).Id;
        if (p.Status is { } status && status != intent.Status)
        {
            intent.Status = status;
            if (status != IntentStatus.Deprecated) intent.ReplacedById = null;
        }
        Touch(intent);
        await db.SaveChangesAsync(ct);
        return CodedMessage.Of(AuditDetail.IntentEdited, intent.Id);
    }

    private async Task<CodedMessage> DeprecateAsync(TaxonomyChange change, DeprecateIntentPayload p, CancellationToken ct)
    {
        var intent = await LoadAsync(change, p.IntentId, p.ExpectedVersion, ct);
        Intent? replacement = null;
        if (p.ReplacedById is { } rid)
            replacement = await db.Intents.SingleOrDefaultAsync(i => i.Id == rid, ct)
                ?? throw new ConflictException(CodedMessage.Of(TaxonomyRefusal.ReplacementGone, rid));
        else if (p.ReplacedByKey is not null)
            replacement = await IntentByKeyAsync(p.ReplacedByKey, ct);
        if (replacement is { Status: IntentStatus.Deprecated })
            throw new ConflictException(CodedMessage.Of(TaxonomyRefusal.ReplacementDeprecatedSince, replacement.Key));
        intent.Status = IntentStatus.Deprecated;
        intent.ReplacedById = replacement?.Id;
        Touch(intent);
        await db.SaveChangesAsync(ct);
        return CodedMessage.Of(AuditDetail.IntentDeprecated, intent.Id);
    }

    /// <summary>The intent, tracked, after checking its token is the one the proposal saw.</summary>
    private async Task<Intent> LoadAsync(TaxonomyChange change, int id, Guid? expected, CancellationToken ct)
    {
        var intent = await db.Intents.SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new ConflictException(CodedMessage.Of(TaxonomyRefusal.IntentGone, id));
        if (expected is { } e && e != intent.Version)
            throw new ConflictException(CodedMessage.Of(TaxonomyRefusal.ChangedSinceProposal, intent.Key, change.Id), [intent.Key]);
        return intent;
    }

    private static void Touch(Intent intent)
    {
        intent.Version = Guid.NewGuid();
        intent.UpdatedAt = DateTime.UtcNow;
    }

    private async Task EnsureKeyFreeAsync(string key, CancellationToken ct)
    {
        if (await db.Intents.AnyAsync(i => i.Key == key, ct))
            throw new ConflictException(CodedMessage.Of(TaxonomyRefusal.KeyCreatedSince, key), [key]);
    }

    private async Task<Intent> IntentByKeyAsync(string key, CancellationToken ct) =>
        await db.Intents.SingleOrDefaultAsync(i => i.Key == key, ct)
        ?? throw new ConflictException(CodedMessage.Of(TaxonomyRefusal.ApproveCreatorFirst, key), [key]);

    private async Task<IntentDomain> DomainAsync(string key, NewDomain? definition, CancellationToken ct)
    {
        var domain = await db.Domains.SingleOrDefaultAsync(d => d.Key == key, ct);
        if (domain is not null) return domain;
        if (definition is null || definition.Key != key)
            throw new ConflictException(CodedMessage.Of(TaxonomyRefusal.DomainGone, key), [key]);
        domain = new IntentDomain
        {
            Key = key, Names = new(definition.Names), Description = definition.Description, SortOrder = definition.SortOrder,
        };
        db.Domains.Add(domain);
        await db.SaveChangesAsync(ct);
        return domain;
    }

    // Null-tolerant: payloads arrive as JSON, where a client may send null for an empty field.
    private static Intent NewIntent(IntentDraft draft, IntentDomain domain, IntentStatus status) => new()
    {
        DomainId = domain.Id,
        Key = draft.Key,
        Names = (draft.Names ?? []).Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToDictionary(n => n.Key, n => n.Value.Trim()),
        Description = draft.Description ?? "",
        IncludeCriteria = draft.IncludeCriteria ?? "",
        ExcludeCriteria = draft.ExcludeCriteria ?? "",
        Examples = [.. draft.Examples ?? []],
        GuideRef = string.IsNullOrEmpty(draft.GuideRef) ? null : draft.GuideRef,
        Status = status,
    };
}
