using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Escalations;

/// <summary>
/// What people do with a hand-over: take it, assign it to someone eligible, release it, close it with
/// an outcome and a note, reopen it. Open → Assigned → Closed, and back. Each command checks the case's
/// version when the caller gives the one it saw (the console and the API do), is refused with an
/// <see cref="EscalationRefusal"/>, and writes one audit entry in the same save; a concurrent change
/// makes the save fail on the version, so of two people taking the same case one wins and the other
/// gets <see cref="EscalationRefusal.TakenByOther"/> or <see cref="EscalationRefusal.Changed"/>.
/// </summary>
public sealed class EscalationDesk(PuoDbContext db, TimeProvider clock, ILogger<EscalationDesk> logger)
{
    /// <summary>What a change returns when there is nothing to do (assigning a case to whom it is already assigned).</summary>
    private static readonly CodedMessage Unchanged = CodedMessage.Of(AuditDetail.None);

    public Task<EscalationOutcomeView> TakeAsync(long id, int? expectedVersion, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, actor, "escalation.take", (e, now) =>
        {
            ThrowIfClosed(e);
            if (e.AssigneeId is not null && e.AssigneeId == actor.UserId) throw Conflict(EscalationRefusal.AlreadyYours, e.Id);
            if (e.AssigneeId is not null) return TakenByOtherAsync(e);
            (e.Status, e.AssigneeId, e.AssignedAt) = (EscalationStatus.Assigned, actor.UserId, now);
            return Task.FromResult<CodedMessage?>(null);
        }, ct);

    public Task<EscalationOutcomeView> AssignAsync(long id, string assigneeId, int? expectedVersion, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, actor, "escalation.assign", async (e, now) =>
        {
            ThrowIfClosed(e);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == assigneeId || u.UserName == assigneeId)
                .Select(u => new { u.Id, u.DisplayName, u.IsDisabled }).FirstOrDefaultAsync(ct)
                ?? throw new ValidationException("assignee", CodedMessage.Of(EscalationRefusal.UnknownUser, assigneeId));
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync(ct);
            if (user.IsDisabled || !roles.Any(r => EscalationLimits.HandlerRoles.Contains(r!)))
                throw new ValidationException("assignee", CodedMessage.Of(EscalationRefusal.NotEligible, user.DisplayName));
            if (e.AssigneeId == user.Id) return Unchanged;
            (e.Status, e.AssigneeId, e.AssignedAt) = (EscalationStatus.Assigned, user.Id, now);
            return CodedMessage.Of(AuditDetail.AssignedTo, user.Id);
        }, ct);

    public Task<EscalationOutcomeView> ReleaseAsync(long id, int? expectedVersion, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, actor, "escalation.release", (e, _) =>
        {
            ThrowIfClosed(e);
            if (e.AssigneeId is null) throw Conflict(EscalationRefusal.NotAssigned, e.Id);
            var from = e.AssigneeId;
            (e.Status, e.AssigneeId, e.AssignedAt) = (EscalationStatus.Open, null, null);
            return Task.FromResult<CodedMessage?>(CodedMessage.Of(AuditDetail.ReleasedFrom, from));
        }, ct);

    /// <summary>
    /// Closes the case and ends its conversation as escalated (if the bot had not ended it), so the
    /// indicators read it as the metric registry defines: handed to a person, whatever the outcome.
    /// </summary>
    public async Task<EscalationOutcomeView> CloseAsync(long id, CloseEscalationInput input, int? expectedVersion, Actor actor, CancellationToken ct = default)
    {
        var outcome = EscalationLimits.ParseOutcome(input.Outcome);
        if (outcome is null)
            throw new ValidationException("outcome", CodedMessage.Of(EscalationRefusal.UnknownValue, "outcome", input.Outcome ?? "", string.Join(", ", EscalationLimits.Outcomes)));
        var note = input.Note?.Trim() ?? "";
        if (note.Length == 0) throw new ValidationException("note", CodedMessage.Of(EscalationRefusal.NoteRequired));
        if (note.Length > EscalationLimits.NoteLength) throw new ValidationException("note", CodedMessage.Of(EscalationRefusal.NoteTooLong, EscalationLimits.NoteLength));
        var redacted = (await new PiiPatternStore(db).CreateRedactorAsync(ct)).RedactText(note);
        return await ChangeAsync(id, expectedVersion, actor, "escalation.close", async (e, now) =>
        {
            ThrowIfClosed(e);
            (e.Status, e.ClosedAt, e.ClosedById, e.Outcome, e.ResolutionNote) = (EscalationStatus.Closed, now, actor.UserId, outcome, redacted);
            // The one who closes it handled it, unless it was someone else's and they close it for them.
            if (e.AssigneeId is null) (e.AssigneeId, e.AssignedAt) = (actor.UserId, now);
            var conversation = await db.Conversations.FirstAsync(c => c.Id == e.ConversationId, ct);
            conversation.Outcome = ConversationOutcome.Escalated;
            conversation.EndedAt ??= now;
            return AuditDetails.Outcome(outcome.Value);
        }, ct);
    }

    public Task<EscalationOutcomeView> ReopenAsync(long id, int? expectedVersion, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, actor, "escalation.reopen", (e, _) =>
        {
            if (e.Status != EscalationStatus.Closed) throw Conflict(EscalationRefusal.NotClosed, e.Id);
            // Back to whoever had it; the last outcome and note stay until the next close replaces them.
            (e.Status, e.ClosedAt, e.ClosedById) = (e.AssigneeId is null ? EscalationStatus.Open : EscalationStatus.Assigned, null, null);
            return Task.FromResult<CodedMessage?>(null);
        }, ct);

    private async Task<EscalationOutcomeView> ChangeAsync(long id, int? expectedVersion, Actor actor, string action,
        Func<Escalation, DateTime, Task<CodedMessage?>> change, CancellationToken ct)
    {
        if (!actor.IsInAnyRole([.. EscalationLimits.HandlerRoles]))
            throw new ForbiddenException(CodedMessage.Of(EscalationRefusal.NotAllowed));
        var e = await db.Escalations.FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException(CodedMessage.Of(EscalationRefusal.NotFound, id));
        if (expectedVersion is { } v && v != e.Version)
        {
            // Someone took it meanwhile: say who, which is what the person needs to know.
            if (action == "escalation.take" && e.Status == EscalationStatus.Assigned && e.AssigneeId != actor.UserId) await TakenByOtherAsync(e);
            throw Conflict(EscalationRefusal.Changed, id);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var detail = await change(e, now);
        if (ReferenceEquals(detail, Unchanged)) return new EscalationOutcomeView(e.Id, EscalationLimits.Name(e.Status), e.AssigneeId, e.Version);
        e.Version++;
        db.AuditLog.Add(new AuditEntry
        {
            At = now, ActorId = actor.UserId, ActorName = actor.DisplayName, Action = action, EntityType = "Escalation",
            EntityId = id.ToString(CultureInfo.InvariantCulture),
        }.WithDetail(detail is null ? AuditDetails.Status(e.Status) : CodedMessage.Of(AuditDetail.EscalationChange, AuditDetails.Status(e.Status), detail)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            EscalationLog.Conflicted(logger, id, action);
            var now2 = await db.Escalations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (action == "escalation.take" && now2 is { Status: EscalationStatus.Assigned } && now2.AssigneeId != actor.UserId) await TakenByOtherAsync(now2);
            throw Conflict(EscalationRefusal.Changed, id);
        }
        EscalationLog.Changed(logger, id, action, e.Version);
        return new EscalationOutcomeView(e.Id, EscalationLimits.Name(e.Status), e.AssigneeId, e.Version);
    }

    private async Task<CodedMessage?> TakenByOtherAsync(Escalation e)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.Id == e.AssigneeId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? e.AssigneeId ?? "";
        throw Conflict(EscalationRefusal.TakenByOther, e.Id, name);
    }

    private static void ThrowIfClosed(Escalation e)
    {
        if (e.Status == EscalationStatus.Closed) throw Conflict(EscalationRefusal.IsClosed, e.Id);
    }

    private static ConflictException Conflict(EscalationRefusal code, params object[] args) => new(CodedMessage.Of(code, args));
}

/// <summary>A case after a command: its new status, assignee and version (send the version with the next command).</summary>
public sealed record EscalationOutcomeView(long Id, string Status, string? AssigneeId, int Version);
