using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Tests.Escalations;

/// <summary>Take, assign, release, close and reopen: the state moves, each step is audited, and refusals come as codes.</summary>
public sealed class EscalationDeskTests
{
    private static CancellationToken Ct => EscalationTestBed.Ct;

    [Fact]
    public async Task Take_AssignsTheCaseToMe_BumpsTheVersion_AndIsAudited()
    {
        await using var bed = await EscalationTestBed.CreateAsync();
        var id = await bed.AddAsync();

        var taken = await bed.DeskAsync(d => d.TakeAsync(id, 0, bed.Curator, Ct));

        Assert.Equal(("assigned", bed.Curator.UserId, 1), (taken.Status, taken.AssigneeId, taken.Version));
        await using var db = bed.NewContext();
        var stored = await db.Escalations.SingleAsync(e => e.Id == id, Ct);
        Assert.Equal((EscalationStatus.Assigned, bed.Curator.UserId), (stored.Status, stored.AssigneeId));
        Assert.NotNull(stored.AssignedAt);
        var audit = await db.AuditLog.SingleAsync(a => a.EntityType == "Escalation", Ct);
        Assert.Equal(("escalation.take", id.ToString(System.Globalization.CultureInfo.InvariantCulture), bed.Curator.UserId), (audit.Action, audit.EntityId, audit.ActorId));
    }

    [Fact]
    public async Task Take_SomeoneElsesCase_IsRefusedWithTheirName()
    {
        await using var bed = await EscalationTestBed.CreateAsync();
        var id = await bed.AddAsync();
        await bed.DeskAsync(d => d.TakeAsync(id, 0, bed.Reviewer, Ct));

        var refused = await Assert.ThrowsAsync<ConflictException>(() => bed.DeskAsync(d => d.TakeAsync(id, null, bed.Curator, Ct)));

        Assert.Equal(EscalationRefusal.TakenByOther, refused.Code!.Code);
        Assert.Equal(new object[] { id, bed.Reviewer.DisplayName }, refused.Code.Args);
    }

    [Fact]
    public async Task Command_WithAStaleVersion_IsRefusedAsChanged_AndWritesNothing()
    {
        await using var bed = await EscalationTestBed.CreateAsync();
        var id = await bed.AddAsync();
        await bed.DeskAsync(d => d.TakeAsync(id, 0, bed.Curator, Ct));

        var refused = await Assert.ThrowsAsync<ConflictException>(() => bed.DeskAsync(d => d.ReleaseAsync(id, 0, bed.Curator, Ct)));

        Assert.Equal(EscalationRefusal.Changed, refused.Code!.Code);
        await using var db = bed.NewContext();
        Assert.Equal(EscalationStatus.Assigned, (await db.Escalations.SingleAsync(e => e.Id == id, Ct)).Status);
        Assert.Equal(1, await db.AuditLog.CountAsync(Ct));
    }

    [Fact]
    public async Task Viewer_MayNotAct_AndUnknownCases_AreNotFound()
    {
        await using var bed = await EscalationTestBed.CreateAsync();
        var id = await bed.AddAsync();

        var forbidden = await Assert.ThrowsAsync<ForbiddenException>(() => bed.DeskAsync(d => d.TakeAsync(id, null, bed.Viewer, Ct)));
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => bed.DeskAsync(d => d.TakeAsync(id + 100, null, bed.Curator, Ct)));

        Assert.Equal(EscalationRefusal.NotAllowed, forbidden.Code!.Code);
        Assert.Equal(EscalationRefusal.NotFound, missing.Code!.Code);
    }

    [Theory]
    [InlineData("u-vic", EscalationRefusal.NotEligible)]
    [InlineData(EscalationTestBed.DisabledCurator, EscalationRefusal.NotEligible)]
    [InlineData("nobody-here", EscalationRefusal.UnknownUser)]
    public async Task Assign_ToSomeoneWhoCannotHandleIt_IsRefused(string assignee, EscalationRefusal expected)
    {
        await using var bed = await EscalationTestBed.CreateAsync();
        var id = await bed.AddAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => bed.DeskAsync(d => d.AssignAsync(id, assignee, null, bed.Curator, Ct)));

        Assert.Equal(expected, refused.Codes["assignee"].Single()!.Code);
    }

    [Fact]
    public async Task Assign_ThenRelease_MovesTheCaseBetweenPeopleAndTheQueue()
    {
        await using var bed = await EscalationTestBed.CreateAsync();
        var id = await bed.AddAsync();

        var assigned = await bed.DeskAsync(d => d.AssignAsync(id, bed.Reviewer.UserId!, 0, bed.Curator, Ct));
        var released = await bed.DeskAsync(d => d.ReleaseAsync(id, assigned.Version, bed.Curator, Ct));
        var again = await Assert.ThrowsAsync<ConflictException>(() => bed.DeskAsync(d => d.ReleaseAsync(id, null, bed.Curator, Ct)));

        Assert.Equal(("assigned", bed.Reviewer.UserId), (assigned.Status, assigned.AssigneeId));
        Assert.Equal(("open", (string?)null), (released.Status, released.AssigneeId));
        Assert.Equal(EscalationRefusal.NotAssigned, again.Code!.Code);
        await using var db = bed.NewContext();
        Assert.Equal(["escalation.assign", "escalation.release"], await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Theory]
    [InlineData("resolved", "", EscalationRefusal.NoteRequired, "note")]
    [InlineData("fixed", "called the user", EscalationRefusal.UnknownValue, "outcome")]
    [InlineData(null, "called the user", EscalationRefusal.UnknownValue, "outcome")]
    public async Task Close_RefusesAMissingNoteOrOutcome(string? outcome, string note, EscalationRefusal expected, string field)
    {
        await using var bed = await EscalationTestBed.CreateAsync();
        var id = await bed.AddAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => bed.DeskAsync(d => d.CloseAsync(id, new CloseEscalationInput(outcome, note), null, bed.Curator, Ct)));

        Assert.Equal(expected, refused.Codes[field].Single()!.Code);
    }

    [Fact]
    public async Task Close_RefusesANoteOverTheLimit()
    {
        await using var bed = await EscalationTestBed.CreateAsync();
        var id = await bed.AddAsync();
        var note = new string('x', EscalationLimits.NoteLength + 1);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => bed.DeskAsync(d => d.CloseAsync(id, new CloseEscalationInput("resolved", note), null, bed.Curator, Ct)));

        Assert.Equal(EscalationRefusal.NoteTooLong, refused.Codes["note"].Single()!.Code);
    }

    [Fact]
    public async Task Close_StoresTheOutcomeAndARedactedNote_AndEndsTheConversationAsEscalated()
    {
        await using var bed = await EscalationTestBed.CreateAsync();
        var id = await bed.AddAsync();

        var closed = await bed.DeskAsync(d => d.CloseAsync(id, new CloseEscalationInput("resolved", "Refunded; confirmed by mail to li.na@example.com"), 0, bed.Reviewer, Ct));

        Assert.Equal("closed", closed.Status);
        await using var db = bed.NewContext();
        var stored = await db.Escalations.SingleAsync(e => e.Id == id, Ct);
        Assert.Equal((EscalationOutcome.ResolvedByPerson, bed.Reviewer.UserId, bed.Reviewer.UserId), (stored.Outcome, stored.ClosedById, stored.AssigneeId));
        Assert.NotNull(stored.ClosedAt);
        Assert.DoesNotContain("li.na@example.com", stored.ResolutionNote, StringComparison.Ordinal);
        Assert.StartsWith("Refunded; confirmed by mail to", stored.ResolutionNote, StringComparison.Ordinal);
        var conversation = await db.Conversations.SingleAsync(c => c.Id == stored.ConversationId, Ct);
        Assert.Equal(ConversationOutcome.Escalated, conversation.Outcome);
        Assert.Equal(stored.ClosedAt, conversation.EndedAt);
    }

    [Fact]
    public async Task Reopen_GivesTheCaseBackToItsAssignee_AndOnlyAClosedCaseReopens()
    {
        await using var bed = await EscalationTestBed.CreateAsync();
        var id = await bed.AddAsync();
        var taken = await bed.DeskAsync(d => d.TakeAsync(id, 0, bed.Curator, Ct));
        var closed = await bed.DeskAsync(d => d.CloseAsync(id, new CloseEscalationInput("unresolved", "user stopped answering"), taken.Version, bed.Curator, Ct));
        var closedAgain = await Assert.ThrowsAsync<ConflictException>(() => bed.DeskAsync(d => d.TakeAsync(id, null, bed.Reviewer, Ct)));

        var reopened = await bed.DeskAsync(d => d.ReopenAsync(id, closed.Version, bed.Reviewer, Ct));
        var notClosed = await Assert.ThrowsAsync<ConflictException>(() => bed.DeskAsync(d => d.ReopenAsync(id, null, bed.Reviewer, Ct)));

        Assert.Equal(EscalationRefusal.IsClosed, closedAgain.Code!.Code);
        Assert.Equal(("assigned", bed.Curator.UserId), (reopened.Status, reopened.AssigneeId));
        Assert.Equal(EscalationRefusal.NotClosed, notClosed.Code!.Code);
        await using var db = bed.NewContext();
        var stored = await db.Escalations.SingleAsync(e => e.Id == id, Ct);
        Assert.Null(stored.ClosedAt);
        Assert.Equal(["escalation.take", "escalation.close", "escalation.reopen"], await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }
}
