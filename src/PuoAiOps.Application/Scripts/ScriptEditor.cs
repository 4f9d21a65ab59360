using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Scripts;

/// <summary>
/// Creating scripts and saving drafts. A script has at most one open version (draft, in review or
/// rejected); editing an approved script starts a new draft, so approved text never changes. Saves
/// are optimistic: the caller sends the stamp of the draft it edited, and a save against an older
/// stamp writes nothing and returns both texts (<see cref="SaveOutcome.Conflict"/>). Lint runs on
/// every save and its findings come back with the result.
/// </summary>
public sealed partial class ScriptEditor(PuoDbContext db, StyleRuleSettings rules, ILogger<ScriptEditor> logger)
{
    private static readonly ScriptVersionStatus[] Open = [ScriptVersionStatus.Draft, ScriptVersionStatus.InReview, ScriptVersionStatus.Rejected];

    public async Task<SaveResult> CreateAsync(NewScriptInput input, Actor actor, CancellationToken ct = default)
    {
        ScriptInputRules.RequireRole(actor, ScriptInputRules.EditorRoles, ScriptRefusal.OnlyEditorsCreate);
        var problems = ScriptInputRules.DraftProblems(input.Draft);
        ScriptInputRules.CheckLocaleAndChannel(input.Locale, input.Channel, problems);
        if (string.IsNullOrWhiteSpace(input.Title)) problems.Add(CodedMessage.Of(ScriptRefusal.TitleRequired));
        var (intent, intentProblem) = await ScriptInputRules.ResolveIntentAsync(db, input.IntentKey, ct);
        if (intentProblem is not null) problems.Insert(0, intentProblem);
        ScriptInputRules.ThrowIfAny(problems);

        var existing = await db.Scripts.AsNoTracking()
            .Where(s => s.IntentId == intent!.Id && s.Locale == input.Locale && s.Channel == input.Channel).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
            throw new ConflictException(CodedMessage.Of(ScriptRefusal.ScriptExists, input.Locale, input.Channel, input.IntentKey, id));

        var now = DateTime.UtcNow;
        var script = new ReplyScript
        {
            IntentId = intent!.Id, Locale = input.Locale, Channel = input.Channel, Title = input.Title.Trim(),
            Tags = Clean(input.Tags), OwnerId = input.OwnerId ?? actor.UserId, UpdatedAt = now,
        };
        var version = NewVersion(1, input.Draft, actor, now);
        script.Versions.Add(version);
        db.Scripts.Add(script);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new ConflictException(CodedMessage.Of(ScriptRefusal.ScriptCreatedMeanwhile, input.Locale, input.Channel, input.IntentKey));
        }
        db.AuditLog.Add(ScriptAudit.Version(actor, "script.create", script, version));
        await db.SaveChangesAsync(ct);
        var findings = await LintAsync(script, version, ct);
        ScriptLog.Saved(logger, script.Id, version.Number, findings.Count(f => f.Severity == LintSeverity.Error));
        return new SaveResult(SaveOutcome.Saved, script.Id, version.Id, version.Number, version.Stamp, findings);
    }

    /// <summary>Saves the open draft (or starts one from the approved text). See the class remarks for conflicts.</summary>
    public async Task<SaveResult> SaveDraftAsync(long scriptId, DraftInput draft, Actor actor, CancellationToken ct = default)
    {
        ScriptInputRules.RequireRole(actor, ScriptInputRules.EditorRoles, ScriptRefusal.OnlyEditorsEdit);
        ScriptInputRules.ThrowIfAny(ScriptInputRules.DraftProblems(draft));
        var script = await db.Scripts.SingleOrDefaultAsync(s => s.Id == scriptId, ct)
            ?? throw new NotFoundException(CodedMessage.Of(ScriptRefusal.ScriptMissing, scriptId));
        var latest = await db.ScriptVersions.Where(v => v.ScriptId == scriptId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        var now = DateTime.UtcNow;

        if (latest is not null && Open.Contains(latest.Status))
        {
            if (latest.Stamp != draft.ExpectedStamp) return Conflict(script, latest, draft);
            if (latest.Status == ScriptVersionStatus.InReview)
                throw new ConflictException(CodedMessage.Of(ScriptRefusal.VersionInReview, latest.Number));
            Apply(latest, draft, actor, now);
            latest.Status = ScriptVersionStatus.Draft;
            script.UpdatedAt = now;
            db.AuditLog.Add(ScriptAudit.Version(actor, "script.save", script, latest));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return await ConflictAfterRaceAsync(script, latest.Id, draft, ct);
            }
            return await SavedAsync(script, latest, ct);
        }

        // No open version: the edit starts a new draft from what was approved (or retired).
        if (latest is not null && draft.ExpectedStamp is { } expected && expected != latest.Stamp) return Conflict(script, latest, draft);
        var version = NewVersion((latest?.Number ?? 0) + 1, draft, actor, now);
        version.ScriptId = script.Id;
        db.ScriptVersions.Add(version);
        script.UpdatedAt = now;
        db.AuditLog.Add(ScriptAudit.Version(actor, "script.save", script, version, CodedMessage.Of(AuditDetail.NewDraft)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Someone else started the new draft between our read and our insert.
            return await ConflictAfterRaceAsync(script, null, draft, ct);
        }
        return await SavedAsync(script, version, ct);
    }

    /// <summary>Title, tags and owner: descriptive fields outside the review cycle (audited).</summary>
    public async Task UpdateDetailsAsync(long scriptId, string title, IReadOnlyList<string>? tags, string? ownerId, Actor actor, CancellationToken ct = default)
    {
        ScriptInputRules.RequireRole(actor, ScriptInputRules.EditorRoles, ScriptRefusal.OnlyEditorsEdit);
        if (string.IsNullOrWhiteSpace(title)) throw new ValidationException("title", CodedMessage.Of(ScriptRefusal.TitleRequired));
        var script = await db.Scripts.SingleOrDefaultAsync(s => s.Id == scriptId, ct)
            ?? throw new NotFoundException(CodedMessage.Of(ScriptRefusal.ScriptMissing, scriptId));
        if (ownerId is not null && ownerId != script.OwnerId && !await ScriptDirectory.EligibleOwners(db).AnyAsync(u => u.Id == ownerId, ct))
            throw new ValidationException("owner", CodedMessage.Of(ScriptRefusal.OwnerNotEligible));
        (script.Title, script.Tags, script.OwnerId, script.UpdatedAt) = (title.Trim(), Clean(tags), ownerId, DateTime.UtcNow);
        db.AuditLog.Add(ScriptAudit.Entry(actor, "script.details", "ReplyScript", scriptId.ToString(System.Globalization.CultureInfo.InvariantCulture), CodedMessage.Of(AuditDetail.ScriptDetails, AuditDetails.OrNone(ownerId), script.Tags.Count)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Hands the script to another owner: an active Curator or Admin (<see cref="ScriptDirectory.EligibleOwnersAsync"/>).
    /// Only editors may do it; the audit log keeps the previous and the new owner. Returns false when nothing changed.
    /// </summary>
    public async Task<bool> ChangeOwnerAsync(long scriptId, string ownerId, Actor actor, CancellationToken ct = default)
    {
        ScriptInputRules.RequireRole(actor, ScriptInputRules.EditorRoles, ScriptRefusal.OnlyEditorsChangeOwner);
        if (string.IsNullOrWhiteSpace(ownerId)) throw new ValidationException("owner", CodedMessage.Of(ScriptRefusal.OwnerRequired));
        var script = await db.Scripts.SingleOrDefaultAsync(s => s.Id == scriptId, ct)
            ?? throw new NotFoundException(CodedMessage.Of(ScriptRefusal.ScriptMissing, scriptId));
        if (script.OwnerId == ownerId) return false;
        if (!await ScriptDirectory.EligibleOwners(db).AnyAsync(u => u.Id == ownerId, ct))
            throw new ValidationException("owner", CodedMessage.Of(ScriptRefusal.OwnerNotEligible));
        var previous = script.OwnerId;
        (script.OwnerId, script.UpdatedAt) = (ownerId, DateTime.UtcNow);
        db.AuditLog.Add(ScriptAudit.Entry(actor, "script.owner", "ReplyScript", scriptId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CodedMessage.Of(AuditDetail.ScriptOwner, AuditDetails.OrNone(previous), ownerId)));
        await db.SaveChangesAsync(ct);
        ScriptLog.OwnerChanged(logger, scriptId);
        return true;
    }

    internal async Task<IReadOnlyList<LintFinding>> LintAsync(ReplyScript script, ReplyScriptVersion version, CancellationToken ct) =>
        ScriptLinter.Lint(version.Body, version.Variables, await rules.ForAsync(script.Locale, script.Channel, ct), await rules.RedactorAsync(ct));

    private async Task<SaveResult> SavedAsync(ReplyScript script, ReplyScriptVersion version, CancellationToken ct)
    {
        var findings = await LintAsync(script, version, ct);
        ScriptLog.Saved(logger, script.Id, version.Number, findings.Count(f => f.Severity == LintSeverity.Error));
        return new SaveResult(SaveOutcome.Saved, script.Id, version.Id, version.Number, version.Stamp, findings);
    }

    private SaveResult Conflict(ReplyScript script, ReplyScriptVersion theirs, DraftInput mine)
    {
        db.ChangeTracker.Clear();
        ScriptLog.SaveConflict(logger, script.Id);
        return new SaveResult(SaveOutcome.Conflict, script.Id, theirs.Id, theirs.Number, theirs.Stamp, [],
            YourBody: mine.Body, TheirBody: theirs.Body, TheirEditorId: theirs.UpdatedById ?? theirs.AuthorId, TheirSavedAt: theirs.UpdatedAt);
    }

    private async Task<SaveResult> ConflictAfterRaceAsync(ReplyScript script, long? versionId, DraftInput mine, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var query = db.ScriptVersions.AsNoTracking().Where(v => v.ScriptId == script.Id);
        var theirs = versionId is { } id
            ? await query.SingleAsync(v => v.Id == id, ct)
            : await query.OrderByDescending(v => v.Number).FirstAsync(ct);
        return Conflict(script, theirs, mine);
    }

    private static ReplyScriptVersion NewVersion(int number, DraftInput draft, Actor actor, DateTime now)
    {
        var version = new ReplyScriptVersion { Number = number, AuthorId = actor.UserId, CreatedAt = now };
        Apply(version, draft, actor, now);
        return version;
    }

    private static void Apply(ReplyScriptVersion version, DraftInput draft, Actor actor, DateTime now)
    {
        version.Body = draft.Body.Replace("\r\n", "\n").Trim();
        version.Variables = [.. draft.Variables ?? []];
        version.SopLinks = [.. (draft.SopLinks ?? []).Select(l => l.Trim()).Distinct(StringComparer.Ordinal)];
        version.EffectiveFrom = draft.EffectiveFrom is { } e ? DateTime.SpecifyKind(e, DateTimeKind.Utc) : null;
        version.UpdatedById = actor.UserId;
        version.UpdatedAt = now;
        version.Stamp = Guid.NewGuid();
    }

    private static List<string> Clean(IReadOnlyList<string>? tags) =>
        (tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
