using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Scripts;

/// <summary>
/// draft → in review → approved → retired (or rejected back to its author). Lint errors block
/// submission and approval; a reviewer never approves a version they wrote or last edited. Each
/// step checks the stamp the caller saw and is audited in the same transaction. Approving and
/// retiring tell the bot's <see cref="ServedScriptCache"/> (when there is one) to read the scripts again.
/// </summary>
public sealed class ScriptReview(PuoDbContext db, ScriptEditor editor, ILogger<ScriptReview> logger, ServedScriptCache? served = null)
{
    public const int MaxCommentLength = 4000;

    public async Task<Guid> SubmitAsync(long versionId, Guid expectedStamp, Actor actor, CancellationToken ct = default)
    {
        ScriptInputRules.RequireRole(actor, ScriptInputRules.EditorRoles, ScriptRefusal.OnlyEditorsSubmit);
        var (script, version) = await LoadAsync(versionId, expectedStamp, ScriptVersionStatus.Draft, ScriptRefusal.StepSubmitted, ct);
        await ThrowIfLintErrorsAsync(script, version, ScriptRefusal.StepSubmitted, ct);
        version.Status = ScriptVersionStatus.InReview;
        version.SubmittedAt = DateTime.UtcNow;
        return await CommitAsync(actor, "script.submit", script, version, null, ct);
    }

    public async Task<Guid> WithdrawAsync(long versionId, Guid expectedStamp, Actor actor, CancellationToken ct = default)
    {
        ScriptInputRules.RequireRole(actor, ScriptInputRules.EditorRoles, ScriptRefusal.OnlyEditorsWithdraw);
        var (script, version) = await LoadAsync(versionId, expectedStamp, ScriptVersionStatus.InReview, ScriptRefusal.StepWithdrawn, ct);
        version.Status = ScriptVersionStatus.Draft;
        return await CommitAsync(actor, "script.withdraw", script, version, null, ct);
    }

    /// <summary>Approves; when it is effective now it replaces the served version at once (older approved ones retire).</summary>
    public async Task<Guid> ApproveAsync(long versionId, Guid expectedStamp, Actor reviewer, string? note = null, CancellationToken ct = default)
    {
        ScriptInputRules.RequireRole(reviewer, ScriptInputRules.ReviewerRoles, ScriptRefusal.OnlyReviewersApprove);
        var (script, version) = await LoadAsync(versionId, expectedStamp, ScriptVersionStatus.InReview, ScriptRefusal.StepApproved, ct);
        ThrowIfOwnChange(version, reviewer);
        await ThrowIfLintErrorsAsync(script, version, ScriptRefusal.StepApproved, ct);
        var now = DateTime.UtcNow;
        version.Status = ScriptVersionStatus.Approved;
        (version.ReviewerId, version.ReviewedAt, version.ReviewNote) = (reviewer.UserId, now, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        if (version.EffectiveFrom is null || version.EffectiveFrom <= now)
        {
            var older = await db.ScriptVersions.Where(v => v.ScriptId == script.Id && v.Id != version.Id && v.Status == ScriptVersionStatus.Approved).ToListAsync(ct);
            foreach (var o in older) o.Status = ScriptVersionStatus.Retired;
            script.PublishedVersionId = version.Id;
        }
        var stamp = await CommitAsync(reviewer, "script.approve", script, version, version.EffectiveFrom is { } e ? CodedMessage.Of(AuditDetail.EffectiveFrom, e) : null, ct);
        served?.Invalidate();
        return stamp;
    }

    public async Task<Guid> RejectAsync(long versionId, Guid expectedStamp, Actor reviewer, string note, CancellationToken ct = default)
    {
        ScriptInputRules.RequireRole(reviewer, ScriptInputRules.ReviewerRoles, ScriptRefusal.OnlyReviewersReject);
        if (string.IsNullOrWhiteSpace(note)) throw new ValidationException("note", CodedMessage.Of(ScriptRefusal.RejectionNoteRequired));
        var (script, version) = await LoadAsync(versionId, expectedStamp, ScriptVersionStatus.InReview, ScriptRefusal.StepRejected, ct);
        ThrowIfOwnChange(version, reviewer);
        version.Status = ScriptVersionStatus.Rejected;
        (version.ReviewerId, version.ReviewedAt, version.ReviewNote) = (reviewer.UserId, DateTime.UtcNow, note.Trim());
        return await CommitAsync(reviewer, "script.reject", script, version, null, ct);
    }

    /// <summary>Takes the script off the bot: every approved or open version is retired, nothing is deleted.</summary>
    public async Task RetireAsync(long scriptId, Actor actor, CancellationToken ct = default)
    {
        ScriptInputRules.RequireRole(actor, [Roles.Curator, Roles.Reviewer, Roles.Admin], ScriptRefusal.OnlyStaffRetire);
        var script = await db.Scripts.SingleOrDefaultAsync(s => s.Id == scriptId, ct) ?? throw new NotFoundException(CodedMessage.Of(ScriptRefusal.ScriptMissing, scriptId));
        var versions = await db.ScriptVersions.Where(v => v.ScriptId == scriptId && v.Status != ScriptVersionStatus.Retired && v.Status != ScriptVersionStatus.Rejected).ToListAsync(ct);
        foreach (var v in versions)
        {
            v.Status = ScriptVersionStatus.Retired;
            v.Stamp = Guid.NewGuid();
        }
        script.PublishedVersionId = null;
        script.UpdatedAt = DateTime.UtcNow;
        db.AuditLog.Add(ScriptAudit.Entry(actor, "script.retire", "ReplyScript", scriptId.ToString(System.Globalization.CultureInfo.InvariantCulture), CodedMessage.Of(AuditDetail.ScriptRetired, versions.Count)));
        await db.SaveChangesAsync(ct);
        served?.Invalidate();
    }

    public async Task<CommentView> CommentAsync(long versionId, string body, Actor actor, CancellationToken ct = default)
    {
        ScriptInputRules.RequireRole(actor, [Roles.Curator, Roles.Reviewer, Roles.Admin], ScriptRefusal.OnlyStaffComment);
        if (string.IsNullOrWhiteSpace(body)) throw new ValidationException("body", CodedMessage.Of(ScriptRefusal.CommentEmpty));
        if (body.Length > MaxCommentLength) throw new ValidationException("body", CodedMessage.Of(ScriptRefusal.CommentTooLong, MaxCommentLength));
        var version = await db.ScriptVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, ct)
            ?? throw new NotFoundException(CodedMessage.Of(ScriptRefusal.VersionMissing, versionId));
        var comment = new ScriptReviewComment { VersionId = versionId, AuthorId = actor.UserId, AuthorName = actor.DisplayName, Body = body.Trim() };
        db.ScriptComments.Add(comment);
        db.AuditLog.Add(ScriptAudit.Entry(actor, "script.comment", "ReplyScript", version.ScriptId.ToString(System.Globalization.CultureInfo.InvariantCulture), CodedMessage.Of(AuditDetail.ScriptComment, version.Number)));
        await db.SaveChangesAsync(ct);
        return new CommentView(comment.Id, comment.AuthorId, comment.AuthorName, comment.Body, comment.CreatedAt);
    }

    private async Task<(ReplyScript, ReplyScriptVersion)> LoadAsync(long versionId, Guid expectedStamp, ScriptVersionStatus required, ScriptRefusal step, CancellationToken ct)
    {
        var version = await db.ScriptVersions.SingleOrDefaultAsync(v => v.Id == versionId, ct)
            ?? throw new NotFoundException(CodedMessage.Of(ScriptRefusal.VersionMissing, versionId));
        if (version.Stamp != expectedStamp)
            throw new ConflictException(CodedMessage.Of(ScriptRefusal.VersionChanged, version.Number, ScriptInputRules.StatusWord(version.Status)));
        if (version.Status != required)
            throw new ConflictException(CodedMessage.Of(ScriptRefusal.WrongStatus, version.Number, ScriptInputRules.StatusWord(version.Status),
                ScriptInputRules.StatusWord(required), CodedMessage.Of(step)));
        var script = await db.Scripts.SingleAsync(s => s.Id == version.ScriptId, ct);
        return (script, version);
    }

    private async Task ThrowIfLintErrorsAsync(ReplyScript script, ReplyScriptVersion version, ScriptRefusal step, CancellationToken ct)
    {
        var errors = (await editor.LintAsync(script, version, ct)).Where(f => f.Severity == LintSeverity.Error).ToList();
        if (errors.Count == 0) return;
        // The title is coded (the first finding, itself coded, as its argument); the per-finding lines keep rule and span for the API.
        var refusal = CodedMessage.Of(ScriptRefusal.StyleErrorsBlock, version.Number, errors.Count, CodedMessage.Of(step), (object?)errors[0].Text ?? errors[0].Message);
        throw new ValidationException(refusal, new Dictionary<string, string[]> { ["body"] = errors.Select(e => $"{e.Rule} [{e.Start}-{e.End}]: {e.Message}").ToArray() });
    }

    /// <summary>
    /// The four-eyes rule: whoever wrote a version or last edited it may not approve or reject it.
    /// Public so the console can say so before anyone clicks; the review steps enforce it.
    /// </summary>
    public static bool IsOwnChange(string? authorId, string? updatedById, Actor reviewer) =>
        reviewer.UserId is { } id && (authorId == id || updatedById == id);

    private static void ThrowIfOwnChange(ReplyScriptVersion version, Actor reviewer)
    {
        if (IsOwnChange(version.AuthorId, version.UpdatedById, reviewer))
            throw new ForbiddenException(CodedMessage.Of(ScriptRefusal.OwnChange));
    }

    private async Task<Guid> CommitAsync(Actor actor, string action, ReplyScript script, ReplyScriptVersion version, CodedMessage? extra, CancellationToken ct)
    {
        version.Stamp = Guid.NewGuid();
        script.UpdatedAt = DateTime.UtcNow;
        db.AuditLog.Add(ScriptAudit.Version(actor, action, script, version, extra));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(CodedMessage.Of(ScriptRefusal.ChangedMeanwhile, version.Number));
        }
        ScriptLog.StatusChanged(logger, version.Id, version.Status.ToString());
        return version.Stamp;
    }
}
