using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Changes;

public sealed partial class TaxonomyChangeService
{
    /// <summary>Applies one proposal and publishes a new taxonomy version.</summary>
    public async Task<ChangeView> ApproveAsync(long changeId, Actor reviewer, string? note = null, CancellationToken ct = default) =>
        (await ApproveManyAsync([changeId], reviewer, note, ct)).Changes[0];

    /// <summary>
    /// Applies several proposals in id order (an import: adds before the edits and deprecations that
    /// may name them) in one transaction, and publishes one version. All or nothing: any conflict
    /// rolls every one back and leaves them pending.
    /// </summary>
    public async Task<ApprovalResult> ApproveManyAsync(IReadOnlyList<long> changeIds, Actor reviewer, string? note = null, CancellationToken ct = default)
    {
        RequireRole(reviewer, ReviewerRoles, TaxonomyRefusal.OnlyReviewersReview);
        var ids = changeIds.Distinct().Order().ToList();
        if (ids.Count == 0) throw new ValidationException("changeIds", CodedMessage.Of(TaxonomyRefusal.NoProposalChosen));

        var found = await db.TaxonomyChanges.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        if (ids.FirstOrDefault(id => found.All(c => c.Id != id)) is var missing and > 0)
            throw new NotFoundException(CodedMessage.Of(TaxonomyRefusal.ChangeMissing, missing));
        foreach (var change in found) EnsurePending(change);
        if (reviewer.UserId is not null && found.FirstOrDefault(c => c.ProposedById == reviewer.UserId) is { } own)
            throw new ForbiddenException(CodedMessage.Of(TaxonomyRefusal.OwnProposal, own.Id));

        var label = string.Join(",", ids);
        try
        {
            var result = await ApplyInTransactionAsync(ids, reviewer, note, ct);
            TaxonomyLog.Approved(logger, label, result.VersionNumber);
            return result;
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            TaxonomyLog.ApprovalConflict(logger, label);
            throw new ConflictException(CodedMessage.Of(ex is DbUpdateConcurrencyException
                ? TaxonomyRefusal.IntentChangedDuringApproval
                : TaxonomyRefusal.TaxonomyChangedDuringApproval));
        }
        catch (ConflictException)
        {
            db.ChangeTracker.Clear();
            TaxonomyLog.ApprovalConflict(logger, label);
            throw;
        }
        catch
        {
            // The transaction rolled back; entities tracked half-applied must not leak into a later save on this context.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>
    /// The summaries of what was approved; a large import is summarised by count. The code is null when a
    /// summary has none (a proposal stored before summaries had codes): the note is then English only.
    /// </summary>
    private static (string English, CodedMessage? Code) DefaultNote(List<TaxonomyChange> changes)
    {
        if (changes.Count <= 5)
        {
            var summaries = changes.Select(c => ChangeSummaries.Read(c.SummaryCode, c.SummaryArgs)).ToList();
            return (string.Join("; ", changes.Select(c => c.Summary)),
                summaries.All(s => s is not null) ? ChangeSummaries.List(ChangeSummary.ListSemicolon, summaries!) : null);
        }
        var kinds = changes.GroupBy(c => c.Kind).Select(g => ChangeSummaries.Of(ChangeSummary.KindCount, g.Count(), ChangeSummaries.Kind(g.Key))).ToList();
        var note = ChangeSummaries.Of(ChangeSummary.ManyChanges, changes.Count, ChangeSummaries.List(ChangeSummary.ListComma, kinds));
        return (note.English, note);
    }

    private async Task<ApprovalResult> ApplyInTransactionAsync(List<long> ids, Actor reviewer, string? note, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Claim first: of two reviewers approving at once, exactly one sees every row still pending.
        var claimed = await db.TaxonomyChanges.Where(c => ids.Contains(c.Id) && c.Status == ReviewStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ReviewStatus.Approved), ct);
        if (claimed != ids.Count) throw new ConflictException(CodedMessage.Of(TaxonomyRefusal.ReviewedMeanwhile));

        var changes = await db.TaxonomyChanges.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(ct);
        var applier = new ChangeApplier(db);
        var details = new Dictionary<long, CodedMessage>();
        foreach (var change in changes)
            details[change.Id] = await applier.ApplyAsync(change, PayloadJson.Deserialize(change.Kind, change.Payload), ct);

        (string English, CodedMessage? Code)? generated = note is null ? DefaultNote(changes) : null;
        var version = await VersionPublisher.PublishAsync(db, reviewer.UserId, note ?? generated?.English, generated?.Code, ct);
        var now = DateTime.UtcNow;
        foreach (var change in changes)
        {
            change.Status = ReviewStatus.Approved;
            change.ReviewedById = reviewer.UserId;
            change.ReviewedAt = now;
            change.ReviewNote = note;
            change.ResultingVersionId = version.Id;
            db.AuditLog.Add(Audit(reviewer, "taxonomy.approve", change, CodedMessage.Of(AuditDetail.TaxonomyApproved, AuditDetails.Kind(change.Kind), version.Number, details[change.Id])));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ApprovalResult(await ViewsAsync(changes, ct), version.Id, version.Number);
    }
}
