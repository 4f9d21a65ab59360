using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>
/// The review workflow of the taxonomy. Curators propose; nothing changes until a reviewer (never
/// the proposer) approves, which applies the change, migrates label references and publishes a new
/// taxonomy version in one transaction. Errors: <see cref="ValidationException"/> (bad input),
/// <see cref="ForbiddenException"/> (role, self-approval), <see cref="NotFoundException"/>,
/// <see cref="ConflictException"/> (stale intent, already reviewed, key taken meanwhile).
/// </summary>
public sealed partial class TaxonomyChangeService(PuoDbContext db, ILogger<TaxonomyChangeService> logger)
{
    /// <summary>Roles that may propose changes (the web layer's policy should say the same).</summary>
    public static readonly IReadOnlyList<string> ProposerRoles = [Roles.Curator, Roles.Admin];

    /// <summary>Roles that may approve or reject (not their own proposals).</summary>
    public static readonly IReadOnlyList<string> ReviewerRoles = [Roles.Reviewer, Roles.Admin];

    public Task<ChangeView> ProposeAddAsync(AddIntentPayload payload, Actor actor, CancellationToken ct = default) => ProposeAsync(payload, actor, ct);
    public Task<ChangeView> ProposeRenameAsync(RenameIntentPayload payload, Actor actor, CancellationToken ct = default) => ProposeAsync(payload, actor, ct);
    public Task<ChangeView> ProposeEditAsync(EditIntentPayload payload, Actor actor, CancellationToken ct = default) => ProposeAsync(payload, actor, ct);
    public Task<ChangeView> ProposeMergeAsync(MergeIntentsPayload payload, Actor actor, CancellationToken ct = default) => ProposeAsync(payload, actor, ct);
    public Task<ChangeView> ProposeSplitAsync(SplitIntentPayload payload, Actor actor, CancellationToken ct = default) => ProposeAsync(payload, actor, ct);
    public Task<ChangeView> ProposeDeprecateAsync(DeprecateIntentPayload payload, Actor actor, CancellationToken ct = default) => ProposeAsync(payload, actor, ct);

    /// <summary>Validates and stores a proposal as Pending. The taxonomy itself is not touched.</summary>
    public async Task<ChangeView> ProposeAsync(ChangePayload payload, Actor actor, CancellationToken ct = default)
    {
        RequireRole(actor, ProposerRoles, TaxonomyRefusal.OnlyProposersPropose);
        var validated = await new ChangeValidator(db).ValidateAsync(payload, ct);
        var saved = await SaveProposalsAsync([validated], actor, ct);
        return (await ViewsAsync(saved, ct))[0];
    }

    /// <summary>Stores already validated proposals (one import) in one save, each with its audit entry.</summary>
    internal async Task<IReadOnlyList<TaxonomyChange>> SaveProposalsAsync(IReadOnlyList<ValidatedChange> proposals, Actor actor, CancellationToken ct)
    {
        RequireRole(actor, ProposerRoles, TaxonomyRefusal.OnlyProposersPropose);
        var changes = proposals.Select(p =>
        {
            var (code, args) = CodedMessageJson.Write(p.Summary);
            return new TaxonomyChange
            {
                Kind = p.Kind,
                Payload = PayloadJson.Serialize(p.Payload),
                Summary = p.Summary.English,
                SummaryCode = code,
                SummaryArgs = args,
                Status = ReviewStatus.Pending,
                ProposedById = actor.UserId,
                ProposedAt = DateTime.UtcNow,
            };
        }).ToList();
        db.TaxonomyChanges.AddRange(changes);
        await db.SaveChangesAsync(ct);
        foreach (var change in changes)
        {
            db.AuditLog.Add(Audit(actor, "taxonomy.propose", change, CodedMessage.Of(AuditDetail.TaxonomyKind, AuditDetails.Kind(change.Kind))));
            TaxonomyLog.Proposed(logger, change.Id, change.Kind);
        }
        await db.SaveChangesAsync(ct);
        return changes;
    }

    public async Task<ChangeView> RejectAsync(long changeId, Actor reviewer, string note, CancellationToken ct = default)
    {
        RequireRole(reviewer, ReviewerRoles, TaxonomyRefusal.OnlyReviewersReview);
        if (string.IsNullOrWhiteSpace(note))
            throw new ValidationException("note", CodedMessage.Of(TaxonomyRefusal.RejectionNoteRequired));
        var change = await db.TaxonomyChanges.SingleOrDefaultAsync(c => c.Id == changeId, ct)
            ?? throw new NotFoundException(CodedMessage.Of(TaxonomyRefusal.ChangeMissing, changeId));
        EnsurePending(change);
        var claimed = await db.TaxonomyChanges.Where(c => c.Id == changeId && c.Status == ReviewStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ReviewStatus.Rejected)
                .SetProperty(c => c.ReviewedById, reviewer.UserId)
                .SetProperty(c => c.ReviewedAt, DateTime.UtcNow)
                .SetProperty(c => c.ReviewNote, note.Trim()), ct);
        if (claimed == 0) throw new ConflictException(CodedMessage.Of(TaxonomyRefusal.ChangeReviewedMeanwhile, changeId));
        db.AuditLog.Add(Audit(reviewer, "taxonomy.reject", change, CodedMessage.Of(AuditDetail.TaxonomyKind, AuditDetails.Kind(change.Kind))));
        await db.SaveChangesAsync(ct);
        TaxonomyLog.Rejected(logger, changeId);
        await db.Entry(change).ReloadAsync(ct);
        return (await ViewsAsync([change], ct))[0];
    }

    public async Task<ChangeView> GetAsync(long changeId, CancellationToken ct = default)
    {
        var change = await db.TaxonomyChanges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == changeId, ct)
            ?? throw new NotFoundException(CodedMessage.Of(TaxonomyRefusal.ChangeMissing, changeId));
        return (await ViewsAsync([change], ct))[0];
    }

    /// <summary>Newest first; pending ones are what the review page lists.</summary>
    public async Task<IReadOnlyList<ChangeView>> ListAsync(ReviewStatus? status = null, int take = 200, CancellationToken ct = default)
    {
        var query = db.TaxonomyChanges.AsNoTracking();
        if (status is { } s) query = query.Where(c => c.Status == s);
        var changes = await query.OrderByDescending(c => c.Id).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        return await ViewsAsync(changes, ct);
    }

    /// <summary>What approving a pending proposal would touch. Reads only.</summary>
    public async Task<TaxonomyImpact> PreviewImpactAsync(long changeId, CancellationToken ct = default)
    {
        var change = await db.TaxonomyChanges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == changeId, ct)
            ?? throw new NotFoundException(CodedMessage.Of(TaxonomyRefusal.ChangeMissing, changeId));
        EnsurePending(change);
        return await new ImpactCalculator(db).ForAsync(PayloadJson.Deserialize(change.Kind, change.Payload), ct);
    }

    /// <summary>The impact of a proposal not yet made (a merge or split being drafted); validates it first.</summary>
    public async Task<TaxonomyImpact> PreviewImpactAsync(ChangePayload payload, CancellationToken ct = default)
    {
        var validated = await new ChangeValidator(db).ValidateAsync(payload, ct);
        return await new ImpactCalculator(db).ForAsync(validated.Payload, ct);
    }

    /// <summary>Refuses with <paramref name="refusal"/> (which names the roles) unless the actor has one of <paramref name="roles"/>.</summary>
    internal static void RequireRole(Actor actor, IReadOnlyList<string> roles, TaxonomyRefusal refusal)
    {
        if (!roles.Any(actor.IsInRole))
            throw new ForbiddenException(CodedMessage.Of(refusal));
    }

    private static void EnsurePending(TaxonomyChange change)
    {
        if (change.Status != ReviewStatus.Pending)
            throw new ConflictException(CodedMessage.Of(change.Status == ReviewStatus.Approved ? TaxonomyRefusal.AlreadyApproved : TaxonomyRefusal.AlreadyRejected, change.Id));
    }

    private static AuditEntry Audit(Actor actor, string action, TaxonomyChange change, CodedMessage detail) => new AuditEntry
    {
        ActorId = actor.UserId,
        ActorName = actor.DisplayName,
        Action = action,
        EntityType = nameof(TaxonomyChange),
        EntityId = change.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.WithDetail(detail);

    private async Task<IReadOnlyList<ChangeView>> ViewsAsync(IReadOnlyList<TaxonomyChange> changes, CancellationToken ct)
    {
        var userIds = changes.SelectMany(c => new[] { c.ProposedById, c.ReviewedById }).OfType<string>().Distinct().ToList();
        var names = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var versionIds = changes.Select(c => c.ResultingVersionId).OfType<int>().Distinct().ToList();
        var numbers = versionIds.Count == 0 ? [] : await db.TaxonomyVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => v.Number, ct);
        return changes.Select(c => new ChangeView(
            c.Id, c.Kind, c.Summary, c.Status, PayloadJson.Deserialize(c.Kind, c.Payload),
            c.ProposedById, c.ProposedById is null ? null : names.GetValueOrDefault(c.ProposedById),
            c.ProposedAt, c.ReviewedById, c.ReviewedById is null ? null : names.GetValueOrDefault(c.ReviewedById),
            c.ReviewedAt, c.ReviewNote, c.ResultingVersionId,
            c.ResultingVersionId is { } v ? numbers.GetValueOrDefault(v) : null, ChangeSummaries.Read(c.SummaryCode, c.SummaryArgs))).ToList();
    }
}
